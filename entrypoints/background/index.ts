import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { showBadge, badgeView } from '@/lib/browser/badge';
import { calendarFetch } from '@/lib/browser/calendar-fetch';
import { startCalendarSync } from '@/lib/browser/calendar-sync';
import { startFirstRun } from '@/lib/browser/first-run';
import { startHousekeeping } from '@/lib/browser/housekeeping';
import { startTracker, type IdlePort } from '@/lib/browser/tracker-service';
import { isMeetingHost } from '@/lib/classify/meeting-hosts';
import { getDb } from '@/lib/db';

// Wiring only: the tracker logic is the pure machine in lib/tracker, the browser adapter in lib/browser.
export default defineBackground({
  type: 'module',
  main() {
    startFirstRun({ browser }); // first: onInstalled fires right after the first start
    const db = getDb();
    const now = () => Date.now();
    const housekeeping = startHousekeeping({ browser, db, now, locale: navigator.language });
    startTracker({
      browser,
      idle: browser.idle as unknown as IdlePort,
      db,
      now,
      isCallHost: isMeetingHost,
      onChange: (state, error) => {
        void showBadge(browser, badgeView(state, error, now()));
      },
    });
    startCalendarSync(browser, {
      db,
      now,
      fetch: calendarFetch,
      permissions: browser.permissions,
      locale: navigator.language,
    });
    browser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { type?: string })?.type === 'settings-changed') void housekeeping.refresh();
      return undefined;
    });
  },
});
