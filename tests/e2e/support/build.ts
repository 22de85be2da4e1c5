/**
 * The built extension under test: where it is, its manifest, its pages and files.
 * `npm run test:e2e` builds first; running vitest alone against a stale or missing build fails here.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** `.output/chrome-mv3`, or E2E_EXTENSION_DIR (a copy, so a rebuild by someone else cannot swap files mid-run). */
export function extensionDir(): string {
  const override = process.env.E2E_EXTENSION_DIR;
  return override ? path.resolve(override) : path.join(REPO_ROOT, '.output', 'chrome-mv3');
}

/** Throws a clear message when the extension has not been built. Returns the directory. */
export function assertBuilt(dir: string = extensionDir()): string {
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(
      `The extension is not built: ${path.join(dir, 'manifest.json')} is missing. ` +
        'Run `npx wxt build` first (`npm run test:e2e` builds before testing).',
    );
  }
  return dir;
}

/** The parts of a built MV3 manifest the tests look at (everything else is `unknown`). */
export interface BuiltManifest {
  manifest_version: number;
  name: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  web_accessible_resources?: unknown[];
  incognito?: string;
  background?: { service_worker?: string; type?: string };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
  side_panel?: { default_path?: string };
  chrome_url_overrides?: Record<string, string>;
  [key: string]: unknown;
}

export function readBuiltManifest(dir: string = extensionDir()): BuiltManifest {
  assertBuilt(dir);
  return JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BuiltManifest;
}

/** Every file under `dir` (relative paths, `/`-separated) whose name ends with one of `extensions`. */
export function builtFiles(dir: string, extensions: string[]): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (extensions.some((ext) => entry.name.endsWith(ext))) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/**
 * The extension's HTML pages: those the manifest names (popup, options, side panel, overrides)
 * plus every other built `.html` file (WXT unlisted pages such as a dashboard).
 */
export function extensionPages(dir: string = extensionDir()): string[] {
  const manifest = readBuiltManifest(dir);
  const named = [
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    manifest.options_page,
    manifest.side_panel?.default_path,
    ...Object.values(manifest.chrome_url_overrides ?? {}),
  ].filter((page): page is string => typeof page === 'string' && page !== '');
  return [...new Set([...named, ...builtFiles(dir, ['.html'])])].sort();
}

/**
 * A copy of the build whose manifest also grants `notifications` at install. Chromium's prompt for an
 * optional permission cannot be clicked by automation, so a test that turns the reminder or the nudge
 * on with a real click runs this copy: the code path is the same, `permissions.request` resolves true
 * at once. `remove` deletes the copy.
 */
export function copyWithNotificationsGranted(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'creative-ratio-notify-'));
  cpSync(assertBuilt(extensionDir()), dir, { recursive: true });
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { permissions: string[] };
  writeFileSync(manifestFile, JSON.stringify({ ...manifest, permissions: [...manifest.permissions, 'notifications'] }));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
