/**
 * Compile the catalog into a rule index, once per process (lazily, on first use).
 */
import { CATALOG, type CatalogTool } from './catalog';
import { labelCount, parseHostPattern, pathSegments, splitHostPath, type HostPattern } from './host-pattern';
import type { CompiledRule, RuleIndex } from './match';
import { EXACT_HOST, TIER_HOST, TIER_PATH, TIER_SUBDOMAIN } from './specificity';
import { vendorDomains } from './vendor-domains';
import type { ClassName, KindId } from '@/lib/model';

export interface CompiledCatalog {
  index: RuleIndex;
  /** Every (host pattern, path prefix) declared by more than one entry: should be empty (tested). */
  conflicts: string[];
  /** Lower-cased tool name → tool, so a rule naming a catalog tool reports under its id. */
  byName: Map<string, CatalogTool>;
  /** Registrable domains whose sub-domains fall back to a tool (lib/classify/vendor-domains.ts). */
  vendorDomains: Map<string, CatalogTool>;
}

function hostSpecificity(pattern: HostPattern): number {
  if (pattern.type === 'exact') return EXACT_HOST + labelCount(pattern.host);
  if (pattern.type === 'wildcard') return labelCount(pattern.suffix);
  return 0;
}

/** `/wp-admin` on any host reads better than `*\/wp-admin`. */
export function describeCatalogPattern(host: string, path: string): string {
  if (host === '') return `${path} on any site`;
  return host + path;
}

/**
 * The host keys of the index a catalog pattern is filed under: `e` exact host, `w` wildcard suffix, or
 * null for a path on any host.
 */
function slotKey(hostText: string): string | null {
  if (hostText === '' || hostText === '*') return null;
  return hostText.startsWith('*.') ? `w${hostText.slice(2)}` : `e${hostText}`;
}

/**
 * A host → rules map of the catalog index that compiles its rules on first use: `get('app.hootsuite.com')`
 * compiles the tools filed under that key (all their rules, into every map), then answers. A page
 * classifies a few dozen hosts, so it compiles a few dozen of the catalog's ~900 tools. Reading the whole
 * map (size, iteration) compiles every tool first, so it always sees the complete index.
 */
class LazyRuleMap extends Map<string, CompiledRule[]> {
  constructor(
    private readonly prefix: string,
    private readonly catalog: { ensure(key: string): void; ensureAll(): void },
  ) {
    super();
  }
  /** Read without compiling (for filing rules). */
  raw(key: string): CompiledRule[] | undefined {
    return super.get(key);
  }
  override get(key: string): CompiledRule[] | undefined {
    this.catalog.ensure(this.prefix + key);
    return super.get(key);
  }
  override has(key: string): boolean {
    this.catalog.ensure(this.prefix + key);
    return super.has(key);
  }
  override get size(): number {
    this.catalog.ensureAll();
    return super.size;
  }
  override forEach(
    fn: (value: CompiledRule[], key: string, map: Map<string, CompiledRule[]>) => void,
    self?: unknown,
  ): void {
    this.catalog.ensureAll();
    super.forEach(fn, self);
  }
  override entries(): MapIterator<[string, CompiledRule[]]> {
    this.catalog.ensureAll();
    return super.entries();
  }
  override keys(): MapIterator<string> {
    this.catalog.ensureAll();
    return super.keys();
  }
  override values(): MapIterator<CompiledRule[]> {
    this.catalog.ensureAll();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[string, CompiledRule[]]> {
    return this.entries();
  }
}

const byRank = (a: CompiledRule, b: CompiledRule): number => a.rank - b.rank;

/** Every (host pattern, path prefix) declared by more than one entry, in catalog order. */
function catalogConflicts(tools: readonly CatalogTool[]): string[] {
  const seen = new Map<string, string>();
  const conflicts: string[] = [];
  const see = (t: CatalogTool, key: string): void => {
    const previous = seen.get(key);
    if (previous !== undefined) conflicts.push(`${key} (${previous} and ${t.id})`);
    else seen.set(key, t.id);
  };
  for (const t of tools) {
    const sites = [...(t.hosts ?? []), ...(t.wildcards ?? [])];
    for (const site of sites) see(t, site);
    for (const p of t.paths ?? []) see(t, p);
    for (const area of t.areas ?? [])
      for (const p of area.paths) {
        if (p.startsWith('/')) for (const site of sites) see(t, site + p);
        else see(t, p);
      }
  }
  return conflicts;
}

/**
 * Compile the catalog into a rule index. Only an outline is built at once (which tools sit under which
 * host, wildcard suffix or vendor domain, and each tool's first rank); a tool's rules are compiled the
 * first time a lookup reaches one of its keys (`LazyRuleMap`), with the ranks, labels and order an eager
 * compile gives. Tools with paths on any host (`/wp-admin`) are compiled at once: every lookup reads them.
 */
export function compileCatalog(tools: readonly CatalogTool[] = CATALOG): CompiledCatalog {
  const byName = new Map<string, CatalogTool>();
  const vendors = vendorDomains(tools);
  /** Slot key (`e` host, `w` suffix, `v` vendor domain) → indexes of the tools with rules there. */
  const pending = new Map<string, number[]>();
  const firstRank = new Array<number>(tools.length);
  const compiledTools = new Uint8Array(tools.length);
  const anyHostTools: number[] = [];
  const lazy = {
    ensure(key: string): void {
      const list = pending.get(key);
      if (list === undefined) return;
      pending.delete(key);
      for (const i of list) compileTool(i);
      const map = key[0] === 'e' ? exact : key[0] === 'w' ? wildcard : vendor;
      if (list.length > 1) map.raw(key.slice(1))?.sort(byRank);
    },
    ensureAll(): void {
      if (pending.size === 0) return;
      pending.clear();
      for (let i = 0; i < tools.length; i += 1) compileTool(i);
      for (const map of [exact, wildcard, vendor])
        for (const key of Map.prototype.keys.call(map)) map.raw(key)?.sort(byRank);
    },
  };
  const exact = new LazyRuleMap('e', lazy);
  const wildcard = new LazyRuleMap('w', lazy);
  const vendor = new LazyRuleMap('v', lazy);
  const index: RuleIndex = { exact, wildcard, vendor, anyHost: [], regexByHost: new Map(), regexAny: [] };

  /** File a rule without triggering a compile. */
  const file = (map: LazyRuleMap, key: string, r: CompiledRule): void => {
    const list = map.raw(key);
    if (list) list.push(r);
    else Map.prototype.set.call(map, key, [r]);
  };

  // The outline: one pass, no rules, no labels.
  let rank = 0;
  for (let i = 0; i < tools.length; i += 1) {
    const t = tools[i] as CatalogTool;
    byName.set(t.name.toLowerCase(), t);
    firstRank[i] = rank;
    const note = (key: string | null): void => {
      if (key === null) {
        if (anyHostTools[anyHostTools.length - 1] !== i) anyHostTools.push(i);
        return;
      }
      const list = pending.get(key);
      if (list === undefined) pending.set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    };
    let perSite = 0;
    for (const h of t.hosts ?? []) {
      note(`e${h}`);
      perSite += 1;
      if (vendors.get(h) === t) {
        note(`v${h}`);
        perSite += 1;
      }
    }
    for (const w of t.wildcards ?? []) {
      note(`w${w.slice(2)}`);
      perSite += 1;
    }
    rank += perSite;
    for (const p of t.paths ?? []) {
      note(slotKey(splitHostPath(p).host));
      rank += 1;
    }
    for (const area of t.areas ?? [])
      for (const p of area.paths) {
        if (p.startsWith('/')) rank += perSite;
        else {
          note(slotKey(splitHostPath(p).host));
          rank += 1;
        }
      }
  }
  for (const i of anyHostTools) compileTool(i);

  /** Compile every rule of tool `i`, ranked as in an eager compile of the catalog in order. */
  function compileTool(i: number): void {
    if (compiledTools[i] === 1) return;
    compiledTools[i] = 1;
    const t = tools[i] as CatalogTool;
    let next = firstRank[i] as number;

    /** A catalog rule for `t` with `pathText` as its path prefix ('' for none). */
    const rule = (
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
        rank: next++,
        label,
        prefix,
        regex: null,
        class: cls,
        kind,
        tool: t.name,
        toolId: t.id,
      };
    };

    /** The sub-domain fallback of a vendor domain: tier 0, below every other catalog rule. */
    const addVendor = (domain: string, pathText: string, cls: ClassName, kind: KindId): void => {
      const label = `catalog: ${t.name} (${domain}${pathText} and sub-domains)`;
      file(vendor, domain, rule(pathText, cls, kind, TIER_SUBDOMAIN, labelCount(domain), label));
    };

    const add = (hostText: string, pathText: string, cls: ClassName, kind: KindId): void => {
      const pattern = parseHostPattern(hostText);
      const label = `catalog: ${t.name} (${describeCatalogPattern(hostText, pathText)})`;
      const r = rule(pathText, cls, kind, pathText === '' ? TIER_HOST : TIER_PATH, hostSpecificity(pattern), label);
      if (pattern.type === 'exact') file(exact, pattern.host, r);
      else if (pattern.type === 'wildcard') file(wildcard, pattern.suffix, r);
      else index.anyHost.push(r);
    };

    const sites = [...(t.hosts ?? []), ...(t.wildcards ?? [])];
    for (const site of sites) add(site, '', t.class, t.kind);
    const ownDomains = (t.hosts ?? []).filter((h) => vendors.get(h) === t);
    for (const domain of ownDomains) addVendor(domain, '', t.class, t.kind);
    for (const p of t.paths ?? []) {
      const { host, path } = splitHostPath(p);
      add(host, path, t.class, t.kind);
    }
    for (const area of t.areas ?? []) {
      for (const p of area.paths) {
        if (p.startsWith('/')) {
          for (const site of sites) add(site, p, area.class, area.kind);
          for (const domain of ownDomains) addVendor(domain, p, area.class, area.kind);
        } else {
          const { host, path } = splitHostPath(p);
          add(host, path, area.class, area.kind);
        }
      }
    }
  }

  let conflicts: string[] | null = null;
  return {
    index,
    get conflicts(): string[] {
      conflicts ??= catalogConflicts(tools);
      return conflicts;
    },
    byName,
    vendorDomains: vendors,
  };
}

let compiled: CompiledCatalog | null = null;

/** The shipped catalog, compiled on first use. */
export function compiledCatalog(): CompiledCatalog {
  compiled ??= compileCatalog();
  return compiled;
}
