/**
 * Which matching rule wins. Compared in this order, the first difference decides:
 *
 * 1. origin: the person's rules always beat the catalog;
 * 2. rule type: regex (3) > host + path prefix (2) > host or wildcard (1) > the catalog's sub-domain
 *    fallback (0: `hootsuite.com` matching `app.hootsuite.com`, with or without a path);
 * 3. path prefix: more segments first, then more characters (`/email/*\/edit` beats `/email`);
 * 4. host: an exact host beats any wildcard; a longer wildcard suffix beats a shorter one
 *    (`*.lightning.force.com` beats `*.force.com`); a path on any host (`/wp-admin`) comes last;
 * 5. rank: the person's order (lower `order` first, then lower id); in the catalog, the earlier entry.
 */
export interface Specificity {
  origin: 'user' | 'catalog';
  /** 3 regex, 2 path, 1 host or wildcard, 0 sub-domain fallback of a vendor domain (catalog only). */
  tier: number;
  /** Segments in the path prefix (0 for none). */
  pathSegments: number;
  /** Characters in the path prefix (0 for none). */
  pathLength: number;
  /** EXACT_HOST + labels for an exact host, labels of the suffix for a wildcard, 0 for any host or a regex. */
  hostSpecificity: number;
  /** Position among rules of the same origin (lower wins). */
  rank: number;
}

export const TIER_REGEX = 3;
export const TIER_PATH = 2;
export const TIER_HOST = 1;
/** A catalog vendor domain matching one of its sub-domains: below every other rule, path or not. */
export const TIER_SUBDOMAIN = 0;
/** Added to an exact host's label count so any exact host beats any wildcard. */
export const EXACT_HOST = 1000;

/** Negative when `a` is more specific (wins), positive when `b` wins, 0 only for identical specificity. */
export function compareSpecificity(a: Specificity, b: Specificity): number {
  if (a.origin !== b.origin) return a.origin === 'user' ? -1 : 1;
  return (
    b.tier - a.tier ||
    b.pathSegments - a.pathSegments ||
    b.pathLength - a.pathLength ||
    b.hostSpecificity - a.hostSpecificity ||
    a.rank - b.rank
  );
}
