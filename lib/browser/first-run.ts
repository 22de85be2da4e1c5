/**
 * First run: open the welcome page once, when the extension is installed — never on an update,
 * a browser update or a service-worker restart (those either fire `onInstalled` with another
 * reason or do not fire it at all). Register at the top of the worker's start, before any await:
 * `onInstalled` fires only once, right after the worker's first start.
 */
import type { WxtBrowser } from 'wxt/browser';

export const WELCOME_PAGE = '/welcome.html';

/** Whether an `onInstalled` reason means "a person just installed it" (Chrome and Firefox reasons). */
export function isFirstInstall(reason: string | undefined): boolean {
  return reason === 'install';
}

export function startFirstRun({ browser }: { browser: WxtBrowser }): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (!isFirstInstall(details.reason)) return;
    const url = (browser.runtime.getURL as (p: string) => string)(WELCOME_PAGE);
    browser.tabs
      .create({ url })
      .catch((err: unknown) => console.error('[creative-ratio] could not open the welcome page', err));
  });
}
