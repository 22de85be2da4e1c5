/**
 * The team view's list of files: adding a file (validated, duplicates refused), renaming, removing,
 * and the optional copy kept in the tab's sessionStorage. Pure: the page reads files and storage.
 */
import { cleanText } from './json';
import { MAX_TEAM_FILE_BYTES, parseTeamExport, serializeTeamExport, type TeamExport } from './team-format';
import type { TeamMember } from './team-view';

/** Most files the view holds at once. */
export const MAX_TEAM_FILES = 500;
export const MAX_NAME_CHARS = 60;
/** sessionStorage key of the kept files (this tab only, gone when it closes). */
export const TEAM_SESSION_KEY = 'creative-ratio.team-view.v1';

export interface LoadedTeamFile {
  id: string;
  fileName: string;
  /** Display name: the alias, else the file name; the lead can change it. */
  name: string;
  export: TeamExport;
  /** The validated export re-serialised: what is compared to refuse duplicates and what is kept. */
  canonical: string;
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
  return cleanText(fileName.replace(/\.json$/i, ''), MAX_NAME_CHARS) || 'Unnamed';
}

/** A name not used yet (case-insensitive): "Alex", "Alex (2)", … */
export function uniqueName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const candidate = `${wanted} (${i})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A file's size before reading it: null when fine, else why it is refused. */
export function checkTeamFileSize(size: number): string | null {
  return size > MAX_TEAM_FILE_BYTES ? `The file is too large (${(size / 1_000_000).toFixed(1)} MB; a team export is a few kilobytes, at most 1 MB).` : null;
}

/**
 * Add one file's text. Invalid files and files with the same data as a loaded one go to `rejected`
 * (with the reason); a later good file of the same name does not clear an earlier rejection.
 */
export function addTeamFile(state: TeamFilesState, id: string, fileName: string, text: string): TeamFilesState {
  const reject = (reason: string): TeamFilesState => ({ files: state.files, rejected: [...state.rejected, { id, fileName, reason }] });
  if (state.files.length >= MAX_TEAM_FILES) return reject(`At most ${MAX_TEAM_FILES} files can be compared at once.`);
  const parsed = parseTeamExport(text);
  if (!parsed.ok) return reject(parsed.error);
  const canonical = serializeTeamExport(parsed.export);
  const same = state.files.find((f) => f.canonical === canonical);
  if (same) return reject(`Same data as “${same.fileName}”, which is already loaded.`);
  const wanted = parsed.export.alias || baseName(fileName);
  const name = uniqueName(wanted, state.files.map((f) => f.name));
  return { files: [...state.files, { id, fileName, name, export: parsed.export, canonical }], rejected: state.rejected };
}

/** A refused file (e.g. too large to read). */
export function rejectTeamFile(state: TeamFilesState, id: string, fileName: string, reason: string): TeamFilesState {
  return { files: state.files, rejected: [...state.rejected, { id, fileName, reason }] };
}

export function removeTeamFile(state: TeamFilesState, id: string): TeamFilesState {
  return { files: state.files.filter((f) => f.id !== id), rejected: state.rejected.filter((r) => r.id !== id) };
}

/** Rename a person; blank goes back to the alias or file name; names stay unique. */
export function renameTeamFile(state: TeamFilesState, id: string, name: string): TeamFilesState {
  const file = state.files.find((f) => f.id === id);
  if (!file) return state;
  const wanted = cleanText(name, MAX_NAME_CHARS) || file.export.alias || baseName(file.fileName);
  const next = uniqueName(wanted, state.files.filter((f) => f.id !== id).map((f) => f.name));
  return { files: state.files.map((f) => (f.id === id ? { ...f, name: next } : f)), rejected: state.rejected };
}

/** The loaded files as the aggregation takes them. */
export function teamMembers(state: TeamFilesState): TeamMember[] {
  return state.files.map((f) => ({ id: f.id, name: f.name, export: f.export }));
}

/** What is kept in sessionStorage: the validated exports and the names, never anything else. */
export function serializeKept(state: TeamFilesState): string {
  return JSON.stringify({ version: 1, files: state.files.map((f) => ({ fileName: f.fileName, name: f.name, text: f.canonical })) });
}

/** Files back from sessionStorage, each validated again (storage is never trusted). */
export function restoreKept(raw: string | null, newId: () => string): TeamFilesState {
  if (!raw) return EMPTY_TEAM_FILES;
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    return EMPTY_TEAM_FILES;
  }
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { files?: unknown }).files)) return EMPTY_TEAM_FILES;
  let state = EMPTY_TEAM_FILES;
  for (const item of (doc as { files: unknown[] }).files.slice(0, MAX_TEAM_FILES)) {
    if (typeof item !== 'object' || item === null) continue;
    const fileName = Object.prototype.hasOwnProperty.call(item, 'fileName') ? (item as { fileName: unknown }).fileName : undefined;
    const text = Object.prototype.hasOwnProperty.call(item, 'text') ? (item as { text: unknown }).text : undefined;
    const name = Object.prototype.hasOwnProperty.call(item, 'name') ? (item as { name: unknown }).name : undefined;
    if (typeof fileName !== 'string' || typeof text !== 'string') continue;
    const id = newId();
    const next = addTeamFile(state, id, cleanText(fileName, 200), text);
    if (next.files.length === state.files.length) continue;
    state = typeof name === 'string' ? renameTeamFile(next, id, name) : next;
  }
  return state;
}
