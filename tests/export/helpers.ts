/** Builders for the export tests: local instants, segments, settings, a stored database, team files. */
import { format } from 'date-fns';
import type { UserRule } from '@/lib/classify/types';
import { TEAM_KINDS, type TeamExport, type TeamWeek } from '@/lib/export/team-format';
import type { TeamPerson } from '@/lib/export/team-view';
import type { KindId, Lane, Segment, SegmentOverride, Source } from '@/lib/model';
import { DEFAULT_SETTINGS, type Settings, type WeekDay } from '@/lib/settings';
import { BACKUP_TABLES } from '@/lib/export/backup';
import { Fnv1a64 } from '@/lib/export/checksum';

export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** A local instant (tests run with TZ=Europe/Berlin). */
export function local(y: number, m: number, d: number, h = 0, min = 0, s = 0): number {
  return new Date(y, m - 1, d, h, min, s).getTime();
}

export interface SegOptions {
  path?: string;
  source?: Source;
  lane?: Lane;
  label?: string;
  override?: SegmentOverride;
  importId?: string;
  id?: number;
}

/** A segment [start, start + minutes). */
export function seg(start: number, minutes: number, host: string, o: SegOptions = {}): Segment {
  const s: Segment = {
    start,
    end: start + Math.round(minutes * MIN),
    day: format(start, 'yyyy-MM-dd'),
    host,
    path: o.path ?? '',
    source: o.source ?? 'browser',
    lane: o.lane ?? 'focus',
  };
  if (o.id !== undefined) s.id = o.id;
  if (o.label !== undefined) s.label = o.label;
  if (o.override) s.override = o.override;
  if (o.importId !== undefined) s.importId = o.importId;
  return s;
}

export function settingsWith(patch: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, weekStartsOn: 1, ...patch };
}

export function rule(
  id: number,
  order: number,
  host: string,
  cls: UserRule['class'],
  extra: Partial<UserRule> = {},
): UserRule {
  return { id, order, match: { type: 'host', host }, class: cls, createdAt: 1_700_000_000_000, ...extra };
}

/** A team file's week from hours per kind. */
export function teamWeek(
  weekStart: string,
  kinds: Partial<Record<KindId, number>>,
  extra: Partial<TeamWeek> = {},
): TeamWeek {
  const byKind = Object.fromEntries(TEAM_KINDS.map((k) => [k, Math.round((kinds[k] ?? 0) * HOUR)])) as Record<
    KindId,
    number
  >;
  const sum = (ks: KindId[]) => ks.reduce((a, k) => a + byKind[k], 0);
  return {
    weekStart,
    creativeMs: sum(['writing', 'design', 'research', 'building', 'ai']),
    coordinationMs: sum(['meetings', 'messaging', 'project', 'reporting', 'admin']),
    neutralMs: byKind.personal,
    unclassifiedMs: byKind.unknown,
    byKind,
    meetingMs: byKind.meetings,
    messagingMs: byKind.messaging,
    multitaskMs: 0,
    contextSwitchesPerHour: 5,
    longestCreativeBlockMs: 0,
    blocks25: 0,
    blocks50: 0,
    blocks90: 0,
    activeDays: 5,
    ...extra,
  };
}

/** A person whose file holds `weeks` (no name: the view never takes one). */
export function teamPerson(weeks: TeamWeek[]): TeamPerson {
  return { weeks };
}

/** A whole version 2 export file. */
export function teamDoc(
  weeks: TeamWeek[],
  o: { alias?: string; exportId?: string; exportedAt?: string; weekStartsOn?: WeekDay } = {},
): TeamExport {
  return {
    format: 'creative-ratio-team',
    version: 2,
    exportId: o.exportId ?? Math.random().toString(16).slice(2, 10).padEnd(8, '0').repeat(4),
    exportedAt: o.exportedAt ?? '2025-04-02',
    weekStartsOn: o.weekStartsOn ?? 1,
    weeks,
    alias: o.alias ?? '',
  };
}

/**
 * A backup document as text with its checksum recomputed for its rows as given: files the way an
 * older version wrote them, or a forger who recomputes the checksum (it is not a signature).
 */
export function rehash(doc: { data: Record<string, unknown[]>; checksum?: string }): string {
  const h = new Fnv1a64();
  for (const t of BACKUP_TABLES.filter((t) => t in doc.data)) {
    h.update(`${t}\n`);
    for (const row of doc.data[t]!) h.update(JSON.stringify(row)).update('\n');
  }
  doc.checksum = `fnv1a64:${h.digest()}`;
  return JSON.stringify(doc);
}
