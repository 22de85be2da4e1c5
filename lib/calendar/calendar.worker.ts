/**
 * The Web Worker that holds a calendar the Settings page previews (worker-client.ts starts it):
 * it reads and expands the file, and plans the import each time the person changes an option,
 * so parsing, expansion and the meeting rules all run off the page's main thread. One calendar
 * per worker; the page terminates it on Cancel, on another file and once the import is done.
 * Requests are answered in order; progress is reported while a file is read.
 */
import { answer, CalendarSession, type SessionRequest, type SessionResponse } from './calendar-session';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<SessionRequest>) => void) | null;
  postMessage: (m: SessionResponse) => void;
};

const session = new CalendarSession();
/** One request at a time, in the order they came (reading a file is asynchronous). */
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e) => {
  const req = e.data;
  let last = -1;
  const progress = (done: number) => {
    // At most 100 messages per file.
    const pct = Math.floor(done * 100);
    if (pct === last) return;
    last = pct;
    scope.postMessage({ id: req.id, kind: 'progress', done });
  };
  queue = queue.then(() => answer(session, req, progress)).then((r) => scope.postMessage(r));
};
