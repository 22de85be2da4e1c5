/**
 * View models for the popup's "current site" card: what the site counts as, and the scopes a
 * one-click reclassification can apply to (the whole site, or the site plus a path prefix). Pure.
 */
import type { Classification, RuleMatch } from '@/lib/classify/types';
import type { PageRef } from '@/lib/model';

export interface ScopeChoice {
  /** Stable value for a radio/select. */
  value: string;
  /** "All of docs.google.com", "Only docs.google.com/document". */
  label: string;
  match: RuleMatch;
}

/**
 * The whole host, then each literal leading path prefix of the stored path shape (up to two
 * segments, stopping at the first masked `*` segment).
 */
export function scopeChoices(page: PageRef): ScopeChoice[] {
  const out: ScopeChoice[] = [
    { value: 'host', label: `All of ${page.host}`, match: { type: 'host', host: page.host } },
  ];
  const parts = page.path.split('/').filter(Boolean);
  let prefix = '';
  for (const part of parts.slice(0, 2)) {
    if (part === '*') break;
    prefix += `/${part}`;
    out.push({
      value: `path:${prefix}`,
      label: `Only ${page.host}${prefix}`,
      match: { type: 'path', host: page.host, pathPrefix: prefix },
    });
  }
  return out;
}

export interface SiteView {
  host: string;
  path: string;
  tool: string;
  /** The classifier does not know the site (no catalog entry, no rule). */
  unknown: boolean;
  /** A rule of the person's decided. */
  byUser: boolean;
  /** No rule decided: the class is a guess from the address (confirm or correct it in one click). */
  guessed: boolean;
  /** "Your rule" / "Built-in catalog" / "No rule matches". */
  decidedBy: string;
}

export function siteView(page: PageRef, c: Classification): SiteView {
  return {
    host: page.host,
    path: page.path,
    tool: c.tool,
    unknown: c.class === 'unclassified' || c.origin === 'none',
    byUser: c.origin === 'user',
    guessed: c.origin === 'guess',
    decidedBy:
      c.origin === 'user'
        ? `Your ${c.rule}`
        : c.origin === 'catalog'
          ? 'Built-in catalog'
          : c.origin === 'guess'
            ? `${c.rule.charAt(0).toUpperCase()}${c.rule.slice(1)}`
            : 'No rule matches this site yet',
  };
}
