/**
 * Controlling the extension's service worker through the DevTools protocol. Playwright keeps a
 * stale `Worker` object around after a stop, so the truth comes from CDP's ServiceWorker domain.
 */
import type { BrowserContext, Page } from 'playwright-core';

export type WorkerRunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

interface WorkerVersion {
  scriptURL: string;
  runningStatus: WorkerRunningStatus;
}

const isExtensionWorker = (version: WorkerVersion) => version.scriptURL.startsWith('chrome-extension://');

/**
 * Stop the extension's service worker (as Chromium does after 30 s without events) and wait until
 * it has really stopped. All globals and timers of the worker are lost; the next tab event starts it
 * again. `page` is any page of the context (the CDP session is opened on it). Returns the instant
 * the stop was confirmed.
 */
export async function stopServiceWorker(context: BrowserContext, page: Page, timeoutMs = 10_000): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    let timer: NodeJS.Timeout | undefined;
    const stopped = new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`The extension's service worker did not stop within ${timeoutMs} ms.`)),
        timeoutMs,
      );
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
        const ours = versions.filter(isExtensionWorker);
        if (ours.length > 0 && ours.every((version) => version.runningStatus === 'stopped')) resolve();
      });
    });
    stopped.catch(() => undefined);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped.finally(() => clearTimeout(timer));
    return Date.now();
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The running status of the extension's service worker right now ('stopped' when there is none). */
export async function serviceWorkerStatus(context: BrowserContext, page: Page): Promise<WorkerRunningStatus> {
  const cdp = await context.newCDPSession(page);
  try {
    const first = new Promise<WorkerRunningStatus>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
        const ours = versions.filter(isExtensionWorker);
        if (ours.length > 0)
          resolve(ours.some((v) => v.runningStatus === 'running') ? 'running' : ours[0]!.runningStatus);
      });
      setTimeout(() => resolve('stopped'), 2_000);
    });
    await cdp.send('ServiceWorker.enable');
    return await first;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
