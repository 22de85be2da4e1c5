import { useCallback, useState } from 'react';
import { sendToBackground } from '@/lib/browser/ui';
import { getDb, updateSettings } from '@/lib/db';
import type { Settings } from '@/lib/settings';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number; note?: string }
  | { kind: 'error'; message: string };

/**
 * Save a settings change (validated, one transaction), then tell the tracker to re-read its
 * settings. Every page shows the new values at once through their live queries (useLive).
 */
export function useSaveSettings(): { state: SaveState; save: (patch: Partial<Settings>) => Promise<boolean> } {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const save = useCallback(async (patch: Partial<Settings>) => {
    setState({ kind: 'saving' });
    try {
      await updateSettings(getDb(), patch);
    } catch (err) {
      setState({ kind: 'error', message: `Not saved: ${err instanceof Error ? err.message : String(err)}` });
      return false;
    }
    const reply = await sendToBackground({ type: 'settings-changed' });
    setState({
      kind: 'saved',
      at: Date.now(),
      note: reply.ok ? undefined : 'The tracker will use it as soon as it wakes up.',
    });
    return true;
  }, []);
  return { state, save };
}
