import { useEffect, useState } from 'react';
import { Autosave, type AutosaveStatus } from '@/lib/ui/autosave';

/**
 * A text field saved automatically a moment after typing stops (lib/ui/autosave.ts): its text, the
 * save's state, `edit` for the field's changes and `saver` (flush on blur, "Save now"). What is
 * typed is saved when the field unmounts; with `flushOnHide`, also when the page is hidden or closed.
 * `save` is read once, when the field mounts (mount with `key` to save somewhere else).
 */
export function useAutosavedText(save: (text: string) => Promise<void>, initial: string, flushOnHide = false) {
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const [saver] = useState(() => new Autosave({ save, onStatus: setStatus, delayMs: 800 }, initial));

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    if (flushOnHide) {
      document.addEventListener('visibilitychange', onHide);
      addEventListener('pagehide', onHide);
    }
    return () => {
      if (flushOnHide) {
        document.removeEventListener('visibilitychange', onHide);
        removeEventListener('pagehide', onHide);
      }
      void saver.flush().finally(() => saver.dispose());
    };
  }, [saver, flushOnHide]);

  const edit = (value: string) => {
    setText(value);
    saver.change(value);
  };
  return { text, setText, status, saver, edit };
}
