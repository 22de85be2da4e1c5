/**
 * The lockfile a clean clone installs from: `npm ci` must accept it on every platform.
 *
 * - `npm ci --dry-run` on a copy of package.json + package-lock.json (no node_modules, no scripts):
 *   fails when the two disagree (a dependency added to one and not the other, a changed range).
 * - Every optional dependency of every locked package has its own lock entry: a lockfile written on
 *   one platform once lacked the other platforms' `@rollup/rollup-*` packages, which made `npm ci`
 *   fail for Mac and Windows contributors while passing here. (`npm install --package-lock-only`
 *   adds them.)
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
}

const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

/** Where npm would find `name` from the package at `from` (walking up the node_modules folders). */
export function resolveInLock(packages: Record<string, LockEntry>, from: string, name: string): string | null {
  let dir = from;
  for (;;) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (candidate in packages) return candidate;
    if (dir === '') return null;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up > 0 ? dir.slice(0, up) : '';
  }
}

describe('package-lock.json', () => {
  it('is a v3 lockfile whose root matches package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
      dependencies: object;
      devDependencies: object;
    };
    expect(lock.lockfileVersion).toBe(3);
    const root = lock.packages[''] as LockEntry & { dependencies?: object; devDependencies?: object };
    expect(root.version).toBe(pkg.version);
    expect(root.dependencies).toEqual(pkg.dependencies);
    expect(root.devDependencies).toEqual(pkg.devDependencies);
  });

  it('has an entry for every optional dependency of every package (all platforms)', () => {
    const missing: string[] = [];
    for (const [at, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        if (resolveInLock(lock.packages, at, name) === null) missing.push(`${at || '(root)'} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
    // The case that once broke: rollup's native packages for other platforms.
    expect(
      Object.keys(lock.packages).filter((key) => /node_modules\/@rollup\/rollup-(darwin|win32)-/.test(key)).length,
    ).toBeGreaterThanOrEqual(4);
  });

  it('the resolver finds nested and hoisted entries, and reports a missing one', () => {
    const packages = { 'node_modules/a': {}, 'node_modules/b': {}, 'node_modules/b/node_modules/a': {} };
    expect(resolveInLock(packages, 'node_modules/b', 'a')).toBe('node_modules/b/node_modules/a');
    expect(resolveInLock(packages, 'node_modules/a', 'b')).toBe('node_modules/b');
    expect(resolveInLock(packages, 'node_modules/a', 'c')).toBeNull();
  });

  it('`npm ci --dry-run` accepts it on a clean copy', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'creative-ratio-lock-'));
    try {
      for (const file of ['package.json', 'package-lock.json'])
        copyFileSync(path.join(ROOT, file), path.join(dir, file));
      const run = await promisify(execFile)(
        'npm',
        ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
        {
          cwd: dir,
          timeout: 90_000,
          env: { ...process.env, npm_config_loglevel: 'error' },
        },
      ).catch((error: { stderr?: string; message: string }) => ({
        stdout: '',
        stderr: error.stderr ?? error.message,
        failed: true,
      }));
      expect('failed' in run ? run.stderr : '').toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
