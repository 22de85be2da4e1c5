import { describe, expect, it } from 'vitest';
import { validateRule } from '@/lib/classify';
import { draftErrors, draftFromRule, draftToInput, emptyDraft, kindChoices, withClass } from '@/lib/ui/rule-form';

const now = new Date(2025, 2, 5, 15, 30).getTime();

describe('rule form', () => {
  it('turns a host + path draft into a valid rule', () => {
    const d = { ...emptyDraft(), matchType: 'path' as const, host: 'docs.google.com', pathPrefix: '/document', cls: 'creative' as const, kind: 'writing' as const, tool: ' Docs ' };
    const r = validateRule(draftToInput(d, now), { now });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.rule).toMatchObject({ match: { type: 'path', host: 'docs.google.com', pathPrefix: '/document' }, class: 'creative', kind: 'writing', tool: 'Docs' });
  });

  it('"only from today" starts at local midnight, and an edited rule keeps its start', () => {
    const d = { ...emptyDraft(), host: 'a.io', cls: 'creative' as const, onlyFromToday: true };
    expect(draftToInput(d, now).fromTime).toBe(new Date(2025, 2, 5).getTime());
    const back = draftFromRule({ order: 0, createdAt: 1, match: { type: 'host', host: 'a.io' }, class: 'creative', fromTime: 123 });
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
