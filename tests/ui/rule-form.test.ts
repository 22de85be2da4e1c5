import { describe, expect, it } from 'vitest';
import { validateRule } from '@/lib/classify';
import {
  draftErrors,
  draftFromRule,
  draftToInput,
  emptyDraft,
  kindChoices,
  withClass,
  withPastedUrl,
} from '@/lib/ui/rule-form';

const now = new Date(2025, 2, 5, 15, 30).getTime();

describe('rule form', () => {
  it.each([
    ['host', 'https://www.Figma.com/file/AbC123/Launch?node-id=1', '', 'figma.com', ''],
    ['host', 'app.hubspot.com/email/123/edit', '', 'app.hubspot.com', ''],
    ['path', 'https://docs.google.com/document/d/1AbCdEfGh/edit#heading', '', 'docs.google.com', '/document/d'],
    ['path', 'https://notion.so/', '', 'notion.so', ''],
    ['path', 'https://app.asana.com/0/123/456', '/0', 'app.asana.com', '/0'],
  ] as const)(
    'a pasted address in a %s rule: %s → host %s, path %j (issue #15)',
    (matchType, host, pathPrefix, wantHost, wantPath) => {
      const d = withPastedUrl({ ...emptyDraft(), matchType, host, pathPrefix });
      expect([d.host, d.pathPrefix]).toEqual([wantHost, wantPath]);
      // And it is saved as such: the form accepts the pasted address.
      const r = validateRule(
        draftToInput(
          {
            ...emptyDraft(),
            matchType,
            host,
            pathPrefix: pathPrefix || (matchType === 'path' && wantPath === '' ? '/x' : ''),
            cls: 'creative',
          },
          now,
        ),
        { now },
      );
      expect(r.ok).toBe(true);
      if (r.ok) expect((r.rule.match as { host: string }).host).toBe(wantHost);
    },
  );

  it('leaves a host, a wildcard or a regex as typed', () => {
    for (const d of [
      { ...emptyDraft(), host: 'app.asana.com' },
      { ...emptyDraft(), matchType: 'path' as const, host: '*.atlassian.net', pathPrefix: '' },
      { ...emptyDraft(), matchType: 'regex' as const, pattern: '^app\\.x\\.com/' },
    ])
      expect(withPastedUrl(d)).toBe(d);
  });

  it('turns a host + path draft into a valid rule', () => {
    const d = {
      ...emptyDraft(),
      matchType: 'path' as const,
      host: 'docs.google.com',
      pathPrefix: '/document',
      cls: 'creative' as const,
      kind: 'writing' as const,
      tool: ' Docs ',
    };
    const r = validateRule(draftToInput(d, now), { now });
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.rule).toMatchObject({
        match: { type: 'path', host: 'docs.google.com', pathPrefix: '/document' },
        class: 'creative',
        kind: 'writing',
        tool: 'Docs',
      });
  });

  it('"only from today" starts at local midnight, and an edited rule keeps its start', () => {
    const d = { ...emptyDraft(), host: 'a.io', cls: 'creative' as const, onlyFromToday: true };
    expect(draftToInput(d, now).fromTime).toBe(new Date(2025, 2, 5).getTime());
    const back = draftFromRule({
      order: 0,
      createdAt: 1,
      match: { type: 'host', host: 'a.io' },
      class: 'creative',
      fromTime: 123,
    });
    expect(draftToInput(back, now).fromTime).toBe(123);
  });

  it('puts validateRule messages beside the right fields, and nothing is valid', () => {
    const d = { ...emptyDraft(), matchType: 'wildcard' as const, pattern: '*', cls: '' as const };
    const r = validateRule(draftToInput(d, now), { now });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const e = draftErrors(r.errors, d.matchType);
      expect(e.pattern).toBeTruthy();
      expect(e.cls).toBeTruthy();
      expect(e.host).toBeUndefined();
    }
  });

  it('filters kinds by class and drops a kind that does not fit a new class', () => {
    expect(kindChoices('creative').map((k) => k.id)).toContain('design');
    expect(kindChoices('').length).toBe(0);
    const d = { ...emptyDraft(), cls: 'creative' as const, kind: 'design' as const };
    expect(withClass(d, 'coordination').kind).toBe('');
    expect(withClass(d, 'creative').kind).toBe('design');
  });
});
