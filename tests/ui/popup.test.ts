import { describe, expect, it } from 'vitest';
import type { Classification } from '@/lib/classify/types';
import { scopeChoices, siteView } from '@/lib/ui/popup';

describe('reclassify scopes', () => {
  it('offers the host and literal path prefixes up to the first masked segment', () => {
    const s = scopeChoices({ host: 'docs.google.com', path: '/document/d/*/edit' });
    expect(s.map((x) => x.label)).toEqual([
      'All of docs.google.com',
      'Only docs.google.com/document',
      'Only docs.google.com/document/d',
    ]);
    expect(s[1]!.match).toEqual({ type: 'path', host: 'docs.google.com', pathPrefix: '/document' });
    expect(s[0]!.match).toEqual({ type: 'host', host: 'docs.google.com' });
  });

  it('offers only the host for a root or masked path', () => {
    expect(scopeChoices({ host: 'x.io', path: '' })).toHaveLength(1);
    expect(scopeChoices({ host: 'x.io', path: '/*/settings' })).toHaveLength(1);
  });
});

describe('site view', () => {
  const c = (over: Partial<Classification>): Classification => ({
    toolId: 't',
    tool: 'Tool',
    class: 'creative',
    kind: 'writing',
    rule: 'rule #2',
    origin: 'user',
    ...over,
  });
  it('tells who decided', () => {
    expect(siteView({ host: 'a.io', path: '' }, c({})).decidedBy).toBe('Your rule #2');
    expect(siteView({ host: 'a.io', path: '' }, c({ origin: 'catalog' })).decidedBy).toBe('Built-in catalog');
    const unknown = siteView({ host: 'a.io', path: '' }, c({ origin: 'none', class: 'unclassified', kind: 'unknown' }));
    expect(unknown.unknown).toBe(true);
  });
});
