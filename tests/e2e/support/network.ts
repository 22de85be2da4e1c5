/**
 * Recording every request the browser makes while a test runs, and telling apart those the
 * extension made (its service worker and its pages) from those of the tool pages the test opened.
 */
import type { BrowserContext, Page, Request } from 'playwright-core';

export type RequestOrigin = 'service-worker' | 'extension-page' | 'page' | 'unknown';

export interface CapturedRequest {
  url: string;
  origin: RequestOrigin;
  /** URL of the worker or frame that made the request ('' when unknown). */
  initiator: string;
  kind: 'http' | 'websocket';
}

export interface RequestLog {
  requests: CapturedRequest[];
  /** Requests made by the extension itself (service worker or extension pages). */
  fromExtension(): CapturedRequest[];
  stop(): void;
}

function classify(request: Request): Pick<CapturedRequest, 'origin' | 'initiator'> {
  const worker = request.serviceWorker();
  if (worker)
    return {
      origin: worker.url().startsWith('chrome-extension://') ? 'service-worker' : 'page',
      initiator: worker.url(),
    };
  let frameUrl = '';
  try {
    frameUrl = request.frame().url();
  } catch {
    // Navigation requests issued before their frame exists have no frame.
  }
  if (frameUrl === '' && request.isNavigationRequest()) return { origin: 'page', initiator: '' };
  if (frameUrl.startsWith('chrome-extension://')) return { origin: 'extension-page', initiator: frameUrl };
  return { origin: frameUrl === '' ? 'unknown' : 'page', initiator: frameUrl };
}

/** Start recording. Requests of the service worker are reported on the context (Chromium). */
export function captureRequests(context: BrowserContext): RequestLog {
  const requests: CapturedRequest[] = [];
  const onRequest = (request: Request) => {
    // A navigation of an extension page to an extension URL is local and uninteresting, but keep it: the assertions decide.
    requests.push({ url: request.url(), kind: 'http', ...classify(request) });
  };
  const watchPage = (page: Page) => {
    page.on('websocket', (socket) => {
      const initiator = page.url();
      requests.push({
        url: socket.url(),
        kind: 'websocket',
        origin: initiator.startsWith('chrome-extension://') ? 'extension-page' : 'page',
        initiator,
      });
    });
  };
  context.on('request', onRequest);
  context.on('page', watchPage);
  for (const page of context.pages()) watchPage(page);
  return {
    requests,
    fromExtension: () => requests.filter((r) => r.origin === 'service-worker' || r.origin === 'extension-page'),
    stop: () => {
      context.off('request', onRequest);
      context.off('page', watchPage);
    },
  };
}

/** URL schemes that never leave the machine. */
const LOCAL_SCHEMES = new Set(['chrome-extension:', 'data:', 'blob:', 'about:', 'chrome:', 'devtools:']);

/** True when `url` stays on this machine: an extension/data/blob URL, or a loopback address. */
export function isLocalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** Hostname of an http(s)/ws(s) URL ('' otherwise). */
export function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return /^(https?|wss?):$/.test(parsed.protocol) ? parsed.hostname.toLowerCase() : '';
  } catch {
    return '';
  }
}
