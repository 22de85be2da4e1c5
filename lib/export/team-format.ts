/**
 * The team export file format: types, serialisation and the strict parser the team view uses. Pure,
 * and free of the classifier and report code (the team view page loads only this). Building an export
 * from a person's data is lib/export/team.ts.
 *
 * File (format "creative-ratio-team", version 1):
 *   { format, version, exportedAt: "yyyy-MM-dd", weekStartsOn: 0..6, alias: "",
 *     weeks: [{ weekStart: "yyyy-MM-dd", creativeMs, coordinationMs, neutralMs, unclassifiedMs,
 *               byKind: { meetings, messaging, project, reporting, admin, writing, design, research,
 *                         building, ai, personal, unknown },
 *               meetingMs, messagingMs, multitaskMs, contextSwitchesPerHour, longestCreativeBlockMs,
 *               blocks25, blocks50, blocks90, activeDays }] }
 *
 * The parser is strict: unknown fields (including "__proto__"), wrong types, negative, fractional or
 * non-finite durations, kinds that do not add up to their class, weeks that do not start on the file's
 * first day of the week, unfinished weeks and files over 1 MB are rejected with a message naming the
 * week and field. Results are built from validated fields only, never spread from the parsed JSON.
 */
import { KINDS, KIND_IDS } from '@/lib/classify/kinds';
import type { ClassName, KindId } from '@/lib/model';
import type { WeekDay } from '@/lib/settings';
import { addDaysToKey, cleanText, count, hasOwn, isDayKey, isRecord, own, unknownKey, utf8Bytes, weekDayOfKey } from './json';

export const TEAM_FORMAT = 'creative-ratio-team';
export const TEAM_FORMAT_VERSION = 1;
/** Largest team export file the team view reads (bytes). A 12-week export is about 10 kB. */
export const MAX_TEAM_FILE_BYTES = 1_000_000;
export const DEFAULT_TEAM_WEEKS = 4;
export const MAX_TEAM_WEEKS = 12;
export const MAX_ALIAS_CHARS = 60;

const MIN = 60_000;
/** Longest possible local week (7 days, one of them 25 h long). */
const MAX_WEEK_MS = (7 * 24 + 1) * 60 * MIN;
/** Context switches per hour above this are not plausible (one every 5 seconds). */
export const MAX_SWITCHES_PER_HOUR = 720;

/** Kinds in the file, in display order: coordination kinds, creative kinds, personal, unknown. */
export const TEAM_KINDS: readonly KindId[] = KIND_IDS;
const CLASSES: readonly ClassName[] = ['creative', 'coordination', 'neutral', 'unclassified'];
const CLASS_FIELD = { creative: 'creativeMs', coordination: 'coordinationMs', neutral: 'neutralMs', unclassified: 'unclassifiedMs' } as const;

export interface TeamWeek {
  /** Local date of the week's first day, yyyy-MM-dd. */
  weekStart: string;
  creativeMs: number;
  coordinationMs: number;
  neutralMs: number;
  unclassifiedMs: number;
  /** Every kind, always present (0 when unused); the kinds of a class add up to the class total. */
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
  /** Days of the week with at least a minute tracked (0..7). */
  activeDays: number;
}

export interface TeamExport {
  format: typeof TEAM_FORMAT;
  version: typeof TEAM_FORMAT_VERSION;
  /** Local date of the export, yyyy-MM-dd (no time). */
  exportedAt: string;
  weekStartsOn: WeekDay;
  /** Oldest first. */
  weeks: TeamWeek[];
  /** Name the person chose to appear under; '' lets the lead name the file. */
  alias: string;
}


/** The alias as stored: no control characters, spaces collapsed, at most 60 characters. */
export function cleanAlias(alias: string | undefined): string {
  return typeof alias === 'string' ? cleanText(alias, MAX_ALIAS_CHARS) : '';
}

/** A fresh copy with the keys in file order (also used to re-serialise validated files). */
function ordered(doc: TeamExport): TeamExport {
  return {
    format: TEAM_FORMAT,
    version: TEAM_FORMAT_VERSION,
    exportedAt: doc.exportedAt,
    weekStartsOn: doc.weekStartsOn,
    alias: doc.alias,
    weeks: doc.weeks.map((w) => {
      const byKind = {} as Record<KindId, number>;
      for (const k of TEAM_KINDS) byKind[k] = w.byKind[k];
      return {
        weekStart: w.weekStart,
        creativeMs: w.creativeMs,
        coordinationMs: w.coordinationMs,
        neutralMs: w.neutralMs,
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
        activeDays: w.activeDays,
      };
    }),
  };
}

/** The file's text (pretty-printed JSON, so the person can read what they share). */
export function serializeTeamExport(doc: TeamExport): string {
  return `${JSON.stringify(ordered(doc), null, 2)}\n`;
}

/** `creative-ratio-team-<alias|me>-<yyyy-MM-dd>.json`, the alias reduced to safe file-name characters. */
export function teamExportFileName(alias: string, exportedAt: string): string {
  const slug = alias
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return `creative-ratio-team-${slug || 'me'}-${exportedAt}.json`;
}

// ---------- reading (the team view) ----------

export type TeamParse = { ok: true; export: TeamExport } | { ok: false; error: string };

const TOP_KEYS = ['format', 'version', 'exportedAt', 'weekStartsOn', 'weeks', 'alias'] as const;
const WEEK_KEYS = [
  'weekStart',
  'creativeMs',
  'coordinationMs',
  'neutralMs',
  'unclassifiedMs',
  'byKind',
  'meetingMs',
  'messagingMs',
  'multitaskMs',
  'contextSwitchesPerHour',
  'longestCreativeBlockMs',
  'blocks25',
  'blocks50',
  'blocks90',
  'activeDays',
] as const;

class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message);
}

function duration(o: Record<string, unknown>, key: string, where: string): number {
  const v = own(o, key);
  if (v === undefined) fail(`${where}: "${key}" is missing.`);
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${where}: "${key}" must be a number of milliseconds.`);
  if (v < 0) fail(`${where}: "${key}" cannot be negative.`);
  if (!Number.isInteger(v)) fail(`${where}: "${key}" must be a whole number of milliseconds.`);
  if (v > MAX_WEEK_MS) fail(`${where}: "${key}" is longer than a week.`);
  return v;
}

function wholeNumber(o: Record<string, unknown>, key: string, where: string, max: number): number {
  const v = own(o, key);
  if (v === undefined) fail(`${where}: "${key}" is missing.`);
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) fail(`${where}: "${key}" must be a whole number from 0 to ${count(max)}.`);
  return v;
}

function readWeek(input: unknown, index: number, weekStartsOn: number): TeamWeek {
  let where = `Week ${index + 1}`;
  if (!isRecord(input)) fail(`${where} is not an object.`);
  const weekStart = own(input, 'weekStart');
  if (!isDayKey(weekStart)) fail(`${where}: "weekStart" must be a date written yyyy-MM-dd.`);
  where = `Week ${index + 1} (${weekStart})`;
  const stray = unknownKey(input, WEEK_KEYS);
  if (stray) fail(`${where}: unexpected field ${stray}. Team exports contain only weekly totals.`);
  if (weekDayOfKey(weekStart) !== weekStartsOn) fail(`${where}: the week does not start on the file's first day of the week.`);

  const totals = {} as Record<ClassName, number>;
  for (const cls of CLASSES) totals[cls] = duration(input, CLASS_FIELD[cls], where);
  if (totals.creative + totals.coordination + totals.neutral + totals.unclassified > MAX_WEEK_MS) fail(`${where}: more time than a week has.`);

  const kindsIn = own(input, 'byKind');
  if (!isRecord(kindsIn)) fail(`${where}: "byKind" must be an object of milliseconds per kind.`);
  const strayKind = unknownKey(kindsIn, TEAM_KINDS);
  if (strayKind) fail(`${where}: unknown kind ${strayKind} in "byKind".`);
  const byKind = {} as Record<KindId, number>;
  for (const k of TEAM_KINDS) byKind[k] = duration(kindsIn, k, `${where}, byKind`);
  for (const cls of CLASSES) {
    const sum = TEAM_KINDS.filter((k) => KINDS[k].class === cls).reduce((a, k) => a + byKind[k], 0);
    if (sum !== totals[cls]) fail(`${where}: the kinds of ${cls} time add up to ${count(sum)} ms, not "${CLASS_FIELD[cls]}" (${count(totals[cls])} ms).`);
  }
  const meetingMs = duration(input, 'meetingMs', where);
  if (meetingMs !== byKind.meetings) fail(`${where}: "meetingMs" must equal the meetings kind.`);
  const messagingMs = duration(input, 'messagingMs', where);
  if (messagingMs !== byKind.messaging) fail(`${where}: "messagingMs" must equal the messaging kind.`);
  const multitaskMs = duration(input, 'multitaskMs', where);

  if (!hasOwn(input, 'contextSwitchesPerHour')) fail(`${where}: "contextSwitchesPerHour" is missing.`);
  const rate = own(input, 'contextSwitchesPerHour');
  if (rate !== null && (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > MAX_SWITCHES_PER_HOUR)) {
    fail(`${where}: "contextSwitchesPerHour" must be null or a number from 0 to ${MAX_SWITCHES_PER_HOUR}.`);
  }
  const longestCreativeBlockMs = duration(input, 'longestCreativeBlockMs', where);
  if (longestCreativeBlockMs > totals.creative) fail(`${where}: the longest creative block is longer than all creative time.`);
  const maxBlocks = 7 * 24 * 2;
  const blocks25 = wholeNumber(input, 'blocks25', where, maxBlocks);
  const blocks50 = wholeNumber(input, 'blocks50', where, maxBlocks);
  const blocks90 = wholeNumber(input, 'blocks90', where, maxBlocks);
  if (!(blocks90 <= blocks50 && blocks50 <= blocks25)) fail(`${where}: block counts must not grow with length (blocks90 ≤ blocks50 ≤ blocks25).`);
  const activeDays = wholeNumber(input, 'activeDays', where, 7);

  return {
    weekStart,
    creativeMs: totals.creative,
    coordinationMs: totals.coordination,
    neutralMs: totals.neutral,
    unclassifiedMs: totals.unclassified,
    byKind,
    meetingMs,
    messagingMs,
    multitaskMs,
    contextSwitchesPerHour: rate as number | null,
    longestCreativeBlockMs,
    blocks25,
    blocks50,
    blocks90,
    activeDays,
  };
}

function readExport(text: string): TeamExport {
  if (typeof text !== 'string') fail('The file could not be read as text.');
  if (text.length > MAX_TEAM_FILE_BYTES || utf8Bytes(text) > MAX_TEAM_FILE_BYTES) {
    fail(`The file is too large (over ${MAX_TEAM_FILE_BYTES / 1_000_000} MB). A team export is a few kilobytes; is this the right file?`);
  }
  if (text.trim() === '') fail('The file is empty.');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    fail('This is not a team export: it is not valid JSON.');
  }
  if (!isRecord(doc)) fail('This is not a team export: expected a JSON object.');
  const fmt = own(doc, 'format');
  if (fmt !== TEAM_FORMAT) {
    if (fmt === 'creative-ratio-backup') fail('This is a full backup, not a team export. Backups stay with their owner; ask for a team export instead.');
    if (fmt === 'creative-ratio-rules') fail('This is a rules file, not a team export.');
    fail(fmt === undefined ? 'This is not a Creative Ratio team export ("format" is missing).' : `This is not a Creative Ratio team export (format ${JSON.stringify(String(fmt).slice(0, 40))}).`);
  }
  const version = own(doc, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) fail('The file has an invalid "version".');
  if (version > TEAM_FORMAT_VERSION) fail(`This export was made by a newer version of Creative Ratio (format version ${version}). Update the extension to read it.`);
  const stray = unknownKey(doc, TOP_KEYS);
  if (stray) fail(`Unexpected field ${stray}. Team exports contain only weekly totals.`);
  const exportedAt = own(doc, 'exportedAt');
  if (!isDayKey(exportedAt)) fail('"exportedAt" must be a date written yyyy-MM-dd.');
  const weekStartsOn = own(doc, 'weekStartsOn');
  if (typeof weekStartsOn !== 'number' || !Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) {
    fail('"weekStartsOn" must be a day of the week from 0 (Sunday) to 6 (Saturday).');
  }
  const aliasIn = own(doc, 'alias');
  if (aliasIn !== undefined && typeof aliasIn !== 'string') fail('"alias" must be text.');
  if (typeof aliasIn === 'string' && aliasIn.length > MAX_ALIAS_CHARS) fail(`"alias" is longer than ${MAX_ALIAS_CHARS} characters.`);
  const alias = cleanAlias(aliasIn as string | undefined);

  const weeksIn = own(doc, 'weeks');
  if (!Array.isArray(weeksIn)) fail('"weeks" must be a list of weeks.');
  if (weeksIn.length === 0) fail('The export has no weeks.');
  if (weeksIn.length > MAX_TEAM_WEEKS) fail(`The export has ${weeksIn.length} weeks; at most ${MAX_TEAM_WEEKS} are allowed.`);
  const weeks = weeksIn.map((w, i) => readWeek(w, i, weekStartsOn));
  for (let i = 1; i < weeks.length; i++) {
    if (weeks[i]!.weekStart <= weeks[i - 1]!.weekStart) fail(`Week ${i + 1} (${weeks[i]!.weekStart}): weeks must be in order, oldest first, each once.`);
  }
  const last = weeks[weeks.length - 1]!.weekStart;
  if (addDaysToKey(last, 7) > addDaysToKey(exportedAt, 1)) fail(`Week ${weeks.length} (${last}) had not ended when the file was exported (${exportedAt}).`);
  return { format: TEAM_FORMAT, version: TEAM_FORMAT_VERSION, exportedAt, weekStartsOn: weekStartsOn as WeekDay, weeks, alias };
}

/**
 * Validate a team export file. Strict: unknown fields, wrong types, negative or non-finite numbers,
 * inconsistent totals and files over 1 MB are rejected with a message that names the week and field.
 * The result is built from validated fields only (never a spread of the parsed JSON).
 */
export function parseTeamExport(text: string): TeamParse {
  try {
    return { ok: true, export: readExport(text) };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, error: err.message };
    return { ok: false, error: `The file could not be read: ${err instanceof Error ? err.message : String(err)}` };
  }
}
