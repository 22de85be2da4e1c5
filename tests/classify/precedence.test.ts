// The person's rules over the catalog: precedence, specificity, order, fromTime, explain, memoisation.
import { describe, expect, it } from 'vitest';
import { createClassifier, classifyUrl, type UserRule, type RuleMatch } from '@/lib/classify';
import type { ClassName, KindId } from '@/lib/model';

let nextId = 1;
function rule(match: RuleMatch, cls: ClassName, extra: Partial<UserRule> = {}): UserRule {
  const id = extra.id ?? nextId++;
  return { id, order: extra.order ?? id, match, class: cls, createdAt: 0, ...extra };
}
const host = (h: string): RuleMatch => ({ type: 'host', host: h });
const wildcard = (p: string): RuleMatch => ({ type: 'wildcard', pattern: p });
const path = (h: string, pathPrefix: string): RuleMatch => ({ type: 'path', host: h, pathPrefix });
const regex = (p: string): RuleMatch => ({ type: 'regex', pattern: p });

describe('the person’s rules beat the catalog', () => {
  it('a host rule overrides the catalog, keeping the catalog tool when no tool is named', () => {
    const c = createClassifier([rule(host('docs.google.com'), 'neutral', { id: 7 })]);
    expect(c.classify('docs.google.com', '/document/d/*/edit')).toEqual({
      toolId: 'google-docs',
      tool: 'Google Docs',
      class: 'neutral',
      kind: 'personal',
      rule: 'rule #7 (docs.google.com)',
      origin: 'user',
    });
  });

  it('even a broad user wildcard beats a specific catalog path', () => {
    const c = createClassifier([
      rule(wildcard('*.google.com'), 'creative', { kind: 'research', tool: 'Google stuff' }),
    ]);
    const r = c.classify('docs.google.com', '/spreadsheets/d/*/edit');
    expect(r).toMatchObject({
      tool: 'Google stuff',
      toolId: 'user:Google stuff',
      class: 'creative',
      kind: 'research',
      origin: 'user',
    });
  });

  it('a rule without kind inherits the catalog kind when the class agrees, else the class default', () => {
    const same = createClassifier([rule(host('app.hubspot.com'), 'coordination')]);
    expect(same.classify('app.hubspot.com', '/reports-dashboard/*/view').kind).toBe('reporting');
    const other = createClassifier([rule(host('app.hubspot.com'), 'creative')]);
    expect(other.classify('app.hubspot.com', '/reports-dashboard/*/view').kind).toBe('writing');
    const unknown = createClassifier([rule(host('intranet.acme.example'), 'coordination')]);
    expect(unknown.classify('intranet.acme.example', '')).toMatchObject({
      tool: 'intranet.acme.example',
      toolId: 'host:intranet.acme.example',
      kind: 'admin',
    });
  });

  it('a rule naming a catalog tool reports under that tool’s id', () => {
    const c = createClassifier([rule(host('figma.acme-proxy.example'), 'creative', { kind: 'design', tool: 'figma' })]);
    expect(c.classify('figma.acme-proxy.example', '')).toMatchObject({ toolId: 'figma', tool: 'figma' });
  });

  it('unknown hosts become classifiable by a rule', () => {
    const c = createClassifier([
      rule(path('*.acme-intranet.example', '/wiki'), 'creative', { kind: 'writing', tool: 'Intranet wiki' }),
    ]);
    expect(classifyUrl('https://eu.acme-intranet.example/wiki/Brand', c)).toMatchObject({
      tool: 'Intranet wiki',
      class: 'creative',
      kind: 'writing',
    });
    expect(classifyUrl('https://eu.acme-intranet.example/people', c).class).toBe('unclassified');
  });
});

describe('most specific rule wins', () => {
  const rules = [
    rule(wildcard('*.acme.example'), 'coordination', { id: 1, order: 0, kind: 'admin' }),
    rule(wildcard('*.eu.acme.example'), 'coordination', { id: 2, order: 1, kind: 'project' }),
    rule(host('app.eu.acme.example'), 'coordination', { id: 3, order: 2, kind: 'messaging' }),
    rule(path('*.acme.example', '/docs'), 'creative', { id: 4, order: 3, kind: 'writing' }),
    rule(path('app.eu.acme.example', '/docs'), 'creative', { id: 5, order: 4, kind: 'research' }),
    rule(path('*.acme.example', '/docs/design'), 'creative', { id: 6, order: 5, kind: 'design' }),
    rule(regex('^app\\.eu\\.acme\\.example/docs/ai'), 'creative', { id: 7, order: 6, kind: 'ai' }),
  ];
  const c = createClassifier(rules);

  it.each<[string, string, KindId, number]>([
    ['x.acme.example', '', 'admin', 1],
    ['x.eu.acme.example', '', 'project', 2],
    ['app.eu.acme.example', '', 'messaging', 3],
    ['x.acme.example', '/docs', 'writing', 4],
    ['app.eu.acme.example', '/docs/guide', 'research', 5],
    ['app.eu.acme.example', '/docs/design/x', 'design', 6],
    ['app.eu.acme.example', '/docs/ai', 'ai', 7],
  ])('%s%s → %s (rule #%d)', (h, p, kind, id) => {
    const r = c.classify(h, p);
    expect(r.kind).toBe(kind);
    expect(r.rule).toMatch(new RegExp(`^rule #${id} `));
  });

  it('order breaks ties between equally specific rules; lower order wins regardless of list position', () => {
    const tie = createClassifier([
      rule(host('tie.example'), 'creative', { id: 10, order: 5, kind: 'design' }),
      rule(host('tie.example'), 'neutral', { id: 11, order: 2 }),
    ]);
    expect(tie.classify('tie.example', '').class).toBe('neutral');
    const same = createClassifier([
      rule(host('tie.example'), 'creative', { id: 21, order: 1, kind: 'design' }),
      rule(host('tie.example'), 'neutral', { id: 20, order: 1 }),
    ]);
    expect(same.classify('tie.example', '').rule).toBe('rule #20 (tie.example)');
  });

  it('a longer path prefix beats a shorter one on the same host', () => {
    const p = createClassifier([
      rule(path('app.example', '/a'), 'creative', { order: 0, kind: 'writing' }),
      rule(path('app.example', '/a/b'), 'creative', { order: 9, kind: 'design' }),
    ]);
    expect(p.classify('app.example', '/a/b/c').kind).toBe('design');
    expect(p.classify('app.example', '/a/x').kind).toBe('writing');
  });

  it('the catalog follows the same ladder: path > exact host > wildcard; host-specific path > any-host path', () => {
    const base = createClassifier([]);
    expect(base.classify('acme.wordpress.com', '/wp-admin').toolId).toBe('wordpress-com');
    expect(base.classify('blog.acme.example', '/wp-admin').toolId).toBe('wordpress');
    expect(base.classify('nytimes.com', '/wp-admin').toolId).toBe('wordpress');
    expect(base.classify('weather.yahoo.com', '').toolId).toBe('weather');
    expect(base.classify('news.yahoo.com', '').toolId).toBe('yahoo');
    expect(base.classify('mail.yahoo.com', '').toolId).toBe('yahoo-mail');
  });
});

describe('explain lists every matching rule with the winner marked', () => {
  it('user and catalog matches, most specific first', () => {
    const c = createClassifier([
      rule(host('app.hubspot.com'), 'creative', { id: 3, kind: 'writing', order: 1 }),
      rule(regex('^app\\.hubspot\\.com/email/'), 'creative', {
        id: 4,
        kind: 'writing',
        tool: 'HubSpot email',
        order: 2,
      }),
    ]);
    const e = c.explain('app.hubspot.com', '/reports-dashboard/*/view');
    expect(e.matches.map((m) => [m.rule, m.origin, m.winner])).toEqual([
      ['rule #3 (app.hubspot.com)', 'user', true],
      ['catalog: HubSpot (app.hubspot.com/reports-dashboard)', 'catalog', false],
      ['catalog: HubSpot (app.hubspot.com)', 'catalog', false],
    ]);
    expect(e.matches[0]).toMatchObject({ id: 3, class: 'creative', kind: 'writing', tool: 'HubSpot', active: true });
    expect(e.matches[1]).toMatchObject({ class: 'coordination', kind: 'reporting', tool: 'HubSpot' });
    expect(e.result.rule).toBe('rule #3 (app.hubspot.com)');
    const email = c.explain('app.hubspot.com', '/email/*/edit/*/content');
    expect(email.matches[0]).toMatchObject({
      rule: 'rule #4 (regex ^app\\.hubspot\\.com/email/)',
      winner: true,
      tool: 'HubSpot email',
    });
    expect(email.result).toMatchObject({ tool: 'HubSpot email', kind: 'writing' });
  });

  it('no match: empty list and the unclassified result', () => {
    const e = createClassifier([]).explain('nowhere.example', '/x');
    expect(e).toEqual({
      matches: [],
      result: {
        toolId: 'host:nowhere.example',
        tool: 'nowhere.example',
        class: 'unclassified',
        kind: 'unknown',
        rule: 'none',
        origin: 'none',
      },
    });
  });
});

describe('fromTime: "only from" rules apply to time at or after the instant', () => {
  const T = Date.UTC(2025, 0, 15, 9, 0, 0);
  const c = createClassifier([rule(host('canva.com'), 'neutral', { id: 9, fromTime: T })], { now: () => T + 1000 });

  it.each<[string, number | undefined, ClassName]>([
    ['before', T - 1, 'creative'],
    ['at the instant', T, 'neutral'],
    ['after', T + 60_000, 'neutral'],
    ['now (default clock) after', undefined, 'neutral'],
  ])('%s → %s', (_label, at, cls) => {
    expect(c.classify('canva.com', '/design/*/edit', at).class).toBe(cls);
  });

  it('explain marks the inactive rule and the catalog winner before the instant', () => {
    const e = c.explain('canva.com', '', T - 1);
    expect(e.matches.map((m) => [m.origin, m.active, m.winner])).toEqual([
      ['user', false, false],
      ['catalog', true, true],
    ]);
  });

  it('an inactive rule falls back to the next rule, or to unclassified', () => {
    const only = createClassifier([rule(host('new-tool.example'), 'creative', { kind: 'ai', fromTime: T })]);
    expect(only.classify('new-tool.example', '', T - 1).class).toBe('unclassified');
    expect(only.classify('new-tool.example', '', T).class).toBe('creative');
  });
});

describe('rules apply to all history at read time', () => {
  it('changing rules changes the classification of the same stored host + path', () => {
    const stored = { host: 'app.hubspot.com', path: '/contacts/*/objects' };
    expect(createClassifier([]).classify(stored.host, stored.path).kind).toBe('admin');
    const after = createClassifier([rule(path('app.hubspot.com', '/contacts'), 'creative', { kind: 'research' })]);
    expect(after.classify(stored.host, stored.path)).toMatchObject({ class: 'creative', kind: 'research' });
    expect(createClassifier([]).classify(stored.host, stored.path).kind).toBe('admin');
  });
});

describe('memoisation', () => {
  it('returns the same object for repeated lookups and caches once per host + path', () => {
    const c = createClassifier([]);
    const a = c.classify('docs.google.com', '/document/d/*/edit');
    for (let i = 0; i < 1000; i += 1) expect(c.classify('docs.google.com', '/document/d/*/edit')).toBe(a);
    expect(c.cacheSize).toBe(1);
    c.classify('docs.google.com', '/spreadsheets/d/*/edit');
    expect(c.cacheSize).toBe(2);
  });

  it('caches time-dependent candidates, not answers: one entry serves every instant', () => {
    const T = 1_000_000;
    const c = createClassifier([rule(host('x.example'), 'neutral', { fromTime: T })]);
    for (let t = T - 50; t < T + 50; t += 1) c.classify('x.example', '', t);
    expect(c.cacheSize).toBe(1);
  });

  it('empties a full cache instead of growing without bound', () => {
    const c = createClassifier([], { cacheLimit: 10 });
    for (let i = 0; i < 100; i += 1) c.classify(`h${i}.example`, '');
    expect(c.cacheSize).toBeLessThanOrEqual(10);
    expect(c.classify('h1.example', '').tool).toBe('h1.example');
  });

  it('skips invalid stored rules and lists them', () => {
    const bad = {
      id: 5,
      order: 0,
      match: { type: 'regex', pattern: '(a+)+' },
      class: 'creative',
      createdAt: 0,
    } as UserRule;
    const c = createClassifier([bad, rule(host('ok.example'), 'neutral')]);
    expect(c.skipped).toHaveLength(1);
    expect(c.skipped[0]).toMatchObject({ id: 5 });
    expect(c.classify('ok.example', '').class).toBe('neutral');
  });
});
