/**
 * The catalog compile (issue #13: it runs at the start of every page and the service worker) is lazy and
 * its vendor-domain table uses index arithmetic. These tests keep the previous, eager algorithm as the
 * oracle and check the new construction gives the same answers: the same registrable domains, the same
 * vendor domains, the same index once complete, and the same matches for every catalog host and its
 * sub-domain variants, whatever order the lookups come in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG, type CatalogTool } from '@/lib/classify/catalog';
import { tool } from '@/lib/classify/catalog/types';
import { compileCatalog, describeCatalogPattern } from '@/lib/classify/compile-catalog';
import {
  labelCount,
  parseHostPattern,
  pathSegments,
  splitHostPath,
  type HostPattern,
} from '@/lib/classify/host-pattern';
import { emptyIndex, findMatches, type CompiledRule, type RuleIndex } from '@/lib/classify/match';
import { EXACT_HOST, TIER_HOST, TIER_PATH, TIER_SUBDOMAIN } from '@/lib/classify/specificity';
import { isPublicSuffix, isSharedDomain, registrableDomain, vendorDomains } from '@/lib/classify/vendor-domains';
import type { ClassName, KindId } from '@/lib/model';

// ---- The oracle: the eager algorithm as it was before issue #13. ----

function oldRegistrableDomain(host: string): string | null {
  if (host === '' || /^[\d.]+$/.test(host) || host.includes(':')) return null;
  const labels = host.split('.');
  if (labels.length < 2) return null;
  const two = labels.slice(-2).join('.');
  if (!isPublicSuffix(two)) return two;
  return labels.length >= 3 ? labels.slice(-3).join('.') : null;
}

function oldVendorDomains(tools: readonly CatalogTool[]): Map<string, CatalogTool> {
  const toolsOnDomain = new Map<string, Set<string>>();
  const wildcards = new Set<string>();
  const note = (hostText: string, id: string, isPath = false): void => {
    const host = hostText.startsWith('*.') ? hostText.slice(2) : hostText;
    const domain = oldRegistrableDomain(host);
    if (domain === null || (isPath && hostText === domain)) return;
    let ids = toolsOnDomain.get(domain);
    if (!ids) {
      ids = new Set();
      toolsOnDomain.set(domain, ids);
    }
    ids.add(id);
  };
  for (const t of tools) {
    for (const h of t.hosts ?? []) note(h, t.id);
    for (const w of t.wildcards ?? []) {
      note(w, t.id);
      wildcards.add(w.slice(2));
    }
    for (const p of t.paths ?? []) if (!p.startsWith('/')) note(splitHostPath(p).host, t.id, true);
    for (const a of t.areas ?? [])
      for (const p of a.paths) if (!p.startsWith('/')) note(splitHostPath(p).host, t.id, true);
  }
  const map = new Map<string, CatalogTool>();
  for (const t of tools)
    for (const host of t.hosts ?? []) {
      if (oldRegistrableDomain(host) !== host) continue;
      if (isSharedDomain(host) || (toolsOnDomain.get(host)?.size ?? 0) > 1) continue;
      if (t.subdomains === false || wildcards.has(host)) continue;
      map.set(host, t);
    }
  return map;
}

function oldCompileCatalog(tools: readonly CatalogTool[]): { index: RuleIndex; conflicts: string[] } {
  const index = emptyIndex();
  const seen = new Map<string, string>();
  const conflicts: string[] = [];
  let rank = 0;
  const vendors = oldVendorDomains(tools);
  const push = (map: Map<string, CompiledRule[]>, key: string, r: CompiledRule): void => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  const hostSpecificity = (p: HostPattern): number =>
    p.type === 'exact' ? EXACT_HOST + labelCount(p.host) : p.type === 'wildcard' ? labelCount(p.suffix) : 0;
  const rule = (
    t: CatalogTool,
    pathText: string,
    cls: ClassName,
    kind: KindId,
    tier: number,
    hostSpec: number,
    label: string,
  ): CompiledRule => {
    const prefix = pathText === '' ? null : pathSegments(pathText);
    return {
      origin: 'catalog',
      tier,
      pathSegments: prefix ? prefix.length : 0,
      pathLength: pathText.length,
      hostSpecificity: hostSpec,
      rank: rank++,
      label,
      prefix,
      regex: null,
      class: cls,
      kind,
      tool: t.name,
      toolId: t.id,
    };
  };
  const addVendor = (t: CatalogTool, domain: string, pathText: string, cls: ClassName, kind: KindId): void => {
    const label = `catalog: ${t.name} (${domain}${pathText} and sub-domains)`;
    push(index.vendor, domain, rule(t, pathText, cls, kind, TIER_SUBDOMAIN, labelCount(domain), label));
  };
  const add = (t: CatalogTool, hostText: string, pathText: string, cls: ClassName, kind: KindId): void => {
    const key = `${hostText}${pathText}`;
    const previous = seen.get(key);
    if (previous !== undefined) conflicts.push(`${key} (${previous} and ${t.id})`);
    else seen.set(key, t.id);
    const pattern = parseHostPattern(hostText);
    const label = `catalog: ${t.name} (${describeCatalogPattern(hostText, pathText)})`;
    const r = rule(t, pathText, cls, kind, pathText === '' ? TIER_HOST : TIER_PATH, hostSpecificity(pattern), label);
    if (pattern.type === 'exact') push(index.exact, pattern.host, r);
    else if (pattern.type === 'wildcard') push(index.wildcard, pattern.suffix, r);
    else index.anyHost.push(r);
  };
  for (const t of tools) {
    const sites = [...(t.hosts ?? []), ...(t.wildcards ?? [])];
    for (const site of sites) add(t, site, '', t.class, t.kind);
    const ownDomains = (t.hosts ?? []).filter((h) => vendors.get(h) === t);
    for (const domain of ownDomains) addVendor(t, domain, '', t.class, t.kind);
    for (const p of t.paths ?? []) {
      const { host, path } = splitHostPath(p);
      add(t, host, path, t.class, t.kind);
    }
    for (const area of t.areas ?? [])
      for (const p of area.paths) {
        if (p.startsWith('/')) {
          for (const site of sites) add(t, site, p, area.class, area.kind);
          for (const domain of ownDomains) addVendor(t, domain, p, area.class, area.kind);
        } else {
          const { host, path } = splitHostPath(p);
          add(t, host, path, area.class, area.kind);
        }
      }
  }
  return { index, conflicts };
}

// ---- Inputs: every catalog host, wildcard tenant and sub-domain variant. ----

const catalogHosts = (tools: readonly CatalogTool[]): string[] => {
  const out = new Set<string>();
  for (const t of tools) {
    for (const h of t.hosts ?? []) for (const v of [h, `app.${h}`, `blog.${h}`, `eu.app.${h}`]) out.add(v);
    for (const w of t.wildcards ?? []) for (const v of [w.slice(2), `acme.${w.slice(2)}`]) out.add(v);
    for (const p of [...(t.paths ?? []), ...(t.areas ?? []).flatMap((a) => a.paths)]) {
      const { host } = splitHostPath(p);
      if (host === '' || host === '*') continue;
      out.add(host.startsWith('*.') ? `acme.${host.slice(2)}` : host);
    }
  }
  for (const h of ['intranet.acme.example', 'news.bbc.co.uk', 'localhost', '10.0.0.1']) out.add(h);
  return [...out];
};

const PATHS = ['', '/wp-admin', '/dashboard', '/document/d/*', '/email/*/edit', '/reports-dashboard', '/r/x'];
const HOSTS = catalogHosts(CATALOG);
const eager = oldCompileCatalog(CATALOG);

/** What a lookup says, in order (ranks, labels, classes, kinds, tools: everything a rule carries). */
const lookup = (index: RuleIndex, host: string, path: string): CompiledRule[] => findMatches([index], host, path);

describe('registrableDomain equals the split/join version', () => {
  it('on every catalog host and sub-domain variant', () => {
    for (const h of HOSTS) expect(registrableDomain(h), h).toBe(oldRegistrableDomain(h));
  });

  it.each([
    '',
    '.',
    '..',
    'com',
    '.com',
    'a.',
    'a..b',
    'co.uk',
    '.co.uk',
    'x.co.uk',
    'a.b.co.uk',
    'com.au',
    'co.u',
    '1.2.3.4',
    '1.2.3.a',
    '[::1]',
    'a:8080',
    'news.bbc.co.uk',
  ])('%j', (host) => {
    expect(registrableDomain(host)).toBe(oldRegistrableDomain(host));
  });

  it('on random hosts made of labels, dots, digits and colons', () => {
    const text = fc.stringMatching(/^[a-c0-9.:]{0,6}(\.(co|com|org|uk|au|de|x|)){0,3}$/);
    fc.assert(
      fc.property(text, (host) => registrableDomain(host) === oldRegistrableDomain(host)),
      { numRuns: 3000 },
    );
  });
});

describe('the lazy catalog compile equals the eager one', () => {
  it('vendorDomains: the same domains and tools, in the same order', () => {
    expect([...vendorDomains([...CATALOG])].map(([d, t]) => [d, t.id])).toEqual(
      [...oldVendorDomains(CATALOG)].map(([d, t]) => [d, t.id]),
    );
  });

  it('vendorDomains is computed once per tool list', () => {
    const tools = [...CATALOG];
    expect(vendorDomains(tools)).toBe(vendorDomains(tools));
    expect(vendorDomains([...CATALOG])).not.toBe(vendorDomains(tools));
  });

  it('once read whole, the index is the eager index, rule for rule; conflicts agree', () => {
    const lazy = compileCatalog([...CATALOG]);
    const whole = (m: Map<string, CompiledRule[]>): Array<[string, CompiledRule[]]> =>
      [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // The any-host paths are compiled at once (every lookup reads them).
    expect(lazy.index.anyHost).toEqual(eager.index.anyHost);
    expect(lazy.index.exact.size).toBe(eager.index.exact.size);
    expect(whole(lazy.index.exact)).toEqual(whole(eager.index.exact));
    expect(whole(lazy.index.wildcard)).toEqual(whole(eager.index.wildcard));
    expect(whole(lazy.index.vendor)).toEqual(whole(eager.index.vendor));
    expect(lazy.conflicts).toEqual(eager.conflicts);
  });

  it('every catalog host and sub-domain variant, on several paths, matches the same rules', () => {
    const lazy = compileCatalog([...CATALOG]);
    for (const host of HOSTS)
      for (const path of PATHS)
        expect(lookup(lazy.index, host, path), host + path).toEqual(lookup(eager.index, host, path));
  });

  it('whatever the order of the lookups (each run a fresh compile)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...HOSTS), fc.constantFrom(...PATHS)), { minLength: 1, maxLength: 40 }),
        (lookups) => {
          const lazy = compileCatalog([...CATALOG]);
          for (const [host, path] of lookups)
            expect(lookup(lazy.index, host, path)).toEqual(lookup(eager.index, host, path));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a lookup compiles only the tools it reaches', () => {
    const tools: CatalogTool[] = [
      tool({ id: 'a', name: 'A', kind: 'design', hosts: ['a.example'], areas: [{ paths: ['/r'], kind: 'reporting' }] }),
      tool({ id: 'b', name: 'B', kind: 'writing', hosts: ['b.example'], paths: ['a.example/docs'] }),
      tool({ id: 'c', name: 'C', kind: 'project', wildcards: ['*.c.example'] }),
    ];
    const lazy = compileCatalog(tools);
    const old = oldCompileCatalog(tools);
    // Before any lookup, nothing is filed (read through Map's own method, which compiles nothing).
    expect(Map.prototype.has.call(lazy.index.exact, 'a.example')).toBe(false);
    expect(lookup(lazy.index, 'a.example', '/docs/x')).toEqual(lookup(old.index, 'a.example', '/docs/x'));
    expect(lookup(lazy.index, 'a.example', '/docs/x').map((r) => [r.toolId, r.rank])).toEqual([
      ['b', 6],
      ['a', 0],
    ]);
    // A and B are compiled (both sit under a.example); C is not.
    expect(Map.prototype.has.call(lazy.index.exact, 'b.example')).toBe(true);
    expect(Map.prototype.has.call(lazy.index.wildcard, 'c.example')).toBe(false);
    expect(lookup(lazy.index, 'x.c.example', '')).toEqual(lookup(old.index, 'x.c.example', ''));
  });
});
