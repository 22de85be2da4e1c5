// Host normalisation before matching: case, trailing dot, default ports, www., IDN, tenants.
import { describe, expect, it } from 'vitest';
import { classifyUrl, createClassifier } from '@/lib/classify';
import {
  hostSuffixes,
  normalizeHostFast,
  normalizePathShape,
  prefixMatches,
  pathSegments,
} from '@/lib/classify/host-pattern';
import { normalizeHost } from '@/lib/url/normalize';

const classifier = createClassifier([]);

describe('tricky host forms in URLs', () => {
  it.each([
    ['https://DOCS.GOOGLE.COM/document/d/1AbC/edit', 'Google Docs', 'writing'],
    ['https://Docs.Google.Com./Document/d/1AbC/edit', 'Google Docs', 'writing'],
    ['https://docs.google.com:443/spreadsheets/d/1AbC/edit', 'Google Sheets', 'reporting'],
    ['http://docs.google.com:80/presentation/d/1AbC/edit', 'Google Slides', 'design'],
    ['https://www.figma.com/design/AbC/x', 'Figma', 'design'],
    ['https://WWW.FIGMA.COM./files/recents', 'Figma', 'admin'],
    ['https://www.calendly.com/jane', 'Calendly', 'meetings'],
    ['https://ACME.Atlassian.Net/wiki/spaces/MKT', 'Confluence', 'writing'],
    ['https://acme.atlassian.net.:443/browse/MKT-1', 'Jira', 'project'],
    ['https://eu-team.acme.atlassian.net/jira', 'Jira', 'project'],
    ['https://acme-marketing.slack.com/archives/C1', 'Slack', 'messaging'],
    ['https://APP.SLACK.COM/client/T1/C1', 'Slack', 'messaging'],
    ['https://us05web.zoom.us/wc/join/123', 'Zoom', 'meetings'],
    ['https://acme.lightning.force.com/lightning/page/home', 'Salesforce', 'admin'],
    ['https://acme--sandbox.sandbox.lightning.force.com/lightning/r/Report/00O/view', 'Salesforce', 'reporting'],
    ['https://acme.monday.com/boards/1', 'monday.com', 'project'],
    ['https://acme.webex.com/webappng/sites/acme/dashboard', 'Webex', 'meetings'],
    ['https://acme.notion.site/Handbook', 'Notion', 'writing'],
    ['https://de.wikipedia.org/wiki/Marketing', 'Wikipedia', 'research'],
    ['https://acme.sharepoint.com:443/:w:/r/sites/x', 'Microsoft Word', 'writing'],
  ])('%s → %s / %s', (url, tool, kind) => {
    const r = classifyUrl(url, classifier);
    expect(r.tool).toBe(tool);
    expect(r.kind).toBe(kind);
  });

  it('IDN hosts match in punycode and Unicode alike', () => {
    const c = createClassifier([
      { order: 0, match: { type: 'host', host: 'bücher-müller.de' }, class: 'neutral', createdAt: 0 },
    ]);
    expect(classifyUrl('https://bücher-müller.de/', c).class).toBe('neutral');
    expect(classifyUrl('https://xn--bcher-mller-thbg.de/shop', c).class).toBe('neutral');
    expect(c.classify('BÜCHER-MÜLLER.DE', '').class).toBe('neutral');
    expect(c.classify('xn--bcher-mller-thbg.de', '').class).toBe('neutral');
  });

  it('classify() normalises raw hosts and raw paths too', () => {
    expect(classifier.classify('WWW.Figma.com.', '/files/recents').kind).toBe('admin');
    expect(classifier.classify('docs.google.com:443', '/Document/d/1AbCdEfGhIjK/edit').tool).toBe('Google Docs');
    expect(classifier.classify('mail.google.com', 'chat/u/0').tool).toBe('Google Chat');
  });

  it('unknown hosts are unclassified and reported under the host', () => {
    expect(classifyUrl('https://www.some-agency.example/brief', classifier)).toEqual({
      url: 'https://www.some-agency.example/brief',
      tool: 'some-agency.example',
      class: 'unclassified',
      kind: 'unknown',
      rule: 'none',
    });
    expect(classifier.classify('', '')).toMatchObject({ class: 'unclassified', kind: 'unknown', origin: 'none' });
  });

  it('a wildcard matches sub-domains, not the apex', () => {
    expect(classifier.classify('atlassian.net', '').class).toBe('unclassified');
    expect(classifier.classify('sharepoint.com', '').class).toBe('unclassified');
  });

  it.each([
    ['chrome://extensions', 'Only http and https pages are tracked.'],
    ['file:///Users/jane/brief.pdf', 'Only http and https pages are tracked.'],
    ['mailto:jane@acme.com', 'Only http and https pages are tracked.'],
    ['https://', 'Not a valid URL.'],
    ['http://exa mple.com/', 'Not a valid URL.'],
    ['', 'Empty URL.'],
  ])('bad URL %j is unclassified with an error', (url, error) => {
    expect(classifyUrl(url, classifier)).toEqual({
      url,
      tool: '',
      class: 'unclassified',
      kind: 'unknown',
      rule: 'none',
      error,
    });
  });

  it('URLs without a scheme are read as https', () => {
    expect(classifyUrl('docs.google.com/document/d/1AbC/edit', classifier).tool).toBe('Google Docs');
    expect(classifyUrl('localhost:3000/wp-admin', classifier).tool).toBe('WordPress');
  });
});

describe('host-pattern helpers', () => {
  it.each([
    'acme.com',
    'WWW.ACME.COM',
    'acme.com.',
    'acme.com:443',
    'bücher.de',
    'www.',
    'www',
    '1.2.3.4',
    '0x7f.1',
    'a..b',
    'xn--zz',
    'exa_mple.com',
    'www.www.acme.com',
    '',
  ])('normalizeHostFast(%j) equals normalizeHost', (h) => {
    expect(normalizeHostFast(h)).toBe(normalizeHost(h));
  });

  it('walks label suffixes longest first', () => {
    expect(hostSuffixes('acme.lightning.force.com')).toEqual(['lightning.force.com', 'force.com', 'com']);
    expect(hostSuffixes('localhost')).toEqual([]);
  });

  it('matches path prefixes segment by segment, * matching one segment', () => {
    expect(prefixMatches(pathSegments('/email/*/edit'), pathSegments('/email/*/edit/*/content'))).toBe(true);
    expect(prefixMatches(pathSegments('/email/*/edit'), pathSegments('/email/manage/edit'))).toBe(true);
    expect(prefixMatches(pathSegments('/document'), pathSegments('/documents'))).toBe(false);
    expect(prefixMatches(pathSegments('/a/b'), pathSegments('/a'))).toBe(false);
  });

  it('path shapes are idempotent', () => {
    for (const p of ['/document/d/*/edit', '/mail/u/*', '', '/in/*', '/x/y/z', '/wiki/spaces/*'])
      expect(normalizePathShape(p)).toBe(p);
  });
});
