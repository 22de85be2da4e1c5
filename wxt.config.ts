import { defineConfig } from 'wxt';
import { calendarHostPatterns, extensionPagesCsp } from './lib/calendar/calendar-hosts';

// Manifest permissions are deliberately minimal. No host_permissions, no <all_urls>:
// the tracker reads tab URLs through the `tabs` permission only. The calendar vendors' hosts are
// optional, requested one host at a time when the person subscribes to a calendar, and the
// Content-Security-Policy lets extension pages reach nothing else. `notifications` is optional too,
// asked for from the click that turns the weekly reminder or the mid-week nudge on
// (lib/browser/notifications.ts). See docs/privacy.md and docs/store.md.
type ModuleInfo = {
  isEntry: boolean;
  importers: readonly string[];
  dynamicImporters: readonly string[];
  importedIds: readonly string[];
} | null;
type Info = (id: string) => ModuleInfo;
type ChunkApi = { getModuleInfo: Info; getModuleIds: () => IterableIterator<string> };

/**
 * Fewer, larger chunks for the extension pages: every chunk is one more request a page waits for
 * before its script runs. A page loads its own code, `first-paint` and `app` (our modules used by
 * more than one page: those the popup's first paint needs, and the rest), `core` (the libraries —
 * date-fns, valibot — and the modules the service worker uses too) and `react` — and, apart, what
 * reads the database: `db` (Dexie and lib/db, shared with the service worker) and `app-data` (the
 * pages' data hooks, dexie-react-hooks). The split lets the popup draw today's numbers from a raw
 * read with only `react`, `core` and `first-paint` loaded (entrypoints/popup/main.tsx); the database
 * code and the rest of `app` come on demand with the full popup.
 * The service worker loads only `core` and `db`, never React or page code (it is woken up
 * often: what it imports is evaluated on every start). Chart.js stays apart: only the dashboard and
 * the team view load it, on demand; so does re2js, loaded only when the person has a regex rule.
 */
function pageChunks() {
  return {
    name: 'creative-ratio:page-chunks',
    config(config: { build?: { lib?: unknown; rollupOptions?: { output?: unknown } } }) {
      const output = config.build?.rollupOptions?.output;
      if (config.build?.lib || !output || Array.isArray(output)) return null;
      const memo = new Map<string, Set<string>>();
      /**
       * What reaches `id`: the HTML pages (by id), `worker` (another entry), `dynamic` (an import()).
       * A module imported on demand also counts for the pages of the module importing it (the
       * popup's full view is imported on demand, and what it shares with other pages stays in `app`).
       */
      const reachedBy = (id: string, info: Info, seen = new Set<string>()): Set<string> => {
        const known = memo.get(id);
        if (known) return known;
        const out = new Set<string>();
        const m = info(id);
        if (!m || seen.has(id)) return out;
        seen.add(id);
        if (m.isEntry) out.add(id.endsWith('.html') ? id : 'worker');
        if (m.dynamicImporters.length) out.add('dynamic');
        for (const parent of [...m.importers, ...m.dynamicImporters])
          for (const p of reachedBy(parent, info, seen)) out.add(p);
        memo.set(id, out);
        return out;
      };
      /** Whether a module statically imports a library matching `library`, directly or through our modules. */
      const importsOf = (library: RegExp) => {
        const known = new Map<string, boolean>();
        const reads = (id: string, info: Info, seen = new Set<string>()): boolean => {
          const hit = known.get(id);
          if (hit !== undefined) return hit;
          if (library.test(id)) return true;
          const m = info(id);
          if (!m || seen.has(id) || /node_modules/.test(id)) return false;
          seen.add(id);
          const out = m.importedIds.some((child) => reads(child, info, seen));
          known.set(id, out);
          return out;
        };
        return reads;
      };
      /**
       * Whether the popup's first paint loads `id`: what popup.html imports statically, transitively (its
       * main.tsx and WXT's page plugins; the full popup is an import() and does not count). Module indexes that re-export a whole folder count
       * as importing all of it, so the first-paint files import from the modules themselves.
       */
      let firstPaint: Set<string> | null = null;
      const inFirstPaint = (id: string, api: ChunkApi): boolean => {
        if (!firstPaint) {
          firstPaint = new Set();
          const stack = [...api.getModuleIds()].filter((m) => /[\\/]entrypoints[\\/]popup[\\/]index\.html$/.test(m));
          while (stack.length) {
            const next = stack.pop()!;
            if (firstPaint.has(next)) continue;
            firstPaint.add(next);
            stack.push(...(api.getModuleInfo(next)?.importedIds ?? []));
          }
        }
        return firstPaint.has(id);
      };
      const readsIcal = importsOf(/node_modules[\\/]ical\.js[\\/]/);
      // Dexie or its live-query hooks (components/data/live.ts imports only the hooks): database code.
      const readsDexie = importsOf(/node_modules[\\/]dexie(-react-hooks)?[\\/]/);
      return {
        build: {
          // Chrome and Firefox (115+) support module preloading: no polyfill chunk to wait for.
          modulePreload: { polyfill: false },
          rollupOptions: {
            output: {
              manualChunks(id: string, api: ChunkApi): string | undefined {
                if (/node_modules[\\/](chart\.js|@kurkle)[\\/]|components[\\/]charts[\\/]chart-setup/.test(id))
                  return 'chartjs';
                if (/node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react';
                // The database: Dexie with lib/db (the service worker's too); the live-query hooks with the pages' data hooks.
                if (/node_modules[\\/]dexie[\\/]/.test(id)) return 'db';
                if (/node_modules[\\/]dexie-react-hooks[\\/]/.test(id)) return 'app-data';
                // The regex engine: imported dynamically, only when a regex rule exists (lib/classify/regex-engine.ts).
                if (/node_modules[\\/]re2js[\\/]/.test(id)) return 're2js';
                // ical.js: only where calendars are read (the calendar worker, Settings), never at start-up.
                if (/node_modules[\\/]ical\.js[\\/]/.test(id)) return 'icaljs';
                // Libraries, and the bundler's CommonJS interop helpers they use, go with `core`: every
                // page and the service worker load both, so apart they were one more request each.
                // (Not the module-preload polyfill: it touches `document`, which the service worker has not.)
                if (/node_modules[\\/]/.test(id) || id.startsWith('\0commonjsHelpers')) return 'core';
                // Vite's dynamic-import helper: every page with an import() uses it, so with `core` (left to
                // Rollup, the Firefox build put it in `app`, and the popup's first paint loaded `app` for it).
                if (id.startsWith('\0vite/preload-helper')) return 'core';
                if (id.startsWith('\0') && !id.includes('virtual:wxt')) return undefined;
                if (api.getModuleInfo(id)?.isEntry) return undefined;
                // Our calendar reader goes with ical.js: the service worker loads it for subscriptions,
                // the Settings page and the calendar worker to read files; no other page ever does.
                if (/[\\/]lib[\\/]/.test(id) && readsIcal(id, api.getModuleInfo)) return 'icaljs';
                const reached = reachedBy(id, api.getModuleInfo);
                const pages = [...reached].filter((p) => p !== 'dynamic' && p !== 'worker').length;
                // Our modules that read the database: with Dexie when the service worker uses them
                // (lib/db), else, shared by pages, with the data hooks — never in `core` or `app`,
                // so what a page draws first can load without any database code.
                if (/[\\/](lib|components)[\\/]/.test(id) && readsDexie(id, api.getModuleInfo)) {
                  if (reached.has('worker')) return pages > 0 ? 'db' : undefined;
                  return pages > 1 ? 'app-data' : undefined;
                }
                // Shared by the service worker and pages → core. The worker's own modules (its main,
                // the calendar sync) stay in its entry, so no page loads what only the worker needs.
                if (reached.has('worker')) return pages > 0 ? 'core' : undefined;
                // Shared by pages → `first-paint` when the popup draws today's numbers with it, else `app`;
                // only loaded on demand (the Chart.js set-up) → its own chunk.
                if (pages <= 1) return undefined;
                return inFirstPaint(id, api) ? 'first-paint' : 'app';
              },
            },
          },
        },
      };
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  srcDir: '.',
  // No auto-imports: every module says where its names come from (auto-imports once injected a
  // component export into an unrelated method and made a circular import).
  imports: false,
  outDir: '.output',
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Creative Ratio',
    description: 'How much of your week is creative work vs coordination — measured privately, on your own machine.',
    permissions: ['tabs', 'webNavigation', 'idle', 'alarms', 'storage', 'unlimitedStorage'],
    incognito: 'not_allowed',
    ...(manifestVersion === 3
      ? {
          optional_permissions: ['notifications'],
          optional_host_permissions: calendarHostPatterns(),
          content_security_policy: { extension_pages: extensionPagesCsp() },
        }
      : {
          optional_permissions: ['notifications', ...calendarHostPatterns()],
          content_security_policy: extensionPagesCsp(),
        }),
    action: { default_title: 'Creative Ratio' },
    // Store requirements (docs/store.md): Chrome 121+ (tab.lastAccessed dates a switch that wakes the
    // stopped worker); Firefox 140+ (ESR; the first to read data_collection_permissions: none collected).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'creative-ratio@creativeratio',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '121' }),
  }),
  webExt: { disabled: true },
  // `npm run zip`: creative-ratio-<version>-chrome.zip, -firefox.zip and -sources.zip (what AMO asks
  // for: everything needed to rebuild the Firefox package, docs/store.md says how), in .output/.
  zip: {
    excludeSources: [
      'tests/**',
      'bench/**',
      'test-results/**',
      'docs/screenshots/**',
      'docs/store/**',
      'docs/**/*.png',
    ],
  },
  vite: () => ({ plugins: [pageChunks()] }),
});
