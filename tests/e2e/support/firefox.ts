/**
 * Launch Firefox ESR with the built Firefox extension, driven by puppeteer-core over WebDriver BiDi
 * (no browser download: the system's firefox-esr), with the fake tool server behind every hostname.
 *
 * - Host mapping: Firefox has no --host-resolver-rules, so the fake server is its HTTP and HTTPS proxy
 *   for every host (HTTPS through CONNECT tunnels). Nothing can reach a real network, and the
 *   server's log names every host the browser tried to reach.
 * - Certificates: the BiDi session accepts insecure certificates (the server's is self-signed).
 * - Extension pages: the extension's internal UUID is fixed with `extensions.webextensions.uuids`,
 *   so `moz-extension://<uuid>/popup.html` is known before install; WebDriver BiDi navigates to
 *   such URLs only with `--remote-allow-system-access`.
 */
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { assertBuilt, readBuiltManifest, REPO_ROOT } from './build.ts';
import { startFakeToolServer, TOOL_HOSTS, type FakeToolServer, type ServeOverride } from './fake-tools.ts';

export const FIREFOX_INSTALL_HINT =
  'Install Firefox ESR (Debian/Ubuntu: `sudo apt-get install firefox-esr`) or set FIREFOX_PATH to a Firefox executable.';

/** A fixed internal UUID, so extension pages have known URLs. */
export const EXTENSION_UUID = '5b0f4c1e-8d2a-4e7b-9c36-1f0a2b3c4d5e';

/** FIREFOX_PATH, else /usr/bin/firefox-esr, else /usr/bin/firefox. A missing browser is an error, never a skip. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env.FIREFOX_PATH ? [env.FIREFOX_PATH] : ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // next candidate
    }
  }
  throw new Error(`No Firefox found (tried ${candidates.join(', ')}). ${FIREFOX_INSTALL_HINT}`);
}

/** `.output/firefox-mv2`, or E2E_FIREFOX_EXTENSION_DIR. */
export function firefoxExtensionDir(): string {
  const override = process.env.E2E_FIREFOX_EXTENSION_DIR;
  return override ? path.resolve(override) : path.join(REPO_ROOT, '.output', 'firefox-mv2');
}

/** The add-on id the build declares (browser_specific_settings.gecko.id). */
export function geckoId(dir: string): string {
  const manifest = readBuiltManifest(dir) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${dir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/** Preferences for a test profile: the proxy that maps every host to the fake server, the fixed UUID. */
export function firefoxPrefs(port: number, addonId: string, downloadsDir: string): Record<string, unknown> {
  return {
    // Downloads (CSV, backups) go to a throw-away folder without asking.
    'browser.download.folderList': 2,
    'browser.download.dir': downloadsDir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.alwaysOpenPanel': false,
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': true,
    'network.proxy.socks_remote_dns': true,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    // Windows stay where the test puts them (no session restore, no first-run pages).
    'browser.sessionstore.resume_from_crash': false,
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.homepage_override.mstone': 'ignore',
  };
}

export interface LaunchedFirefox {
  browser: Browser;
  server: FakeToolServer;
  extensionDir: string;
  addonId: string;
  headful: boolean;
  /** Where the browser saves downloads (removed on close). */
  downloadsDir: string;
  /** `moz-extension://<uuid>/<page>` */
  extensionUrl(page: string): string;
  /**
   * Open an extension page in a new tab and wait until its document has loaded. (BiDi's navigate
   * never reports the load of a moz-extension page, so the document is polled instead.)
   */
  openExtensionPage(page: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  headful?: boolean;
  /** Hostnames the fake server's certificate names (it answers for every host either way). */
  hosts?: readonly string[];
  /** Answers some requests itself (e.g. a calendar feed); the rest get the fake tool page. */
  serve?: ServeOverride;
  /** More preferences, on top of firefoxPrefs (e.g. `extensions.webextOptionalPermissionPrompts`). */
  prefs?: Record<string, unknown>;
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<LaunchedFirefox> {
  const dir = assertBuilt(firefoxExtensionDir());
  const executablePath = findFirefox();
  const headful = options.headful ?? Boolean(process.env.DISPLAY);
  const addonId = geckoId(dir);
  const server = await startFakeToolServer(options.hosts ?? TOOL_HOSTS, options.serve);
  const downloadsDir = mkdtempSync(path.join(tmpdir(), 'creative-ratio-ff-downloads-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: !headful,
      acceptInsecureCerts: true,
      defaultViewport: null,
      args: ['--remote-allow-system-access', '--width=1200', '--height=900'],
      extraPrefsFirefox: { ...firefoxPrefs(server.port, addonId, downloadsDir), ...options.prefs },
    });
  } catch (error) {
    await server.close();
    rmSync(downloadsDir, { recursive: true, force: true });
    throw error;
  }
  const close = async () => {
    await browser.close().catch(() => undefined);
    await server.close();
    rmSync(downloadsDir, { recursive: true, force: true });
  };
  try {
    const installed = await browser.installExtension(dir);
    if (installed !== addonId) throw new Error(`Firefox installed ${installed}, expected ${addonId}`);
    // The welcome tab the extension opens on install: closed, so a scenario starts with one tab.
    const welcome = `moz-extension://${EXTENSION_UUID}/welcome.html`;
    const deadline = Date.now() + 5_000;
    for (;;) {
      const tab = (await browser.pages()).find((p) => p.url().startsWith(welcome));
      if (tab) {
        await tab.close().catch(() => undefined);
        break;
      }
      if (Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await close();
    throw error;
  }
  const extensionUrl = (page: string) => `moz-extension://${EXTENSION_UUID}/${page.replace(/^\//, '')}`;
  const openExtensionPage = async (page: string): Promise<Page> => {
    const tab = await browser.newPage();
    const url = extensionUrl(page);
    await tab.goto(url, { timeout: 1_500 }).catch(() => undefined);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const ready = await tab.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
      if (ready === `${url} complete`) return tab;
      if (Date.now() > deadline) throw new Error(`${url} did not load in 15 s (last state: "${ready}")`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { browser, server, extensionDir: dir, addonId, headful, downloadsDir, extensionUrl, openExtensionPage, close };
}

/**
 * Hosts Firefox itself contacts in a fresh profile (remote settings, add-on and certificate
 * services), never the extension: the built extension names none of them (a test checks).
 */
export const FIREFOX_INTERNAL_HOST =
  /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|mozgcp\.net|digicert\.com)$/;
