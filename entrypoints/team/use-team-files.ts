/**
 * The team view's state: files read in this tab (FileReader / File.text, never uploaded), validated
 * one by one. Kept only in memory, or — when the lead asks — in this tab's sessionStorage, which the
 * browser empties when the tab closes. Never IndexedDB, never chrome.storage.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  EMPTY_TEAM_FILES,
  TEAM_SESSION_KEY,
  addTeamFile,
  checkTeamFileSize,
  rejectTeamFile,
  removeTeamFile,
  restoreKept,
  serializeKept,
  type TeamFilesState,
} from '@/lib/export/team-files';
import { readText } from '@/components/files';

function session(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

let counter = 0;
const newId = () => `file-${Date.now().toString(36)}-${++counter}`;

export interface TeamFilesApi {
  state: TeamFilesState;
  busy: boolean;
  keep: boolean;
  addFiles: (files: File[]) => void;
  remove: (id: string) => void;
  clear: () => void;
  setKeep: (keep: boolean) => void;
}

export function useTeamFiles(): TeamFilesApi {
  const [keep, setKeepState] = useState(() => session()?.getItem(TEAM_SESSION_KEY) != null);
  const [state, setState] = useState<TeamFilesState>(() =>
    keep ? restoreKept(session()?.getItem(TEAM_SESSION_KEY) ?? null, newId, Date.now()) : EMPTY_TEAM_FILES,
  );
  const [pending, setPending] = useState(0);
  // Files are added in the order chosen, even though reading finishes in any order.
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    const store = session();
    if (!store) return;
    try {
      if (keep) store.setItem(TEAM_SESSION_KEY, serializeKept(state));
      else store.removeItem(TEAM_SESSION_KEY);
    } catch {
      // Storage full or blocked: the files stay in memory only.
    }
  }, [keep, state]);

  const addFiles = useCallback((files: File[]) => {
    setPending((n) => n + files.length);
    for (const file of files) {
      const id = newId();
      const read =
        checkTeamFileSize(file.size) === null
          ? readText(file).then(
              (text) => ({ text }),
              (err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }),
            )
          : null;
      queue.current = queue.current.then(async () => {
        const tooBig = checkTeamFileSize(file.size);
        if (tooBig || !read) setState((s) => rejectTeamFile(s, id, file.name, tooBig ?? 'The file could not be read.'));
        else {
          const r = await read;
          setState((s) =>
            'text' in r
              ? addTeamFile(s, id, file.name, r.text, Date.now())
              : rejectTeamFile(s, id, file.name, `The file could not be read: ${r.error}`),
          );
        }
        setPending((n) => n - 1);
      });
    }
  }, []);

  return {
    state,
    busy: pending > 0,
    keep,
    addFiles,
    remove: useCallback((id: string) => setState((s) => removeTeamFile(s, id, Date.now())), []),
    clear: useCallback(() => setState(EMPTY_TEAM_FILES), []),
    setKeep: setKeepState,
  };
}
