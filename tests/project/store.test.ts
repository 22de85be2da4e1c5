/**
 * The store listing stays true to the manifest: every permission either browser's manifest asks for
 * has a one-line justification in docs/store.md, no justification is left for a permission that was
 * dropped, and the store requirements (version, minimum versions, Firefox id and data declaration) hold.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const storeDoc = readFileSync(path.join(ROOT, 'docs/store.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

type Manifest = {
  permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  minimum_chrome_version?: string;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } };
  };
};

async function manifestFor(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const manifest = config.manifest as unknown as (env: {
    browser: string;
    manifestVersion: number;
    mode: string;
    command: string;
  }) => Manifest | Promise<Manifest>;
  return manifest({ browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' });
}

/** Permissions justified in the "Permissions, one line each" table: `| \`perm\` | text |`. */
function justified(): Map<string, string> {
  const section = storeDoc.split('## Permissions, one line each')[1]?.split('\n## ')[0] ?? '';
  const rows = [...section.matchAll(/^\| `([^`]+)` \| (.+) \|$/gm)];
  return new Map(rows.map((m) => [m[1]!, m[2]!.trim()]));
}

describe('docs/store.md and the manifest', () => {
  it('justifies every permission of both browsers, each on one line of real text', async () => {
    const lines = justified();
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = await manifestFor(browser);
      for (const permission of [
        ...(m.permissions ?? []),
        ...(m.optional_permissions ?? []),
        ...(m.optional_host_permissions ?? []),
      ]) {
        expect(lines.get(permission), `${browser}: "${permission}" has no justification in docs/store.md`).toMatch(
          /\w.{30,}/,
        );
      }
    }
  });

  it('justifies no permission the manifest no longer asks for', async () => {
    const asked = new Set<string>();
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = await manifestFor(browser);
      for (const p of [
        ...(m.permissions ?? []),
        ...(m.optional_permissions ?? []),
        ...(m.optional_host_permissions ?? []),
      ])
        asked.add(p);
    }
    expect([...justified().keys()].filter((p) => !asked.has(p))).toEqual([]);
  });

  it('asks for notifications only as an optional permission, in both browsers', async () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = await manifestFor(browser);
      expect(m.permissions, browser).not.toContain('notifications');
      expect(m.optional_permissions, browser).toContain('notifications');
    }
    expect(justified().get('notifications')).toMatch(/^Optional, asked for only when/);
  });

  it('declares the store requirements', async () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    const chrome = await manifestFor('chrome');
    expect(Number(chrome.minimum_chrome_version)).toBeGreaterThanOrEqual(111);
    const gecko = (await manifestFor('firefox')).browser_specific_settings?.gecko;
    expect(gecko?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(gecko?.id).not.toMatch(/@local$/);
    // data_collection_permissions is read from Firefox 140 on.
    expect(Number(gecko?.strict_min_version?.split('.')[0])).toBeGreaterThanOrEqual(140);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(storeDoc).toContain(`\`${gecko?.id}\``);
  });

  it('has a changelog entry for the current version', () => {
    const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(new RegExp(`^## ${pkg.version.replaceAll('.', '\\.')}\\b`, 'm'));
  });
});
