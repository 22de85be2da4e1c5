/**
 * Launch Chromium with the built extension in a throw-away profile, with the fake tool server
 * behind every hostname.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { assertBuilt, extensionDir as defaultExtensionDir } from './build.ts';
import { automationArgs, findChromium } from './chromium.ts';
import { startFakeToolServer, TOOL_HOSTS, type FakeToolServer, type ServeOverride } from './fake-tools.ts';

export interface LaunchOptions {
  /** Show real windows (needs DISPLAY, e.g. under xvfb-run). Only then is just one window focused. */
  headful?: boolean;
  /** Hostnames the fake tool server answers for (its certificate names them). */
  hosts?: readonly string[];
  /** The unpacked extension; defaults to `.output/chrome-mv3` (or E2E_EXTENSION_DIR). */
  extensionDir?: string;
  /** Reuse this profile (a relaunch after a kill); the caller removes it. Default: a fresh throw-away profile. */
  userDataDir?: string;
  /** Answers some requests itself (e.g. a calendar feed); the rest get the fake tool page. */
  serve?: ServeOverride;
  /** More Chromium flags. */
  extraArgs?: readonly string[];
  /** Keep the welcome tab the extension opens on install (closed by default so tests start with one tab). */
  keepWelcome?: boolean;
  /**
   * Wait this long after closing the welcome tab. Closing it activates the blank first tab, and the
   * tracker credits a tab's first page from its activation (up to LOAD_CREDIT_MS back): accuracy
   * tests wait that out so their script starts from a settled tab.
   */
  quietAfterWelcomeMs?: number;
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  /** The unpacked extension directory that was loaded. */
  extensionDir: string;
  /** The service worker found at launch. After a stop, use `currentWorker()` / `waitForWorker()`. */
  worker: Worker;
  server: FakeToolServer;
  headful: boolean;
  /** The running extension service worker, if any. */
  currentWorker(): Worker | undefined;
  /** The running service worker, waiting (up to `timeoutMs`) for one to start. */
  waitForWorker(timeoutMs?: number): Promise<Worker>;
  /** `chrome-extension://<id>/<page>` */
  extensionUrl(page: string): string;
  /** The profile directory in use. */
  userDataDir: string;
  /**
   * Kill the browser process with SIGKILL, as a crash or the OS would (no shutdown, no unload
   * events), and wait until Playwright has noticed. Returns the instant of the kill.
   */
  killBrowser(): Promise<number>;
  close(): Promise<void>;
}

/** The pid of the browser (main) process using `userDataDir`, from /proc (Linux). */
export function browserPid(userDataDir: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string[];
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (cmdline.includes(`--user-data-dir=${userDataDir}`) && !cmdline.some((arg) => arg.startsWith('--type=')))
      return Number(entry);
  }
  return null;
}

/** Chromium flags for an extension test run (exported so the flags can be asserted and printed). */
export function chromiumArgs(extensionDir: string, server: Pick<FakeToolServer, 'port' | 'hosts'>): string[] {
  const target = `127.0.0.1:${server.port}`;
  // Tool hosts first, then every other name (the sink), so nothing can reach a real network.
  const rules = [...server.hosts.map((host) => `MAP ${host} ${target}`), `MAP * ${target}`, 'EXCLUDE localhost'];
  return [
    ...automationArgs(extensionDir),
    // The fake server's certificate names only the tool hosts; accept it for any other name too,
    // so a request to an unexpected host (from a page or the service worker) reaches the sink and is logged.
    '--ignore-certificate-errors',
    `--host-resolver-rules=${rules.join(', ')}`,
  ];
}

export function headfulUnavailableMessage(): string {
  return (
    'Headful e2e needs a display: DISPLAY is not set. Run the headful pass under Xvfb, e.g. ' +
    '`xvfb-run -a -s "-screen 0 1280x1024x24 -extension MIT-SCREEN-SAVER" npx vitest run --config vitest.e2e.config.ts` ' +
    'with E2E_HEADFUL=1 (scripts/run-e2e.sh does this; install Xvfb with `sudo apt-get install xvfb`).'
  );
}

/** Close the welcome tab opened on install (waiting a little for it: it opens right after the worker starts). */
async function closeWelcome(context: BrowserContext): Promise<void> {
  const isWelcome = (p: { url(): string }) => /^chrome-extension:\/\/[^/]+\/welcome\.html/.test(p.url());
  const page =
    context.pages().find(isWelcome) ??
    (await context.waitForEvent('page', { predicate: isWelcome, timeout: 5_000 }).catch(() => undefined));
  await page?.close().catch(() => undefined);
}

export async function launchExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const dir = assertBuilt(options.extensionDir ?? defaultExtensionDir());
  const executablePath = findChromium();
  const headful = options.headful ?? false;
  if (headful && !process.env.DISPLAY) throw new Error(headfulUnavailableMessage());

  const server = await startFakeToolServer(options.hosts ?? TOOL_HOSTS, options.serve);
  const ownProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'creative-ratio-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: !headful,
      ignoreHTTPSErrors: true,
      viewport: null,
      args: [...chromiumArgs(dir, server), ...(options.extraArgs ?? [])],
    });
  } catch (error) {
    await server.close();
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  let extensionId = '';
  let current: Worker | undefined;
  const adopt = (worker: Worker) => {
    const url = new URL(worker.url());
    if (url.protocol !== 'chrome-extension:' || (extensionId !== '' && url.host !== extensionId)) return;
    extensionId = url.host;
    current = worker;
    worker.once('close', () => {
      if (current === worker) current = undefined;
    });
  };
  context.on('serviceworker', adopt);
  for (const worker of context.serviceWorkers()) adopt(worker);

  const waitForWorker = async (timeoutMs = 15_000): Promise<Worker> => {
    const deadline = Date.now() + timeoutMs;
    while (!current) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`The extension's service worker did not start within ${timeoutMs} ms.`);
      await context.waitForEvent('serviceworker', { timeout: left }).catch(() => undefined);
    }
    return current;
  };

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
    await server.close();
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
  };

  const killBrowser = async (): Promise<number> => {
    const pid = browserPid(userDataDir);
    if (pid === null) throw new Error('The browser process of this profile was not found in /proc.');
    const gone = new Promise<void>((resolve) => context.once('close', () => resolve()));
    process.kill(pid, 'SIGKILL');
    const at = Date.now();
    await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    closed = true;
    await server.close();
    return at;
  };

  try {
    const worker = await waitForWorker(20_000);
    if (!options.keepWelcome) {
      await closeWelcome(context);
      if (options.quietAfterWelcomeMs) await new Promise((r) => setTimeout(r, options.quietAfterWelcomeMs));
    }
    return {
      context,
      extensionId,
      extensionDir: dir,
      worker,
      server,
      headful,
      currentWorker: () => current,
      waitForWorker,
      extensionUrl: (page) => `chrome-extension://${extensionId}/${page.replace(/^\//, '')}`,
      userDataDir,
      killBrowser,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
