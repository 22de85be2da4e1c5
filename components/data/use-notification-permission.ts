import { useCallback, useEffect, useState } from 'react';
import {
  askForNotifications,
  giveBackNotifications,
  holdsNotifications,
  watchNotificationPermission,
} from '@/lib/browser/notifications';

export interface NotificationPermission {
  /** Whether the extension may show notifications now (null until known). */
  held: boolean | null;
  /** Ask the browser (call first thing in a click handler); resolves whether it was granted. */
  ask: () => Promise<boolean>;
  /** Give the permission back; resolves whether it is gone. */
  giveBack: () => Promise<boolean>;
}

/** The notifications permission as the page sees it, kept current when it changes anywhere. */
export function useNotificationPermission(): NotificationPermission {
  const [held, setHeld] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    const read = () => void holdsNotifications().then((h) => live && setHeld(h));
    read();
    const stop = watchNotificationPermission(read);
    return () => {
      live = false;
      stop();
    };
  }, []);
  const ask = useCallback(() => {
    const asked = askForNotifications(); // synchronously, inside the click
    return asked.then((granted) => {
      setHeld(granted);
      return granted;
    });
  }, []);
  const giveBack = useCallback(
    () =>
      giveBackNotifications().then((gone) => {
        setHeld(!gone);
        return gone;
      }),
    [],
  );
  return { held, ask, giveBack };
}
