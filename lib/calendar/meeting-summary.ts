/**
 * What the calendar preview lists so the person can pick a meeting rule instead of typing one:
 * - the **recurring series** in the import window (meetings sharing a UID that repeat: a repeat
 *   rule, extra dates, a moved occurrence, or simply several occurrences), each with its title,
 *   occurrences, hours, typical weekday and start time, organizer, and what it counts as now;
 * - the **organizers** by domain (`@agency.com`): meetings and hours. The person's own meetings
 *   are not listed there: those they organise themselves, and those of their own organisation's
 *   domain (a domain rule for it would count most of their colleagues' meetings — the series table
 *   is the place to pick those one by one); `own` counts what was left out. A free-mail domain
 *   (gmail.com…) is no organisation: its organizers are listed one address each (a rule for
 *   `@gmail.com` would match strangers), and an owner at gmail.com hides only their own address.
 * Only counted meetings are summarised (a declined or cancelled occurrence is not in it). Hours
 * are each occurrence's own length inside the window (overlaps are not merged: this is "how much
 * of your time does this series take", not the week's total). Weekday and time are local to
 * the runtime's zone (the zone the page shows). Bounded: the biggest first by hours, at most
 * `maxSeries` / `maxOrganizers`, with the number left out. Titles and addresses go to the preview
 * only; nothing here is stored. Pure.
 */
import type { SegmentOverride } from '@/lib/model';
import { ownerAddresses } from './meeting-rules';

/** One counted meeting occurrence, as planImport sees it. */
export interface SummaryMeeting {
  uid: string;
  title: string;
  /** Organizer address (lower-case) or ''. */
  organizer: string;
  start: number;
  end: number;
  /** Its event repeats (RRULE / RDATE) or is a changed occurrence of one (RECURRENCE-ID). */
  recurring: boolean;
  override: SegmentOverride;
  /** The meeting rule that decided, or null (the default: coordination). */
  ruleId: string | null;
}

/** What a group of meetings counts as: the verdict of most of them. */
export interface CountsAs {
  override: SegmentOverride;
  ruleId: string | null;
  /** Not every meeting of the group counts the same (e.g. a title rule matched one renamed occurrence). */
  mixed: boolean;
}

export interface SeriesSummary {
  uid: string;
  /** The title most of its occurrences carry (at most MAX_SUMMARY_TITLE characters). */
  title: string;
  occurrences: number;
  ms: number;
  /** The most common weekday (0 = Sunday) and local start (minutes after midnight), and how many occurrences share it. */
  typical: { weekday: number; minute: number; count: number };
  /** The most common organizer address, or ''. */
  organizer: string;
  countsAs: CountsAs;
}

export interface OrganizerSummary {
  /** `@domain`, or the whole address of an organizer at a free-mail domain: the row's rule value. */
  domain: string;
  meetings: number;
  ms: number;
  /** Distinct organizer addresses of the domain, most meetings first (at most three). */
  addresses: string[];
  countsAs: CountsAs;
}

export interface MeetingSummaries {
  series: SeriesSummary[];
  /** Series left out of `series` (smaller ones). */
  moreSeries: number;
  organizers: OrganizerSummary[];
  moreOrganizers: number;
  /**
   * The meetings left out of `organizers` because they are the person's own (organised by one of
   * the owner's addresses or from the owner's domain); null when none were.
   */
  own: { meetings: number; ms: number; domains: string[] } | null;
}

export const MAX_SUMMARY_SERIES = 50;
export const MAX_SUMMARY_ORGANIZERS = 50;
export const MAX_SUMMARY_TITLE = 80;

export interface SummaryOptions {
  maxSeries?: number;
  maxOrganizers?: number;
  /** The calendar owner's addresses (any case): their meetings and their organisation's are not listed by organizer. */
  owners?: readonly string[];
}

/**
 * Mail domains anyone can get an address at: not an organisation (lower-case, without `@`). Their
 * organizers are listed by address, and an owner there has no "own domain".
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'hotmail.fr',
  'hotmail.de',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.fr',
  'yahoo.de',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'mail.com',
  'zoho.com',
  'fastmail.com',
  'hey.com',
  'yandex.com',
  'yandex.ru',
  'mail.ru',
  'qq.com',
  '163.com',
]);

/** Whether `domain` (`@gmail.com` or `gmail.com`) is a free-mail domain. */
export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.replace(/^@/, '').toLowerCase());
}

/** The key that occurs most often (ties: the one seen first). */
function mostCommon<K>(items: Iterable<K>): { key: K; count: number } | null {
  const counts = new Map<K, number>();
  let best: { key: K; count: number } | null = null;
  for (const k of items) {
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (!best || n > best.count) best = { key: k, count: n };
  }
  return best;
}

function verdictKey(m: SummaryMeeting): string {
  return `${m.ruleId ?? ''}\u0000${m.override.class}\u0000${m.override.kind ?? ''}`;
}

function countsAs(group: readonly SummaryMeeting[]): CountsAs {
  const top = mostCommon(group.map(verdictKey))!;
  const m = group.find((x) => verdictKey(x) === top.key)!;
  return { override: { ...m.override }, ruleId: m.ruleId, mixed: top.count < group.length };
}

function byHours<T extends { ms: number; title?: string; domain?: string }>(a: T, b: T): number {
  return b.ms - a.ms || (a.title ?? a.domain ?? '').localeCompare(b.title ?? b.domain ?? '');
}

/** The organizer's `@domain`, or '' for no address. */
export function organizerDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0 && at < address.length - 1 ? address.slice(at).toLowerCase() : '';
}

export function summarizeMeetings(meetings: readonly SummaryMeeting[], options: SummaryOptions = {}): MeetingSummaries {
  const maxSeries = options.maxSeries ?? MAX_SUMMARY_SERIES;
  const maxOrganizers = options.maxOrganizers ?? MAX_SUMMARY_ORGANIZERS;
  const ownAddresses = ownerAddresses(options.owners ?? []);
  const ownDomains = new Set([...ownAddresses].map(organizerDomain).filter((d) => d !== '' && !isFreeMailDomain(d)));
  const own = { meetings: 0, ms: 0, domains: new Set<string>() };

  // In time order: each group is then in order too, and local times are read in order (the
  // engine caches a zone's offsets by time range; jumping back and forth makes every read slow).
  const timed = meetings.filter((m) => m.end > m.start).sort((a, b) => a.start - b.start);
  const at = new Map<SummaryMeeting, number>();
  for (const m of timed) {
    const d = new Date(m.start);
    at.set(m, d.getDay() * 1440 + d.getHours() * 60 + d.getMinutes());
  }
  const byUid = new Map<string, SummaryMeeting[]>();
  const byDomain = new Map<string, SummaryMeeting[]>();
  for (const m of timed) {
    if (m.uid !== '') {
      let g = byUid.get(m.uid);
      if (!g) byUid.set(m.uid, (g = []));
      g.push(m);
    }
    const domain = organizerDomain(m.organizer);
    if (!domain) continue;
    if (ownAddresses.has(m.organizer.toLowerCase()) || ownDomains.has(domain)) {
      own.meetings += 1;
      own.ms += m.end - m.start;
      if (ownDomains.has(domain)) own.domains.add(domain);
      continue;
    }
    const key = isFreeMailDomain(domain) ? m.organizer.toLowerCase() : domain;
    let g = byDomain.get(key);
    if (!g) byDomain.set(key, (g = []));
    g.push(m);
  }

  const series: SeriesSummary[] = [];
  for (const [uid, sorted] of byUid) {
    if (sorted.length < 2 && !sorted.some((m) => m.recurring)) continue;
    const typical = mostCommon(sorted.map((m) => at.get(m)!))!;
    series.push({
      uid,
      title: (mostCommon(sorted.map((m) => m.title.trim()))?.key ?? '').slice(0, MAX_SUMMARY_TITLE),
      occurrences: sorted.length,
      ms: sorted.reduce((s, m) => s + (m.end - m.start), 0),
      typical: { weekday: Math.floor(typical.key / 1440), minute: typical.key % 1440, count: typical.count },
      organizer: mostCommon(sorted.map((m) => m.organizer).filter(Boolean))?.key ?? '',
      countsAs: countsAs(sorted),
    });
  }
  series.sort(byHours);

  const organizers: OrganizerSummary[] = [];
  for (const [domain, group] of byDomain) {
    const perAddress = new Map<string, number>();
    for (const m of group) perAddress.set(m.organizer, (perAddress.get(m.organizer) ?? 0) + 1);
    organizers.push({
      domain,
      meetings: group.length,
      ms: group.reduce((s, m) => s + (m.end - m.start), 0),
      addresses: [...perAddress]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([a]) => a),
      countsAs: countsAs(group),
    });
  }
  organizers.sort(byHours);

  return {
    series: series.slice(0, maxSeries),
    moreSeries: Math.max(0, series.length - maxSeries),
    organizers: organizers.slice(0, maxOrganizers),
    moreOrganizers: Math.max(0, organizers.length - maxOrganizers),
    own: own.meetings > 0 ? { meetings: own.meetings, ms: own.ms, domains: [...own.domains].sort() } : null,
  };
}
