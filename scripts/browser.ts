/**
 * Finding and launching a Chromium that accepts `--load-extension`.
 *
 * Shared by `npm start` (scripts/launch.ts), the e2e harness (tests/e2e/support/) and a later
 * `npm run demo` (which passes its own seeded profile directory).
 *
 * Branded Google Chrome 137+ ignores `--load-extension`, so it is not a candidate: use Chromium
 * or Chrome for Testing, or set CHROMIUM_PATH.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, lstatSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Absolute paths tried first (in order), before looking names up on PATH. */
const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
];

/** Executable names looked up on PATH. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome-for-testing'];

export const INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a ' +
  'Chromium or Chrome for Testing executable. Branded Google Chrome 137+ ignores --load-extension, ' +
  'so it cannot load the unpacked extension.';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/**
 * The Chromium executable to use: CHROMIUM_PATH when set (it must exist), else the first of
 * /usr/bin/chromium, chromium, chromium-browser, google-chrome-for-testing that is installed.
 * Throws with installation instructions when there is none; callers never skip silently.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (isExecutable(configured)) return configured;
    throw new Error(`CHROMIUM_PATH is set to "${configured}", which is not an executable file. ${INSTALL_HINT}`);
  }
  for (const candidate of KNOWN_PATHS) if (isExecutable(candidate)) return candidate;
  for (const name of PATH_NAMES) {
    const found = onPath(name);
    if (found) return found;
  }
  throw new Error(
    `No Chromium found (tried CHROMIUM_PATH, ${[...KNOWN_PATHS, ...PATH_NAMES].join(', ')}). ${INSTALL_HINT}`,
  );
}

/** True when a graphical browser window can be shown on this machine. */
export function hasDisplay(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Flags that keep a throw-away profile quiet: no first-run UI, no sync, no background downloads. */
export const QUIET_FLAGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-sync',
  '--disable-background-networking',
  '--disable-component-update',
];

/** Flags that load the unpacked extension in `extensionDir` and no other extension. */
export function extensionFlags(extensionDir: string): string[] {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
}

/**
 * The command-line flags of a Chromium driven by Playwright (demo seeding, screenshots, benchmarks,
 * e2e tests): only our extension, a quiet offline profile, no sandbox (containers, root), no GPU,
 * no QUIC. The e2e harness adds its host mapping on top.
 */
export function automationArgs(extensionDir: string): string[] {
  return [...extensionFlags(extensionDir), '--no-sandbox', '--disable-gpu', '--disable-quic', ...QUIET_FLAGS];
}

export interface ProfileLaunchOptions {
  /** Absolute path of the unpacked extension (e.g. `.output/chrome-mv3`). */
  extensionDir: string;
  /** Browser executable; defaults to findChromium(). */
  executable?: string;
  /**
   * Profile directory to use. When omitted a throw-away one is created (mkdtemp) and removed
   * when the browser exits. A seeded profile passed here is never removed.
   */
  profileDir?: string;
  /**
   * Pages to open once the browser is up (e.g. `chrome-extension://…/dashboard.html`). An extension
   * page given on the first command line loads before the extension does and fails, so these are
   * handed to the running browser afterwards (a second invocation with the same profile).
   */
  urls?: string[];
  /** Extra command-line flags. */
  extraArgs?: string[];
}

export interface LaunchedBrowser {
  child: ChildProcess;
  profileDir: string;
  /** Resolves with the browser's exit code once it has exited and a throw-away profile is removed. */
  exited: Promise<number>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Hand `args` (URLs) to the browser running on `profileDir` once it (and its extensions) have started. */
async function openWhenReady(
  executable: string,
  profileDir: string,
  args: string[],
  browser: ChildProcess,
): Promise<void> {
  // Chromium creates SingletonLock (Linux, macOS) when the profile is in use; elsewhere just wait.
  const lock = path.join(profileDir, 'SingletonLock');
  for (let waited = 0; waited < 10_000 && browser.exitCode === null; waited += 100) {
    if (process.platform === 'win32' ? waited >= 3_000 : lstatExists(lock)) break;
    await sleep(100);
  }
  await sleep(1_500);
  if (browser.exitCode !== null || browser.signalCode !== null) return;
  const handoff = spawn(executable, [`--user-data-dir=${profileDir}`, ...args], { stdio: 'ignore' });
  handoff.on('error', (error) => console.error(`Could not open ${args.join(' ')}: ${error.message}`));
}

function lstatExists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** The command line used for a profile launch (exported for tests and for printing). */
export function profileArgs(options: {
  extensionDir: string;
  profileDir: string;
  urls?: string[];
  extraArgs?: string[];
}): string[] {
  return [
    `--user-data-dir=${options.profileDir}`,
    ...extensionFlags(options.extensionDir),
    ...QUIET_FLAGS,
    ...(options.extraArgs ?? []),
    ...(options.urls ?? []),
  ];
}

/**
 * Start a real, headful browser (spawned like a normal one, not through Playwright) with the
 * unpacked extension loaded. Ctrl-C / SIGTERM sent to this process is forwarded to the browser.
 */
export function launchProfile(options: ProfileLaunchOptions): LaunchedBrowser {
  if (!existsSync(path.join(options.extensionDir, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${options.extensionDir} (manifest.json missing). Run \`npx wxt build\` first.`,
    );
  }
  const executable = options.executable ?? findChromium();
  const throwAway = options.profileDir === undefined;
  const profileDir = options.profileDir ?? mkdtempSync(path.join(tmpdir(), 'creative-ratio-profile-'));
  const child = spawn(executable, profileArgs({ ...options, profileDir, urls: [] }), { stdio: 'inherit' });
  if (options.urls?.length) {
    // The handing-off process must pass Chromium's start-up checks too (running as root needs --no-sandbox).
    const handoffArgs = (options.extraArgs ?? []).filter((arg) => arg === '--no-sandbox');
    void openWhenReady(executable, profileDir, [...handoffArgs, ...options.urls], child);
  }

  const forward = (signal: NodeJS.Signals) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const onInt = forward('SIGINT');
  const onTerm = forward('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);

  const exited = new Promise<number>((resolve, reject) => {
    const cleanup = () => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      if (throwAway) rmSync(profileDir, { recursive: true, force: true });
    };
    child.once('error', (error) => {
      cleanup();
      reject(new Error(`Could not start ${executable}: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      cleanup();
      resolve(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1));
    });
  });
  return { child, profileDir, exited };
}

/**
 * The id Chromium gives an unpacked extension without a `key` in its manifest: the first 32 hex
 * digits of SHA-256 of its absolute path, written with the letters a–p instead of 0–f.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(path.resolve(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}
