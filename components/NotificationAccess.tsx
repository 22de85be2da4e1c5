import { useState } from 'react';
import type { NotificationPermission } from './data/use-notification-permission';

export interface NotificationAccessProps {
  permission: NotificationPermission;
  /** Whether the weekly review reminder and the mid-week nudge are on. */
  reminder: boolean;
  nudge: boolean;
}

/**
 * Under the reminder and nudge switches: the browser's notifications permission, said plainly.
 * - A notification is on but the permission is gone (removed in the browser's settings, a restored
 *   backup): say it cannot appear, with a button to allow it again.
 * - Both are off and the permission is still held: offer to give it back.
 */
export function NotificationAccess({ permission, reminder, nudge }: NotificationAccessProps) {
  const anyOn = reminder || nudge;
  // What the last click did, shown while the switches stay as they were then.
  const [said, setSaid] = useState<{ text: string; anyOn: boolean } | null>(null);
  const note = said && said.anyOn === anyOn ? said.text : null;
  const setNote = (text: string) => setSaid({ text, anyOn });
  const which = reminder && nudge ? 'The reminder and the nudge' : reminder ? 'The reminder' : 'The nudge';

  let body = null;
  if (anyOn && permission.held === false) {
    body = (
      <>
        {which} cannot appear: your browser does not allow notifications from Creative Ratio at the moment.{' '}
        <button
          type="button"
          className="btn btn-sm"
          data-testid="notifications-allow"
          onClick={() => {
            const asked = permission.ask(); // inside the click: the browser's prompt needs it
            void asked.then((granted) =>
              setNote(granted ? 'Notifications allowed.' : 'Still not allowed; nothing else changed.'),
            );
          }}
        >
          Allow notifications
        </button>
      </>
    );
  } else if (!anyOn && permission.held === true) {
    body = (
      <>
        Both are off, but Creative Ratio may still show notifications.{' '}
        <button
          type="button"
          className="btn btn-sm"
          data-testid="notifications-give-back"
          onClick={() =>
            void permission
              .giveBack()
              .then((gone) =>
                setNote(
                  gone
                    ? 'Permission given back. Turning the reminder or the nudge on asks for it again.'
                    : 'Your browser kept the permission (it may be set by your organisation). Nothing is shown while both are off.',
                ),
              )
          }
        >
          Give the permission back
        </button>
      </>
    );
  }
  if (!body && !note) return null;
  return (
    <div className="field-help" role="status" aria-live="polite" data-testid="notifications-access">
      {body}
      {note ? <p data-testid="notifications-note">{note}</p> : null}
    </div>
  );
}
