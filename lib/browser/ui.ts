/**
 * The only browser access the extension pages (popup, dashboard, review, settings) use:
 * the current tab, messages to the background service worker, and opening our own pages.
 * Reads of recorded data never go through here: pages read IndexedDB with useLiveQuery.
 */
import { browser, type Browser } from 'wxt/browser';
import type { BackgroundMessage, BackgroundReply } from '@/lib/messages';
import type { PageRef } from '@/lib/model';
import { toPageRef } from '@/lib/url/normalize';

/** The extension's own pages. */
export type PageName = 'dashboard' | 'review' | 'options';

/** What the popup needs to know about the tab the person is looking at. */
export interface CurrentTab {
  /** Reduced page (host + path shape), or null for pages that are never tracked (chrome://, new tab…). */
  page: PageRef | null;
  incognito: boolean;
}

/** The active tab of the current window, reduced to host + path shape. Never keeps the full URL. */
export async function getCurrentTab(): Promise<CurrentTab | null> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  let tab = active;
  // The popup opened as a page of its own (a pinned tab, a screenshot): use the site the person
  // looked at last (in this window first) instead of our own page.
  const own = browser.runtime.getURL('/');
  if (tab?.url?.startsWith(own)) {
    const web = (tabs: Browser.tabs.Tab[]) =>
      tabs
        .filter((t) => t.id !== tab!.id && toPageRef(t.url) !== null)
        .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
    tab = web(await browser.tabs.query({ currentWindow: true }))[0] ?? web(await browser.tabs.query({}))[0] ?? tab;
  }
  if (!tab) return null;
  return { page: toPageRef(tab.url), incognito: tab.incognito === true };
}

/**
 * Send a message to the background service worker. Resolves with its reply; a worker that
 * cannot be reached (or answers nothing) resolves `{ ok: false, error }` instead of throwing.
 */
export async function sendToBackground(message: BackgroundMessage): Promise<BackgroundReply> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as BackgroundReply | undefined;
    if (reply && typeof reply.ok === 'boolean') return reply;
    return { ok: false, error: 'The tracker did not answer. It restarts by itself; try again in a moment.' };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** runtime.getURL for our own built pages (the generated path type only knows entrypoints already built). */
function extensionUrl(path: string): string {
  return (browser.runtime.getURL as (p: string) => string)(path);
}

/** URL of one of our pages, with an optional `?query` / `#hash` suffix. */
export function pageUrl(name: PageName, suffix = ''): string {
  return extensionUrl(`/${name}.html${suffix}`);
}

/**
 * Open one of our pages in a tab: focus an existing tab of that page when there is one
 * (navigating it to `suffix`), otherwise open a new tab. Closes the popup when called from it.
 */
export async function openPage(name: PageName, suffix = ''): Promise<void> {
  const base = extensionUrl(`/${name}.html`);
  const url = pageUrl(name, suffix);
  const existing = (await browser.tabs.query({})).find((t) => t.url?.startsWith(base));
  if (existing?.id !== undefined) {
    await browser.tabs.update(existing.id, { active: true, ...(suffix ? { url } : {}) });
    if (existing.windowId !== undefined) await browser.windows.update(existing.windowId, { focused: true });
  } else {
    await browser.tabs.create({ url });
  }
}
