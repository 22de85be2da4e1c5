/**
 * URL reduction: the only place a page URL is turned into what Creative Ratio stores.
 *
 * We keep the hostname and a *path shape*: at most three literal leading path segments,
 * with ids, numbers, e-mail addresses, long tokens and title-like slugs replaced by `*`.
 * Query strings, fragments, credentials and ports are dropped. Page titles and content are
 * never read. See docs/privacy.md.
 */
import type { PageRef } from '@/lib/model';

/** Literal (non-`*`) segments kept at most. */
export const MAX_LITERAL_SEGMENTS = 3;
/** Segments kept at most, including `*` placeholders. */
export const MAX_SEGMENTS = 6;

/**
 * Path words after which the next segment names a person, a team, a space or a channel (a name
 * the person or their company chose), so it is always masked.
 */
const NAME_MARKERS = new Set([
  'in',
  'u',
  'user',
  'users',
  'profile',
  'profiles',
  'people',
  'member',
  'members',
  'space',
  'spaces',
  'project',
  'projects',
  'team',
  'teams',
  'workspace',
  'workspaces',
  'org',
  'orgs',
  'organization',
  'organizations',
  'channel',
  'channels',
  'group',
  'groups',
  'company',
  'companies',
  'board',
  'boards',
  'folder',
  'folders',
  'b',
  'c',
]);

/**
 * Normalise a hostname for storage and matching: lower case, no trailing dot, IDN as punycode,
 * no port, no leading `www.` (also `www2.` etc. are kept as they are). Returns '' when the input
 * is not a usable hostname.
 */
export function normalizeHost(input: string): string {
  let raw = input.trim();
  if (raw === '') return '';
  // Accept "host:port", "https://host/…", "host." and Unicode (IDN) forms.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) raw = `http://${raw}`;
  let hostname: string;
  try {
    hostname = new URL(raw).hostname;
  } catch {
    return '';
  }
  hostname = hostname.toLowerCase().replace(/\.+$/, '');
  if (hostname.startsWith('www.') && hostname.length > 4) hostname = hostname.slice(4);
  if (hostname === '' || hostname.includes('..')) return '';
  return hostname;
}

/** True when a path segment carries an identifier, a number, an address or a title, not a route word. */
export function isOpaqueSegment(segment: string): boolean {
  if (segment.length > 24) return true;
  if (segment.includes('@') || segment.includes('%')) return true;
  if (!/^[A-Za-z0-9._~:+-]+$/.test(segment)) return true;
  const digits = segment.replace(/\D/g, '').length;
  if (digits === segment.length) return true;
  if (digits > 0 && (segment.length >= 8 || digits >= 3)) return true;
  if (/[a-z]/.test(segment) && /[A-Z]/.test(segment) && segment.length >= 10) return true;
  if (/[A-Z]/.test(segment) && /[-_]/.test(segment)) return true;
  if (segment.split(/[-_]+/).filter(Boolean).length >= 3) return true;
  return false;
}

/**
 * Reduce a URL pathname to its shape, e.g. `/document/d/1AbC…/edit` → `/document/d/*\/edit`,
 * `/mail/u/0/` → `/mail/u/*`. Returns '' for the root path.
 */
export function pathShape(pathname: string): string {
  const out: string[] = [];
  let literals = 0;
  let maskNext = false;
  for (const rawSegment of pathname.split('/')) {
    if (rawSegment === '') continue;
    if (out.length >= MAX_SEGMENTS || literals >= MAX_LITERAL_SEGMENTS) break;
    if (maskNext || isOpaqueSegment(rawSegment)) {
      out.push('*');
      maskNext = false;
      continue;
    }
    const word = rawSegment.toLowerCase();
    out.push(word);
    literals += 1;
    maskNext = NAME_MARKERS.has(word);
  }
  return out.length === 0 ? '' : `/${out.join('/')}`;
}

/**
 * Reduce a page URL to what may be stored. Returns null for anything that is not an http(s)
 * page (chrome://, about:, file:, extension pages, data: URLs, malformed input).
 */
export function toPageRef(url: string | undefined | null): PageRef | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = normalizeHost(parsed.hostname);
  if (host === '') return null;
  return { host, path: pathShape(parsed.pathname) };
}
