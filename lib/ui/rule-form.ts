/**
 * The rule editor's form: a flat draft of text fields ↔ the rule input validateRule checks,
 * and validateRule's field errors mapped back to the field they belong beside. Pure.
 */
import { startOfDay } from 'date-fns';
import { kindsOfClass, type KindMeta } from '@/lib/classify/kinds';
import type { RuleMatch, UserRule } from '@/lib/classify/types';
import type { ClassName, KindId } from '@/lib/model';
import { pathShape } from '@/lib/url/normalize';

export type MatchType = RuleMatch['type'];

export interface RuleDraft {
  matchType: MatchType;
  /** Host for `host` and `path` (a wildcard is allowed for `path`). */
  host: string;
  /** Pattern for `wildcard` (`*.example.com`) and `regex`. */
  pattern: string;
  pathPrefix: string;
  cls: ClassName | '';
  kind: KindId | '';
  tool: string;
  /** Apply only to time from the start of today on ("only from today"). */
  onlyFromToday: boolean;
  /** A rule being edited keeps its fromTime unless the box is changed. */
  keepFromTime?: number;
}

export type DraftField =
  'matchType' | 'host' | 'pattern' | 'pathPrefix' | 'cls' | 'kind' | 'tool' | 'onlyFromToday' | 'form';
export type DraftErrors = Partial<Record<DraftField, string>>;

export const MATCH_TYPES: readonly { type: MatchType; label: string; help: string }[] = [
  {
    type: 'host',
    label: 'Host',
    help: 'One site, e.g. app.asana.com, or paste its address (www. and letter case do not matter).',
  },
  { type: 'wildcard', label: 'Host wildcard', help: 'Every sub-domain, e.g. *.atlassian.net (not the bare domain).' },
  { type: 'path', label: 'Host + path prefix', help: 'Part of a site, e.g. docs.google.com + /document.' },
  { type: 'regex', label: 'Regular expression', help: 'Tested against host + path, e.g. ^app\\.hubspot\\.com/email/.' },
];

export function emptyDraft(): RuleDraft {
  return {
    matchType: 'host',
    host: '',
    pattern: '',
    pathPrefix: '',
    cls: '',
    kind: '',
    tool: '',
    onlyFromToday: false,
  };
}

export function draftFromRule(rule: UserRule): RuleDraft {
  const d = emptyDraft();
  d.matchType = rule.match.type;
  if (rule.match.type === 'host') d.host = rule.match.host;
  else if (rule.match.type === 'path') {
    d.host = rule.match.host;
    d.pathPrefix = rule.match.pathPrefix;
  } else d.pattern = rule.match.pattern;
  d.cls = rule.class;
  d.kind = rule.kind ?? '';
  d.tool = rule.tool ?? '';
  d.onlyFromToday = rule.fromTime !== undefined;
  if (rule.fromTime !== undefined) d.keepFromTime = rule.fromTime;
  return d;
}

function matchOf(d: RuleDraft): RuleMatch {
  switch (d.matchType) {
    case 'host':
      return { type: 'host', host: d.host.trim() };
    case 'wildcard':
      return { type: 'wildcard', pattern: d.pattern.trim() };
    case 'path':
      return { type: 'path', host: d.host.trim(), pathPrefix: d.pathPrefix.trim() };
    case 'regex':
      return { type: 'regex', pattern: d.pattern };
  }
}

/**
 * A web address pasted into the host field (`https://docs.google.com/document/d/1AbC/edit?x=1`)
 * becomes its host; for a host + path rule with no path yet, the path gets the address's literal
 * leading words as stored (`/document/d`: ids, numbers and names are never part of a stored path, so
 * a prefix holding one would match nothing). Anything else is returned unchanged.
 */
export function withPastedUrl(d: RuleDraft): RuleDraft {
  if (d.matchType !== 'host' && d.matchType !== 'path') return d;
  const text = d.host.trim();
  if (text.startsWith('*') || !(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || text.includes('/'))) return d;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return d;
  }
  if (url.hostname === '') return d;
  const next = { ...d, host: url.hostname.replace(/^www\.(?=.)/, '') };
  if (d.matchType === 'path' && d.pathPrefix.trim() === '') {
    const literal = pathShape(url.pathname).split('/*')[0] ?? '';
    next.pathPrefix = literal;
  }
  return next;
}

/** The object handed to validateRule (and, once valid, saved). `order`/`id` are kept from `base`. */
export function draftToInput(
  d: RuleDraft,
  now: number,
  base?: Pick<UserRule, 'id' | 'order' | 'createdAt'>,
): Record<string, unknown> {
  const input: Record<string, unknown> = { match: matchOf(withPastedUrl(d)), class: d.cls === '' ? undefined : d.cls };
  if (d.kind !== '') input.kind = d.kind;
  if (d.tool.trim() !== '') input.tool = d.tool;
  if (d.onlyFromToday) input.fromTime = d.keepFromTime ?? startOfDay(now).getTime();
  if (base?.id !== undefined) input.id = base.id;
  if (base?.order !== undefined) input.order = base.order;
  if (base?.createdAt !== undefined) input.createdAt = base.createdAt;
  return input;
}

/** Map validateRule's errors (keyed by rule field) to the form fields they are shown beside. */
export function draftErrors(errors: Partial<Record<string, string>>, matchType: MatchType): DraftErrors {
  const out: DraftErrors = {};
  const put = (f: DraftField, msg: string | undefined) => {
    if (msg && !out[f]) out[f] = msg;
  };
  for (const [field, msg] of Object.entries(errors)) {
    switch (field) {
      case 'match.host':
        put('host', msg);
        break;
      case 'match.pattern':
        put('pattern', msg);
        break;
      case 'match.pathPrefix':
        put('pathPrefix', msg);
        break;
      case 'match':
      case 'match.type':
        put(matchType === 'host' || matchType === 'path' ? 'host' : 'pattern', msg);
        break;
      case 'class':
        put('cls', msg);
        break;
      case 'kind':
        put('kind', msg);
        break;
      case 'tool':
        put('tool', msg);
        break;
      case 'fromTime':
        put('onlyFromToday', msg);
        break;
      default:
        put('form', msg);
    }
  }
  return out;
}

/** Kinds offered for a class (the kind select is filtered by the class chosen). */
export function kindChoices(cls: ClassName | ''): KindMeta[] {
  if (cls === '' || cls === 'unclassified') return [];
  return kindsOfClass(cls);
}

/** Changing the class drops a kind that does not belong to it. */
export function withClass(d: RuleDraft, cls: ClassName | ''): RuleDraft {
  const keep = d.kind !== '' && kindChoices(cls).some((k) => k.id === d.kind);
  return { ...d, cls, kind: keep ? d.kind : '' };
}
