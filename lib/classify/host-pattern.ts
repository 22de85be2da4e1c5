/**
 * Host patterns and path prefixes as the matcher understands them, plus cheap input normalisation.
 *
 * - exact host: `app.asana.com`
 * - wildcard: `*.atlassian.net` matches every sub-domain (`acme.atlassian.net`, `a.b.atlassian.net`), not the apex
 * - any host: only in the catalog, for host-independent paths such as `/wp-admin`
 * Path prefixes compare whole segments of the stored path shape; a `*` segment in a prefix matches any one segment.
 */
import { normalizeHost, pathShape } from '@/lib/url/normalize';

export type HostPattern = { type: 'exact'; host: string } | { type: 'wildcard'; suffix: string } | { type: 'any' };

/** Parse `host`, `*.suffix` or '' (any host). Assumes the text is already validated and normalised. */
export function parseHostPattern(text: string): HostPattern {
  if (text === '' || text === '*') return { type: 'any' };
  if (text.startsWith('*.')) return { type: 'wildcard', suffix: text.slice(2) };
  return { type: 'exact', host: text };
}

/** Split `host/path/prefix` (catalog notation) into host pattern text and path prefix ('' when none). */
export function splitHostPath(text: string): { host: string; path: string } {
  const slash = text.indexOf('/');
  if (slash === -1) return { host: text, path: '' };
  return { host: text.slice(0, slash), path: text.slice(slash) };
}

/** Segments of a path shape or prefix: `/document/d/*` → ['document', 'd', '*']; '' and '/' → []. */
export function pathSegments(path: string): string[] {
  if (path === '' || path === '/') return [];
  const parts = path.split('/');
  const out: string[] = [];
  for (const part of parts) if (part !== '') out.push(part);
  return out;
}

/** True when `prefix` segments match the start of `segments` (a `*` prefix segment matches any segment). */
export function prefixMatches(prefix: readonly string[], segments: readonly string[]): boolean {
  if (prefix.length > segments.length) return false;
  for (let i = 0; i < prefix.length; i += 1) {
    const p = prefix[i];
    if (p !== '*' && p !== segments[i]) return false;
  }
  return true;
}

/** Number of dot-separated labels, e.g. `atlassian.net` → 2. */
export function labelCount(host: string): number {
  let n = 1;
  for (let i = 0; i < host.length; i += 1) if (host.charCodeAt(i) === 46) n += 1;
  return n;
}

/**
 * Proper suffixes of a host for wildcard lookup, longest first:
 * `acme.lightning.force.com` → `lightning.force.com`, `force.com`, `com`.
 */
export function hostSuffixes(host: string): string[] {
  const out: string[] = [];
  let dot = host.indexOf('.');
  while (dot !== -1) {
    out.push(host.slice(dot + 1));
    dot = host.indexOf('.', dot + 1);
  }
  return out;
}

/** Already-normalised hosts: lower-case ASCII labels, no `www.`, no port, no trailing dot, not numeric, not punycode. */
const NORMAL_HOST = /^(?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;
const NUMERIC_LAST_LABEL = /(?:^|\.)(?:\d+|0x[0-9a-f]*)$/;

/**
 * `normalizeHost` with a fast path for hosts that are already normalised (the stored form), so cached
 * and uncached lookups do not pay for URL parsing. Gives exactly what `normalizeHost` gives.
 */
export function normalizeHostFast(host: string): string {
  if (NORMAL_HOST.test(host) && !host.includes('xn--') && !NUMERIC_LAST_LABEL.test(host)) return host;
  return normalizeHost(host);
}

/** Looks like a stored shape already: lower-case route words and `*`, no empty segments, at most 6 segments. */
const SHAPE_LIKE = /^(?:\/(?:\*|[a-z0-9._~:+-]+)){0,6}$/;

/**
 * Reduce a path to the stored shape. Paths that already look like shapes (the stored form) are taken as
 * they are, so lookups do not pay for re-reduction; anything else (upper case, ids with capitals,
 * encoded characters, trailing slashes, missing leading slash) goes through `pathShape`.
 */
export function normalizePathShape(path: string): string {
  if (SHAPE_LIKE.test(path)) return path;
  return pathShape(path.startsWith('/') ? path : `/${path}`);
}
