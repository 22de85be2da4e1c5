import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpaqueSegment, normalizeHost, pathShape, toPageRef } from '@/lib/url/normalize';

describe('toPageRef keeps only the host and the path shape', () => {
  it.each<[string, { host: string; path: string } | null]>([
    [
      'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit?usp=sharing#heading=h.x',
      { host: 'docs.google.com', path: '/document/d/*/edit' },
    ],
    ['https://docs.google.com/document/u/1/d/1AbCdEf12345/edit', { host: 'docs.google.com', path: '/document/u/*/d' }],
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWxyz', { host: 'mail.google.com', path: '/mail/u/*' }],
    [
      'https://www.figma.com/design/AbC123xyzQrs/Brand-Refresh-2026?node-id=1-2',
      { host: 'figma.com', path: '/design/*/*' },
    ],
    ['https://www.figma.com/files/team/123456/recents', { host: 'figma.com', path: '/files/team/*/recents' }],
    [
      'https://app.hubspot.com/email/4412345/edit/98765432/content',
      { host: 'app.hubspot.com', path: '/email/*/edit/*/content' },
    ],
    [
      'https://app.hubspot.com/reports-dashboard/4412345/view/1234567',
      { host: 'app.hubspot.com', path: '/reports-dashboard/*/view/*' },
    ],
    ['https://app.slack.com/client/T0123ABCD/C0456EFGH', { host: 'app.slack.com', path: '/client/*/*' }],
    ['https://acme.atlassian.net/browse/MKT-1234', { host: 'acme.atlassian.net', path: '/browse/*' }],
    [
      'https://acme.atlassian.net/wiki/spaces/MKT/pages/123456789/Q4+Campaign+Plan',
      { host: 'acme.atlassian.net', path: '/wiki/spaces/*/pages' },
    ],
    ['https://www.linkedin.com/in/jane-doe/', { host: 'linkedin.com', path: '/in/*' }],
    ['https://medium.com/@janedoe/my-post-title-abc123', { host: 'medium.com', path: '/*/*' }],
    ['https://example.com/blog/how-to-write-better-briefs', { host: 'example.com', path: '/blog/*' }],
    ['https://user:pass@Example.COM:443/Path', { host: 'example.com', path: '/path' }],
    ['http://localhost:3000/dashboard', { host: 'localhost', path: '/dashboard' }],
    ['https://docs.google.com.', { host: 'docs.google.com', path: '' }],
    ['https://bücher.example/Über', { host: 'xn--bcher-kva.example', path: '/*' }],
    [
      'https://calendar.google.com/calendar/u/0/r/week/2026/11/24',
      { host: 'calendar.google.com', path: '/calendar/u/*/r' },
    ],
    ['https://app.asana.com/0/1203456789/1204567890', { host: 'app.asana.com', path: '/*/*/*' }],
    ['chrome://extensions', null],
    ['about:blank', null],
    ['file:///home/me/secret.txt', null],
    ['chrome-extension://abc/popup.html', null],
    ['data:text/html,hello', null],
    ['not a url', null],
    ['', null],
  ])('%s', (url, expected) => {
    expect(toPageRef(url)).toEqual(expected);
  });
});

describe('normalizeHost', () => {
  it.each([
    ['WWW.Figma.COM', 'figma.com'],
    ['figma.com.', 'figma.com'],
    ['app.slack.com:443', 'app.slack.com'],
    ['https://www.notion.so/workspace', 'notion.so'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['www', 'www'],
    ['', ''],
    ['exa mple.com', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalizeHost(input)).toBe(expected);
  });
});

describe('isOpaqueSegment', () => {
  it.each([
    ['document', false],
    ['reports-dashboard', false],
    ['ga4', false],
    ['oauth2', false],
    ['0', true],
    ['12345', true],
    ['p12345', true],
    ['1AbCdEfGh', true],
    ['sUmNeVAqMDlFyhrmpkPk', true],
    ['Brand-Refresh', true],
    ['my-long-post-title', true],
    ['jane@example.com', true],
    ['caf%C3%A9', true],
    ['x'.repeat(25), true],
  ])('%s → %s', (segment, opaque) => {
    expect(isOpaqueSegment(segment as string)).toBe(opaque);
  });
});

describe('path shape invariants', () => {
  it('never keeps more than 3 literal segments or 6 in all, never a query, fragment, digit run of 3+ or an @', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const ref = toPageRef(url);
        if (!ref) return;
        const parts = ref.path.split('/').filter(Boolean);
        expect(parts.length).toBeLessThanOrEqual(6);
        expect(parts.filter((p) => p !== '*').length).toBeLessThanOrEqual(3);
        expect(ref.path).not.toMatch(/[?#@%]|\d{3}/);
        expect(pathShape(ref.path)).toBe(ref.path); // idempotent
      }),
      { numRuns: 500 },
    );
  });
});
