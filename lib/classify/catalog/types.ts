/**
 * Shape of the built-in catalog: named tools with the hosts, tenant wildcards and paths they live on.
 */
import type { ClassName, KindId } from '@/lib/model';
import { KINDS } from '@/lib/classify/kinds';

/** Part of a tool that counts as another kind, e.g. HubSpot reports (`/reports-dashboard`) are reporting. */
export interface CatalogArea {
  /**
   * Path prefixes on the stored path shape. `/reports-dashboard` applies to every host and wildcard of the
   * tool; `app.hubspot.com/email/*\/edit` names its host. A `*` segment matches any one segment.
   */
  paths: readonly string[];
  class: ClassName;
  kind: KindId;
}

export interface CatalogTool {
  /** Stable id, kebab-case; reports group time by it. Never reuse or rename (it is stored in exports). */
  id: string;
  /** Display name. */
  name: string;
  class: ClassName;
  kind: KindId;
  /** Exact normalised hosts (no `www.`), e.g. `app.asana.com`. */
  hosts?: readonly string[];
  /** Tenant wildcards, e.g. `*.slack.com`: every sub-domain, not the apex. */
  wildcards?: readonly string[];
  /**
   * Host + path prefix: `docs.google.com/document`, `*.atlassian.net/wiki`, or `/wp-admin` for any host.
   */
  paths?: readonly string[];
  /** Paths of this tool's own hosts that count as another kind. */
  areas?: readonly CatalogArea[];
  /** True when the tool holds calls: its hosts and wildcards answer `isMeetingHost` (audible call tabs). */
  calls?: boolean;
  /**
   * `false`: the tool's registrable-domain hosts do not extend to their sub-domains (see
   * lib/classify/vendor-domains.ts). By default a host such as `hootsuite.com` also matches
   * `app.hootsuite.com`, at the lowest catalog specificity.
   */
  subdomains?: false;
  /** Why a judgement call went the way it did (shown in docs and the rule editor). */
  note?: string;
}

export interface ToolSpec {
  id: string;
  name: string;
  kind: KindId;
  hosts?: readonly string[];
  wildcards?: readonly string[];
  paths?: readonly string[];
  areas?: ReadonlyArray<{ paths: readonly string[]; kind: KindId }>;
  calls?: boolean;
  subdomains?: false;
  note?: string;
}

/** Build a catalog entry; the class always follows from the kind, so the two cannot disagree. */
export function tool(spec: ToolSpec): CatalogTool {
  const entry: CatalogTool = { id: spec.id, name: spec.name, class: KINDS[spec.kind].class, kind: spec.kind };
  if (spec.hosts) entry.hosts = spec.hosts;
  if (spec.wildcards) entry.wildcards = spec.wildcards;
  if (spec.paths) entry.paths = spec.paths;
  if (spec.areas) entry.areas = spec.areas.map((a) => ({ paths: a.paths, class: KINDS[a.kind].class, kind: a.kind }));
  if (spec.calls) entry.calls = true;
  if (spec.subdomains === false) entry.subdomains = false;
  if (spec.note) entry.note = spec.note;
  return entry;
}
