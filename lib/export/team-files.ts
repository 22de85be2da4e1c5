/**
 * The team view's list of files: adding a file (validated), recognising duplicates, removing, and the
 * optional copy kept in the tab's sessionStorage. Pure: the page reads files, storage and the clock.
 *
 * Duplicates, without anything that links a file to a person:
 * - the same export again (same random export id: a copy, renamed or not);
 * - the same data under another name or export date: files sharing an identical week record — the
 *   same week with every rounded total equal (weeks with under an hour tracked are too common to
 *   compare). Such a file is flagged and counted with the first file as one person; weeks it adds are
 *   added to that person, weeks both have are counted once;
 * - look-alike names: two files whose names (the alias, else the file name) are equal once invisible
 *   and bidi characters, compatibility forms and letter case are set aside, but differ as written (or
 *   carry the same alias). The later one is flagged and not counted.
 * A flagged file is listed with the reason and never adds a person, so it cannot defeat the minimum
 * group size. What cannot be recognised: one person's exports of weeks that do not overlap (see
 * docs/sharing.md).
 */
import { cleanText } from './json';
import { MAX_TEAM_FILE_BYTES, cleanName, parseTeamExport, type TeamExport, type TeamWeek } from './team-format';
import { alignedWeek, trackedOf, type TeamPerson } from './team-view';

/** Most files the view holds at once. */
export const MAX_TEAM_FILES = 500;
export const MAX_NAME_CHARS = 60;
/** sessionStorage key of the kept files (this tab only, gone when it closes). */
export const TEAM_SESSION_KEY = 'creative-ratio.team-view.v2';
/** Weeks with less tracked time are not used to recognise duplicates. */
const MIN_FINGERPRINT_MS = 60 * 60_000;

export interface LoadedTeamFile {
  id: string;
  fileName: string;
  /** Shown in the file list only: the alias, else the file name, without invisible characters. */
  name: string;
  export: TeamExport;
  /** The alias as written in the file, before invisible characters were removed (compared, never shown). */
  aliasAsWritten: string;
  /** The file's text as read (validated; what is kept for the tab). */
  text: string;
  /** The person this file counts for: the id of the first file of that person. */
  person: string;
  /** Why the file is not counted as a person of its own (null: it is). */
  flag: string | null;
}

export interface RejectedTeamFile {
  id: string;
  fileName: string;
  reason: string;
}

export interface TeamFilesState {
  files: LoadedTeamFile[];
  rejected: RejectedTeamFile[];
}

export const EMPTY_TEAM_FILES: TeamFilesState = { files: [], rejected: [] };

function baseName(fileName: string): string {
  return cleanName(fileName.replace(/\.json$/i, ''), MAX_NAME_CHARS) || 'Unnamed';
}

/** A name as compared for look-alikes: no invisible or bidi characters, compatibility forms folded, spaces collapsed, lower case. */
export function nameKey(name: string): string {
  return cleanName(name.normalize('NFKC'), 1000).toLocaleLowerCase('en-US');
}

/** One week's record as compared for duplicates (null for weeks with under an hour tracked). Optional fields are left out. */
export function weekFingerprint(w: TeamWeek): string | null {
  if (trackedOf(w) - (w.neutralMs ?? 0) < MIN_FINGERPRINT_MS) return null;
  const kinds = Object.entries(w.byKind)
    .filter(([k]) => k !== 'personal')
    .map(([, ms]) => ms);
  return [
    alignedWeek(w.weekStart),
    w.weekStart,
    w.creativeMs,
    w.coordinationMs,
    w.unclassifiedMs,
    ...kinds,
    w.multitaskMs,
    w.contextSwitchesPerHour,
    w.longestCreativeBlockMs,
    w.blocks25,
    w.blocks50,
    w.blocks90,
  ].join('|');
}

/** A file's size before reading it: null when fine, else why it is refused. */
export function checkTeamFileSize(size: number): string | null {
  return size > MAX_TEAM_FILE_BYTES
    ? `The file is too large (${(size / 1_000_000).toFixed(1)} MB; a team export is a few kilobytes, at most 1 MB).`
    : null;
}

function sameData(
  doc: TeamExport,
  files: readonly LoadedTeamFile[],
): { file: LoadedTeamFile; all: boolean; shared: number } | null {
  const mine = doc.weeks.map(weekFingerprint).filter((f): f is string => f !== null);
  if (mine.length === 0) return null;
  for (const f of files) {
    const theirs = new Set(f.export.weeks.map(weekFingerprint));
    const shared = mine.filter((m) => theirs.has(m)).length;
    if (shared > 0)
      return { file: f, all: shared === mine.length && doc.weeks.length <= f.export.weeks.length, shared };
  }
  return null;
}

function lookAlike(name: string, isAlias: boolean, files: readonly LoadedTeamFile[]): LoadedTeamFile | null {
  const key = nameKey(name);
  for (const f of files) {
    if (f.flag !== null) continue;
    const theirs = f.export.alias ? f.aliasAsWritten : f.fileName.replace(/\.json$/i, '');
    if (nameKey(theirs) !== key) continue;
    // Two unnamed files of the same name (made by older versions) are told apart by their data.
    if (theirs === name && !(isAlias && f.export.alias)) continue;
    return f;
  }
  return null;
}

/**
 * Add one file's text, read at `now`. Invalid files go to `rejected` (with the reason); duplicates
 * and look-alikes are loaded but flagged (with the reason) and counted with the person they repeat.
 */
export function addTeamFile(
  state: TeamFilesState,
  id: string,
  fileName: string,
  text: string,
  now: number,
): TeamFilesState {
  const reject = (reason: string): TeamFilesState => ({
    files: state.files,
    rejected: [...state.rejected, { id, fileName, reason }],
  });
  if (state.files.length >= MAX_TEAM_FILES) return reject(`At most ${MAX_TEAM_FILES} files can be compared at once.`);
  const parsed = parseTeamExport(text, { now });
  if (!parsed.ok) return reject(parsed.error);
  const doc = parsed.export;
  const name = doc.alias || baseName(fileName);
  const shown = (f: LoadedTeamFile) => `“${cleanName(f.fileName, 200)}”`;

  let person = id;
  let flag: string | null = null;
  const copy = doc.exportId === null ? undefined : state.files.find((f) => f.export.exportId === doc.exportId);
  const same = copy ? null : sameData(doc, state.files);
  const written = doc.alias ? parsed.aliasAsWritten : fileName.replace(/\.json$/i, '');
  const alike = lookAlike(written, doc.alias !== '', state.files);
  if (copy) {
    person = copy.person;
    flag = `A copy of the export in ${shown(copy)}: counted once.`;
  } else if (same) {
    person = same.file.person;
    flag = same.all
      ? `Same data as ${shown(same.file)} (another name or export date): counted once.`
      : `Shares ${same.shared === 1 ? 'an identical week' : `${same.shared} identical weeks`} with ${shown(same.file)}: the same person's export, counted as one person.`;
  } else if (alike) {
    person = alike.person;
    flag =
      doc.alias && alike.aliasAsWritten === parsed.aliasAsWritten
        ? `Has the same name as ${shown(alike)}: counted as the same person. If these are two people, ask one of them to export again without a name.`
        : `Its name looks the same as ${shown(alike)}'s but differs in invisible characters, letter case or look-alike letters: counted as the same person.`;
  }
  return {
    files: [
      ...state.files,
      { id, fileName, name, export: doc, aliasAsWritten: parsed.aliasAsWritten, text, person, flag },
    ],
    rejected: state.rejected,
  };
}

/** A refused file (e.g. too large to read). */
export function rejectTeamFile(state: TeamFilesState, id: string, fileName: string, reason: string): TeamFilesState {
  return { files: state.files, rejected: [...state.rejected, { id, fileName, reason }] };
}

/** Remove a file: the files after it are checked again, so a flag never points at a file that is gone. */
export function removeTeamFile(state: TeamFilesState, id: string, now: number): TeamFilesState {
  const rejected = state.rejected.filter((r) => r.id !== id);
  if (!state.files.some((f) => f.id === id)) return { files: state.files, rejected };
  return state.files
    .filter((f) => f.id !== id)
    .reduce((s, f) => addTeamFile(s, f.id, f.fileName, f.text, now), { files: [], rejected } as TeamFilesState);
}

/** The people as the aggregation takes them: one per person, each week once (the first file's record wins), no names. */
export function teamPeople(state: TeamFilesState): TeamPerson[] {
  const byPerson = new Map<string, Map<string, TeamWeek>>();
  for (const f of state.files) {
    const weeks = byPerson.get(f.person) ?? new Map<string, TeamWeek>();
    for (const w of f.export.weeks) {
      const key = alignedWeek(w.weekStart);
      if (!weeks.has(key)) weeks.set(key, w);
    }
    byPerson.set(f.person, weeks);
  }
  return [...byPerson.values()].map((weeks) => ({
    weeks: [...weeks.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, w]) => w),
  }));
}

/** What is kept in sessionStorage: the files' names and texts, never anything else. */
export function serializeKept(state: TeamFilesState): string {
  return JSON.stringify({ version: 2, files: state.files.map((f) => ({ fileName: f.fileName, text: f.text })) });
}

/** Files back from sessionStorage, each validated again (storage is never trusted). */
export function restoreKept(raw: string | null, newId: () => string, now: number): TeamFilesState {
  if (!raw) return EMPTY_TEAM_FILES;
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    return EMPTY_TEAM_FILES;
  }
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { files?: unknown }).files))
    return EMPTY_TEAM_FILES;
  let state = EMPTY_TEAM_FILES;
  for (const item of (doc as { files: unknown[] }).files.slice(0, MAX_TEAM_FILES)) {
    if (typeof item !== 'object' || item === null) continue;
    const fileName = Object.prototype.hasOwnProperty.call(item, 'fileName')
      ? (item as { fileName: unknown }).fileName
      : undefined;
    const text = Object.prototype.hasOwnProperty.call(item, 'text') ? (item as { text: unknown }).text : undefined;
    if (typeof fileName !== 'string' || typeof text !== 'string') continue;
    const next = addTeamFile(state, newId(), cleanText(fileName, 200), text, now);
    if (next.files.length > state.files.length) state = next;
  }
  return state;
}
