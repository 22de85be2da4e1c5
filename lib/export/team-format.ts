/**
 * The team export file format: its valibot schema (the one description of the file), serialisation
 * and the strict parser the team view uses. Pure, and free of the classifier and report code (the
 * team view page loads only this). Building an export from a person's data is lib/export/team.ts.
 *
 * File (format "creative-ratio-team", version 2):
 *   { format, version: 2, exportId: 32 hex digits (random, made fresh for every export),
 *     exportedAt: "yyyy-MM-dd", weekStartsOn: 0..6, alias?: "…" (only when the person typed one),
 *     weeks: [{ weekStart: "yyyy-MM-dd", creativeMs, coordinationMs, neutralMs?, unclassifiedMs,
 *               byKind: { meetings, messaging, project, reporting, admin, writing, design, research,
 *                         building, ai, personal?, unknown },
 *               meetingMs, messagingMs, multitaskMs, contextSwitchesPerHour, longestCreativeBlockMs,
 *               blocks25, blocks50, blocks90, activeDays? }] }
 *
 * Not-work time (`neutralMs` and the `personal` kind) and `activeDays` are in the file only when the
 * person ticks them, and then in every week. Nothing in the file links one person's exports to each
 * other: `exportId` is new for every export, and the alias is optional and empty by default.
 *
 * Version 1 files (always with an alias field, not-work time and active days, no exportId) are still
 * read: they describe the same weeks, and the team view shows neither of those fields.
 *
 * The parser is strict: unknown fields (including "__proto__"), wrong types, negative, fractional or
 * non-finite durations, kinds that do not add up to their class, weeks that do not start on the file's
 * first day of the week, unfinished weeks, dates before 2000 or more than a year after today, and files
 * over 1 MB are rejected with a message naming the week and field. Results are valibot's output, built
 * from the schema's fields only, never the parsed JSON itself.
 */
import * as v from 'valibot';
import { KINDS, KIND_IDS } from '@/lib/classify/kinds';
import type { ClassName, KindId } from '@/lib/model';
import type { WeekDay } from '@/lib/settings';
import { addDaysToKey, count, isRecord, own, utf8Bytes, weekDayOfKey } from './json';
import { isDayKey } from '@/lib/time/days';

export const TEAM_FORMAT = 'creative-ratio-team';
export const TEAM_FORMAT_VERSION = 2;
/** Largest team export file the team view reads (bytes). A 12-week export is about 10 kB. */
export const MAX_TEAM_FILE_BYTES = 1_000_000;
export const DEFAULT_TEAM_WEEKS = 4;
export const MAX_TEAM_WEEKS = 12;
export const MAX_ALIAS_CHARS = 60;
/** The earliest date a file may mention; the latest is a year after today. */
export const EARLIEST_TEAM_DATE = '2000-01-01';

const MIN = 60_000;
/** Longest possible local week (7 days, one of them 25 h long). */
const MAX_WEEK_MS = (7 * 24 + 1) * 60 * MIN;
/** Context switches per hour above this are not plausible (one every 5 seconds). */
export const MAX_SWITCHES_PER_HOUR = 720;
/** Creative blocks of 25+ minutes in a week: at most one per half hour. */
const MAX_BLOCKS = 7 * 24 * 2;

/** Kinds in the file, in display order: coordination kinds, creative kinds, personal, unknown. */
export const TEAM_KINDS: readonly KindId[] = KIND_IDS;
const CLASSES: readonly ClassName[] = ['creative', 'coordination', 'neutral', 'unclassified'];
const CLASS_FIELD = {
  creative: 'creativeMs',
  coordination: 'coordinationMs',
  neutral: 'neutralMs',
  unclassified: 'unclassifiedMs',
} as const;

export interface TeamWeek {
  /** Local date of the week's first day, yyyy-MM-dd. */
  weekStart: string;
  creativeMs: number;
  coordinationMs: number;
  /** Not-work time; null when the person did not share it (then `byKind.personal` is 0 and not in the file). */
  neutralMs: number | null;
  unclassifiedMs: number;
  /** Every kind (0 when unused); the kinds of a class add up to the class total. */
  byKind: Record<KindId, number>;
  meetingMs: number;
  messagingMs: number;
  /** Foreground time on other tools during calls and calendar meetings. */
  multitaskMs: number;
  /** Switches between tools per tracked hour (one decimal); null with under 15 min tracked. */
  contextSwitchesPerHour: number | null;
  /** Creative time of the week's longest creative block; 0 without one. */
  longestCreativeBlockMs: number;
  /** Creative blocks of at least 25, 50 and 90 minutes. */
  blocks25: number;
  blocks50: number;
  blocks90: number;
  /** Days of the week with at least a minute tracked (0..7); null when not shared. */
  activeDays: number | null;
}

export interface TeamExport {
  format: typeof TEAM_FORMAT;
  /** The version the file was written in (the team view reads 1 and 2; exports are always 2). */
  version: 1 | typeof TEAM_FORMAT_VERSION;
  /** Random, fresh for every export (null in version 1 files). Tells two copies of one export apart from two exports, and nothing else. */
  exportId: string | null;
  /** Local date of the export, yyyy-MM-dd (no time). */
  exportedAt: string;
  weekStartsOn: WeekDay;
  /** Oldest first. */
  weeks: TeamWeek[];
  /** Name the person chose to appear under; '' (the default) writes no name. */
  alias: string;
}

/**
 * A name as shown: no control, invisible or bidi characters (`\p{Cc}`, `\p{Cf}`: zero-width spaces and
 * joiners, direction overrides and isolates), spaces collapsed, at most `max` characters.
 */
export function cleanName(text: string, max: number = MAX_ALIAS_CHARS): string {
  return text
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => (/\p{Cc}/u.test(c) ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

/** The alias as stored: see cleanName. */
export function cleanAlias(alias: string | undefined): string {
  return typeof alias === 'string' ? cleanName(alias, MAX_ALIAS_CHARS) : '';
}

/** A new export id: 128 random bits as 32 hex digits (from the platform's CSPRNG). */
export function newExportId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return Array.from(random(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A week as read or written: `neutralMs` and `activeDays` may be left out (not shared). */
type WeekFields = Omit<TeamWeek, 'byKind' | 'neutralMs' | 'activeDays'> & {
  neutralMs?: number | null;
  activeDays?: number | null;
};

/** A week's fields in the file's order, with `byKind` as given; `neutralMs` and `activeDays` null when not shared. */
function teamWeekInFileOrder<K>(w: WeekFields, byKind: K) {
  return {
    weekStart: w.weekStart,
    creativeMs: w.creativeMs,
    coordinationMs: w.coordinationMs,
    neutralMs: w.neutralMs ?? null,
    unclassifiedMs: w.unclassifiedMs,
    byKind,
    meetingMs: w.meetingMs,
    messagingMs: w.messagingMs,
    multitaskMs: w.multitaskMs,
    contextSwitchesPerHour: w.contextSwitchesPerHour,
    longestCreativeBlockMs: w.longestCreativeBlockMs,
    blocks25: w.blocks25,
    blocks50: w.blocks50,
    blocks90: w.blocks90,
    activeDays: w.activeDays ?? null,
  };
}

/** The file's object, keys in file order; optional fields only when shared. */
function ordered(doc: TeamExport): Record<string, unknown> {
  const out: Record<string, unknown> = {
    format: TEAM_FORMAT,
    version: TEAM_FORMAT_VERSION,
    exportId: doc.exportId ?? '',
    exportedAt: doc.exportedAt,
    weekStartsOn: doc.weekStartsOn,
  };
  if (doc.alias) out.alias = doc.alias;
  out.weeks = doc.weeks.map((w) => {
    const byKind: Record<string, number> = {};
    for (const k of TEAM_KINDS) if (k !== 'personal' || w.neutralMs !== null) byKind[k] = w.byKind[k];
    const week: Record<string, unknown> = teamWeekInFileOrder(w, byKind);
    if (w.neutralMs === null) delete week.neutralMs;
    if (w.activeDays === null) delete week.activeDays;
    return week;
  });
  return out;
}

/** The file's text (pretty-printed JSON, so the person can read what they share), always the current version. */
export function serializeTeamExport(doc: TeamExport): string {
  return `${JSON.stringify(ordered(doc), null, 2)}\n`;
}

/**
 * `creative-ratio-team-<alias>-<yyyy-MM-dd>.json` with an alias (reduced to safe file-name
 * characters); without one, the first 8 digits of the export id stand in for it, so two unnamed
 * exports of the same day never share a name in a folder.
 */
export function teamExportFileName(alias: string, exportedAt: string, exportId: string | null = null): string {
  const slug = alias
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return `creative-ratio-team-${slug || (exportId ? exportId.slice(0, 8) : 'me')}-${exportedAt}.json`;
}

// ---------- reading (the team view) ----------

/** `aliasAsWritten`: the alias before cleaning (to tell look-alike names apart; never shown). */
export type TeamParse = { ok: true; export: TeamExport; aliasAsWritten: string } | { ok: false; error: string };

export interface TeamParseOptions {
  /** The clock, for the latest plausible date (a year after it). Default: now. */
  now?: number;
}

// Messages complete `<where>: "<field>" …` (see describeIssue).
const DURATION = 'must be a number of milliseconds.';
const duration = v.pipe(
  v.number(DURATION),
  v.finite(DURATION),
  v.minValue(0, 'cannot be negative.'),
  v.integer('must be a whole number of milliseconds.'),
  v.maxValue(MAX_WEEK_MS, 'is longer than a week.'),
);
const wholeNumber = (max: number) => {
  const message = `must be a whole number from 0 to ${count(max)}.`;
  return v.pipe(v.number(message), v.integer(message), v.minValue(0, message), v.maxValue(max, message));
};
const dayKey = (lastDay: string) =>
  v.pipe(
    v.string('must be a date written yyyy-MM-dd.'),
    v.check((d: string) => isDayKey(d), 'must be a date written yyyy-MM-dd.'),
    v.check(
      (d) => d >= EARLIEST_TEAM_DATE && d <= lastDay,
      `must be a date from ${EARLIEST_TEAM_DATE} to a year from today (${lastDay}).`,
    ),
  );

const KIND_ENTRIES = (optionalPersonal: boolean) =>
  Object.fromEntries(
    TEAM_KINDS.map((k) => [k, k === 'personal' && optionalPersonal ? v.optional(duration) : duration]),
  ) as Record<KindId, typeof duration>;

/** The schema of one week (`v2`: not-work time and active days optional, as the person chose). */
function weekSchema(lastDay: string, version: 1 | 2) {
  const opt = version === 2;
  const fields = v.strictObject(
    {
      weekStart: dayKey(lastDay),
      creativeMs: duration,
      coordinationMs: duration,
      neutralMs: opt ? v.optional(duration) : duration,
      unclassifiedMs: duration,
      byKind: v.strictObject(KIND_ENTRIES(opt), 'must be an object of milliseconds per kind.'),
      meetingMs: duration,
      messagingMs: duration,
      multitaskMs: duration,
      contextSwitchesPerHour: v.nullable(
        v.pipe(
          v.number(`must be null or a number from 0 to ${MAX_SWITCHES_PER_HOUR}.`),
          v.finite(`must be null or a number from 0 to ${MAX_SWITCHES_PER_HOUR}.`),
          v.minValue(0, `must be null or a number from 0 to ${MAX_SWITCHES_PER_HOUR}.`),
          v.maxValue(MAX_SWITCHES_PER_HOUR, `must be null or a number from 0 to ${MAX_SWITCHES_PER_HOUR}.`),
        ),
      ),
      longestCreativeBlockMs: duration,
      blocks25: wholeNumber(MAX_BLOCKS),
      blocks50: wholeNumber(MAX_BLOCKS),
      blocks90: wholeNumber(MAX_BLOCKS),
      activeDays: opt ? v.optional(wholeNumber(7)) : wholeNumber(7),
    },
    'is not an object.',
  );
  return v.pipe(
    fields,
    v.rawCheck<v.InferOutput<typeof fields>>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const w = dataset.value;
      const fail = (message: string) => addIssue({ message });
      const totals: Record<ClassName, number> = {
        creative: w.creativeMs,
        coordination: w.coordinationMs,
        neutral: w.neutralMs ?? 0,
        unclassified: w.unclassifiedMs,
      };
      if (totals.creative + totals.coordination + totals.neutral + totals.unclassified > MAX_WEEK_MS)
        return fail('more time than a week has.');
      if ((w.neutralMs === undefined) !== (w.byKind.personal === undefined))
        return fail('"neutralMs" and the "personal" kind come together (not-work time is shared or not).');
      for (const cls of CLASSES) {
        const sum = TEAM_KINDS.filter((k) => KINDS[k].class === cls).reduce((a, k) => a + (w.byKind[k] ?? 0), 0);
        if (sum !== totals[cls])
          return fail(
            `the kinds of ${cls} time add up to ${count(sum)} ms, not "${CLASS_FIELD[cls]}" (${count(totals[cls])} ms).`,
          );
      }
      if (w.meetingMs !== w.byKind.meetings) return fail('"meetingMs" must equal the meetings kind.');
      if (w.messagingMs !== w.byKind.messaging) return fail('"messagingMs" must equal the messaging kind.');
      if (w.longestCreativeBlockMs > w.creativeMs)
        return fail('the longest creative block is longer than all creative time.');
      if (!(w.blocks90 <= w.blocks50 && w.blocks50 <= w.blocks25))
        return fail('block counts must not grow with length (blocks90 ≤ blocks50 ≤ blocks25).');
    }),
  );
}

/** The schema of a whole file of `version` (1 or 2), with dates up to `lastDay`. */
export function teamExportSchema(lastDay: string, version: 1 | 2 = TEAM_FORMAT_VERSION) {
  const week = weekSchema(lastDay, version);
  const alias = v.pipe(
    v.string('must be text.'),
    v.maxLength(MAX_ALIAS_CHARS, `is longer than ${MAX_ALIAS_CHARS} characters.`),
  );
  const fields = v.strictObject(
    {
      format: v.literal(TEAM_FORMAT),
      version: v.literal(version),
      exportId: v.optional(
        v.pipe(v.string('must be 32 hexadecimal digits.'), v.regex(/^[0-9a-f]{32}$/, 'must be 32 hexadecimal digits.')),
      ),
      exportedAt: dayKey(lastDay),
      weekStartsOn: wholeNumber(6),
      alias: v.optional(alias),
      weeks: v.pipe(
        v.array(week, 'must be a list of weeks.'),
        v.minLength(1, 'is empty: the export has no weeks.'),
        v.maxLength(MAX_TEAM_WEEKS, (issue) => `has ${issue.received} weeks; at most ${MAX_TEAM_WEEKS} are allowed.`),
      ),
    },
    'expected a JSON object.',
  );
  return v.pipe(
    fields,
    v.rawCheck<v.InferOutput<typeof fields>>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const doc = dataset.value;
      if (version === 2 && doc.exportId === undefined) return addIssue({ message: '"exportId" is missing.' });
      if (version === 1 && doc.exportId !== undefined)
        return addIssue({ message: 'Unexpected field "exportId" in a version 1 file.' });
      const weeks = doc.weeks;
      const at = (i: number) => `Week ${i + 1} (${weeks[i]!.weekStart})`;
      for (let i = 0; i < weeks.length; i++) {
        if (weekDayOfKey(weeks[i]!.weekStart) !== doc.weekStartsOn)
          return addIssue({ message: `${at(i)}: the week does not start on the file's first day of the week.` });
        if (i > 0 && weeks[i]!.weekStart <= weeks[i - 1]!.weekStart)
          return addIssue({ message: `${at(i)}: weeks must be in order, oldest first, each once.` });
        if (
          (weeks[i]!.neutralMs === undefined) !== (weeks[0]!.neutralMs === undefined) ||
          (weeks[i]!.activeDays === undefined) !== (weeks[0]!.activeDays === undefined)
        ) {
          return addIssue({
            message: `${at(i)}: every week shares the same fields (not-work time and active days are in all weeks or in none).`,
          });
        }
      }
      const last = weeks.length - 1;
      if (addDaysToKey(weeks[last]!.weekStart, 7) > addDaysToKey(doc.exportedAt, 1))
        return addIssue({ message: `${at(last)} had not ended when the file was exported (${doc.exportedAt}).` });
    }),
  );
}

/** Where an issue is: `Week 2 (2025-03-24), byKind: "ai"`, `"exportedAt"`, or '' for the whole file. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? [];
  const keys = path.map((p) => p.key);
  // Unknown keys of a strict object: the path ends at the key, whose value is the stray one.
  const stray = issue.type === 'strict_object' && issue.expected === 'never';
  const quote = (k: unknown) => JSON.stringify(String(k).length > 40 ? `${String(k).slice(0, 40)}…` : String(k));
  let where = '';
  let rest = keys;
  if (keys[0] === 'weeks' && typeof keys[1] === 'number') {
    const weekStart = isRecord(path[1]!.value) ? own(path[1]!.value, 'weekStart') : undefined;
    where = `Week ${keys[1] + 1}${isDayKey(weekStart) && keys[2] !== 'weekStart' ? ` (${weekStart})` : ''}`;
    rest = keys.slice(2);
  }
  const inByKind = rest[0] === 'byKind' && rest.length === 2;
  if (stray) {
    const field = quote(rest[rest.length - 1] ?? keys[keys.length - 1]);
    if (inByKind) return `${where}: unknown kind ${field} in "byKind".`;
    return `${where ? `${where}: unexpected` : 'Unexpected'} field ${field}. Team exports contain only weekly totals.`;
  }
  if (rest.length === 0)
    return where
      ? issue.type === 'raw_check'
        ? `${where}: ${issue.message}`
        : `${where} ${issue.message}`
      : issue.message;
  const field = inByKind ? `, byKind: ${quote(rest[1])}` : `: ${quote(rest[rest.length - 1])}`;
  const missing = issue.received === 'undefined' && issue.kind === 'schema';
  const head = where ? `${where}${field}` : field.slice(2);
  return `${head} ${missing ? 'is missing.' : issue.message}`;
}

let cachedSchema: { key: string; schema: ReturnType<typeof teamExportSchema> } | null = null;

/**
 * Validate a team export file (version 1 or 2) against the schema. The clock (`now`) bounds dates to a
 * year ahead. The result is valibot's output, mapped to TeamExport field by field.
 */
export function parseTeamExport(text: string, options: TeamParseOptions = {}): TeamParse {
  const fail = (error: string): TeamParse => ({ ok: false, error });
  if (typeof text !== 'string') return fail('The file could not be read as text.');
  if (text.length > MAX_TEAM_FILE_BYTES || utf8Bytes(text) > MAX_TEAM_FILE_BYTES) {
    return fail(
      `The file is too large (over ${MAX_TEAM_FILE_BYTES / 1_000_000} MB). A team export is a few kilobytes; is this the right file?`,
    );
  }
  if (text.trim() === '') return fail('The file is empty.');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail('This is not a team export: it is not valid JSON.');
  }
  if (!isRecord(doc)) return fail('This is not a team export: expected a JSON object.');
  const format = own(doc, 'format');
  if (format !== TEAM_FORMAT) {
    if (format === 'creative-ratio-backup')
      return fail(
        'This is a full backup, not a team export. Backups stay with their owner; ask for a team export instead.',
      );
    if (format === 'creative-ratio-rules') return fail('This is a rules file, not a team export.');
    return fail(
      format === undefined
        ? 'This is not a Creative Ratio team export ("format" is missing).'
        : `This is not a Creative Ratio team export (format ${JSON.stringify(String(format).slice(0, 40))}).`,
    );
  }
  const version = own(doc, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('The file has an invalid "version".');
  if (version > TEAM_FORMAT_VERSION)
    return fail(
      `This export was made by a newer version of Creative Ratio (format version ${version}). Update the extension to read it.`,
    );

  const now = new Date(options.now ?? Date.now());
  const lastDay = addDaysToKey(
    `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`,
    366,
  );
  const key = `${lastDay}/${version}`;
  if (cachedSchema?.key !== key) cachedSchema = { key, schema: teamExportSchema(lastDay, version as 1 | 2) };
  const result = v.safeParse(cachedSchema.schema, doc, { abortEarly: true });
  if (!result.success) {
    const message = describeIssue(result.issues[0]);
    return fail(message.charAt(0).toUpperCase() + message.slice(1));
  }
  const out = result.output;
  return {
    ok: true,
    aliasAsWritten: out.alias ?? '',
    export: {
      format: TEAM_FORMAT,
      version: version as 1 | 2,
      exportId: out.exportId ?? null,
      exportedAt: out.exportedAt,
      weekStartsOn: out.weekStartsOn as WeekDay,
      alias: cleanAlias(out.alias),
      weeks: out.weeks.map((w) => {
        const byKind = {} as Record<KindId, number>;
        for (const k of TEAM_KINDS) byKind[k] = w.byKind[k] ?? 0;
        return teamWeekInFileOrder(w, byKind);
      }),
    },
  };
}
