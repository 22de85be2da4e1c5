/**
 * Compile the catalog into a rule index, once per process (lazily, on first use).
 */
import { CATALOG, type CatalogTool } from './catalog';
import { labelCount, parseHostPattern, pathSegments, splitHostPath, type HostPattern } from './host-pattern';
import { addToIndex, emptyIndex, type CompiledRule, type RuleIndex, type RuleSlot } from './match';
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

function slotOf(pattern: HostPattern): RuleSlot {
  if (pattern.type === 'exact') return { type: 'exact', host: pattern.host };
  if (pattern.type === 'wildcard') return { type: 'wildcard', suffix: pattern.suffix };
  return { type: 'any' };
}

/** `/wp-admin` on any host reads better than `*\/wp-admin`. */
export function describeCatalogPattern(host: string, path: string): string {
  if (host === '') return `${path} on any site`;
  return host + path;
}

export function compileCatalog(tools: readonly CatalogTool[] = CATALOG): CompiledCatalog {
  const index = emptyIndex();
  const seen = new Map<string, string>();
  const conflicts: string[] = [];
  const byName = new Map<string, CatalogTool>();
  let rank = 0;
  const vendors = vendorDomains(tools);

  /** A catalog rule for `t` with `pathText` as its path prefix ('' for none), ranked in catalog order. */
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

  /** The sub-domain fallback of a vendor domain: tier 0, below every other catalog rule. */
  const addVendor = (t: CatalogTool, domain: string, pathText: string, cls: ClassName, kind: KindId): void => {
    const label = `catalog: ${t.name} (${domain}${pathText} and sub-domains)`;
    addToIndex(
      index,
      { type: 'vendor', domain },
      rule(t, pathText, cls, kind, TIER_SUBDOMAIN, labelCount(domain), label),
    );
  };

  const add = (t: CatalogTool, hostText: string, pathText: string, cls: ClassName, kind: KindId): void => {
    const key = `${hostText}${pathText}`;
    const previous = seen.get(key);
    if (previous !== undefined) conflicts.push(`${key} (${previous} and ${t.id})`);
    else seen.set(key, t.id);
    const pattern = parseHostPattern(hostText);
    const label = `catalog: ${t.name} (${describeCatalogPattern(hostText, pathText)})`;
    addToIndex(
      index,
      slotOf(pattern),
      rule(t, pathText, cls, kind, pathText === '' ? TIER_HOST : TIER_PATH, hostSpecificity(pattern), label),
    );
  };

  for (const t of tools) {
    byName.set(t.name.toLowerCase(), t);
    const sites = [...(t.hosts ?? []), ...(t.wildcards ?? [])];
    for (const site of sites) add(t, site, '', t.class, t.kind);
    const ownDomains = (t.hosts ?? []).filter((h) => vendors.get(h) === t);
    for (const domain of ownDomains) addVendor(t, domain, '', t.class, t.kind);
    for (const p of t.paths ?? []) {
      const { host, path } = splitHostPath(p);
      add(t, host, path, t.class, t.kind);
    }
    for (const area of t.areas ?? []) {
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
  }
  return { index, conflicts, byName, vendorDomains: vendors };
}

let compiled: CompiledCatalog | null = null;

/** The shipped catalog, compiled on first use. */
export function compiledCatalog(): CompiledCatalog {
  compiled ??= compileCatalog();
  return compiled;
}
