/**
 * CSV exports of the person's own data, for a spreadsheet (Settings → Your data):
 *
 * - `buildDailyToolCsv`: one row per local day × tool × class, with seconds and minutes — the same
 *   resolved time the dashboard shows (overlaps resolved by precedence: manual > call > calendar >
 *   browser focus, so nothing is counted twice).
 * - `buildSegmentsCsv`: the raw stored segments, one row each, with their classification.
 *
 * Made to open cleanly in Excel, Numbers, LibreOffice and Google Sheets:
 * - UTF-8 with a byte-order mark (Excel reads BOM-less CSV as the ANSI code page), CRLF line ends,
 *   comma separated, RFC 4180 quoting (a field with a comma, quote, CR or LF is quoted, quotes doubled);
 * - ISO dates (`2026-03-02`) and local date-times `2026-03-02 09:30:00` with the UTC offset
 *   (`UTC+01:00`) in its own column, which every spreadsheet reads in any locale;
 * - numbers are whole numbers (seconds, and minutes rounded), so no decimal separator can be misread
 *   under a locale that uses a comma;
 * - formula-injection safe: a text cell that starts with `=`, `+`, `-`, `@`, a tab or a CR gets a `'`
 *   in front (OWASP "CSV injection"), so a host, path or label can never run as a formula.
 *
 * Pure: segments and a classifier in, text out. Local days and times are those of the zone the code
 * runs in (the browser's), as everywhere in the app.
 */
import { format } from 'date-fns';
import type { ClassName, KindId, Lane, Segment, Source } from '@/lib/model';
import { memoClassifier } from '@/lib/report/classification';
import { resolveTimeline, segmentClassifier } from '@/lib/report/timeline';
import type { ClassifierInput } from '@/lib/report/types';

/** The UTF-8 byte-order mark, first character of every export. */
export const BOM = '\uFEFF';
const EOL = '\r\n';
/** First characters that make a spreadsheet treat a cell as a formula (or that hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

/** One CSV field: whole numbers as digits, text made formula-safe and quoted when it must be. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    // Whole numbers only: no decimal separator, no exponent, no locale.
    return String(Math.round(value));
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV document: BOM, header, rows, CRLF after every record. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const out: string[] = [BOM, header.map(csvField).join(','), EOL];
  for (const row of rows) {
    if (row.length !== header.length)
      throw new Error(`A CSV row has ${row.length} fields, the header ${header.length}.`);
    out.push(row.map(csvField).join(','), EOL);
  }
  return out.join('');
}

/**
 * `yyyy-MM-dd HH:mm:ss` in local time, and the local offset `UTC+01:00` at that instant (written with
 * `UTC` so the cell is text, not a number or a formula, in every spreadsheet).
 */
function localDateTime(t: number): { at: string; offset: string } {
  return { at: format(t, 'yyyy-MM-dd HH:mm:ss'), offset: `UTC${format(t, 'xxx')}` };
}

export const DAILY_TOOL_HEADER = ['date', 'tool', 'class', 'seconds', 'minutes'] as const;

export interface DailyToolRow {
  date: string;
  tool: string;
  class: ClassName;
  seconds: number;
}

const CLASS_ORDER: Readonly<Record<ClassName, number>> = { creative: 0, coordination: 1, neutral: 2, unclassified: 3 };

/**
 * Resolved time per local day × tool × class (whole seconds), sorted by date, class, most time first.
 * Pieces of time after `now` (future calendar events) are left out.
 */
export function dailyToolRows(segments: readonly Segment[], classify: ClassifierInput, now: number): DailyToolRow[] {
  const { pieces } = resolveTimeline(segments, classify);
  const totals = new Map<string, DailyToolRow & { ms: number }>();
  for (const p of pieces) {
    const end = Math.min(p.end, now);
    if (end <= p.start) continue;
    // Segments are split at local midnight when written, so a piece lies within the day of its start.
    const date = format(p.start, 'yyyy-MM-dd');
    const key = `${date}\n${p.tool}\n${p.class}`;
    const row = totals.get(key);
    if (row) row.ms += end - p.start;
    else totals.set(key, { date, tool: p.tool, class: p.class, seconds: 0, ms: end - p.start });
  }
  return [...totals.values()]
    .map(({ ms, ...row }) => ({ ...row, seconds: Math.round(ms / 1000) }))
    .filter((row) => row.seconds > 0)
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        CLASS_ORDER[a.class] - CLASS_ORDER[b.class] ||
        b.seconds - a.seconds ||
        a.tool.localeCompare(b.tool),
    );
}

/** The day × tool × class CSV (see the module comment). */
export function buildDailyToolCsv(segments: readonly Segment[], classify: ClassifierInput, now: number): string {
  return csvDocument(
    DAILY_TOOL_HEADER,
    dailyToolRows(segments, classify, now).map((r) => [r.date, r.tool, r.class, r.seconds, Math.round(r.seconds / 60)]),
  );
}

export const SEGMENTS_HEADER = [
  'start',
  'end',
  'utc_offset',
  'seconds',
  'host',
  'path_shape',
  'tool',
  'class',
  'kind',
  'source',
  'lane',
  'label',
] as const;

export interface SegmentRow {
  start: string;
  end: string;
  offset: string;
  seconds: number;
  host: string;
  path: string;
  tool: string;
  class: ClassName;
  kind: KindId;
  source: Source;
  lane: Lane;
  label: string;
}

/** Every stored segment with its classification (overrides applied), by start. Invalid rows are skipped. */
export function segmentRows(segments: readonly Segment[], classify: ClassifierInput): SegmentRow[] {
  const sorted = segments
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start)
    .sort((a, b) => a.start - b.start || (a.id ?? 0) - (b.id ?? 0));
  const effective = segmentClassifier(sorted, memoClassifier(classify));
  return sorted.map((s, i) => {
    const e = effective(i);
    const start = localDateTime(s.start);
    return {
      start: start.at,
      end: localDateTime(s.end).at,
      offset: start.offset,
      seconds: Math.round((s.end - s.start) / 1000),
      host: s.host,
      path: s.path,
      tool: e.tool,
      class: e.class,
      kind: e.kind,
      source: s.source,
      lane: s.lane,
      label: s.label ?? '',
    };
  });
}

/** The raw segments CSV (see the module comment). */
export function buildSegmentsCsv(segments: readonly Segment[], classify: ClassifierInput): string {
  return csvDocument(
    SEGMENTS_HEADER,
    segmentRows(segments, classify).map((r) => [
      r.start,
      r.end,
      r.offset,
      r.seconds,
      r.host,
      r.path,
      r.tool,
      r.class,
      r.kind,
      r.source,
      r.lane,
      r.label,
    ]),
  );
}

/** `creative-ratio-<what>-<yyyy-MM-dd>.csv` */
export function csvFileName(what: 'daily-tools' | 'segments', now: number): string {
  return `creative-ratio-${what}-${format(now, 'yyyy-MM-dd')}.csv`;
}
