/**
 * The built extension asks for nothing it does not need and carries no way to talk to a server.
 * Checks the built manifest and scans every built file (no browser needed).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { calendarConnectSources, calendarHostPatterns } from '../../lib/calendar/calendar-hosts.ts';
import { assertBuilt, builtFiles, extensionDir, readBuiltManifest } from './support/build.ts';

// webNavigation: Chrome's timestamps of main-frame navigations, so URL changes heard late are dated exactly.
const ALLOWED_PERMISSIONS = ['tabs', 'webNavigation', 'idle', 'alarms', 'storage', 'unlimitedStorage'];
/** Asked for only when the person turns the weekly reminder or the mid-week nudge on (lib/browser/notifications.ts). */
const OPTIONAL_PERMISSIONS = ['notifications'];

/**
 * The only absolute URLs allowed in the built files. None is ever requested; each is inert text.
 * Inspected in the bundle (React 19, Dexie 4, date-fns 4, our own code); a new entry needs the same
 * kind of reason.
 */
const ALLOWED_URLS: Array<{ pattern: RegExp; why: string }> = [
  {
    pattern: /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink|1999\/xhtml|XML\/1998\/namespace|1998\/Math\/MathML)$/,
    why: 'XML namespace URIs: React DOM passes them to createElementNS/setAttributeNS for SVG and MathML. Identifiers, never fetched.',
  },
  {
    pattern: /^https:\/\/react\.dev\/errors\/$/,
    why: "React's production error decoder: only concatenated into error message text shown in the console.",
  },
  {
    pattern: /^http:\/\/bit\.ly\/2kdckMn$|^https:\/\/tinyurl\.com\/y2uuvskb$/,
    why: "Dexie's error messages (PrematureCommit, MissingAPI) link to its docs; message text only.",
  },
  {
    pattern: /^https:\/\/github\.com\/date-fns\/date-fns\/blob\/master\/docs\/unicodeTokens\.md$/,
    why: "date-fns' error message for misused format tokens; message text only.",
  },
  {
    pattern: /^https?:\/\/\$\{\w+\}$/,
    why: 'lib/url/normalize.ts and the rule tester (options page) prefix what the person typed with `http(s)://${…}` so the URL parser can read it; parsing, not a request.',
  },
  {
    pattern: /^https:\/\/\$\{\w+\}\/\*$/,
    why: 'lib/calendar/calendar-hosts.ts and calendar-sync.ts build the match pattern `https://${host}/*` of a calendar host for permissions.request/remove; a permission, not a request.',
  },
  {
    pattern: /^https:\/\/docs\.google\.com\/document\/d\/…\/edit$/,
    why: "Placeholder text of the rule tester's address field (options page); shown, never loaded.",
  },
  {
    pattern:
      /^https:\/\/(doi\.org\/10\.1145\/(1054972\.1055017|1357054\.1357072)|www\.microsoft\.com\/en-us\/worklab\/work-trend-index\/breaking-down-infinite-workday)$/,
    why: "Citation links of the dashboard's fragmentation reference points (lib/report/fragmentation.ts); opened in a tab only when the person clicks one, never fetched by the extension.",
  },
  {
    pattern: /^https:\/\/calendar\.google\.com\/calendar\/ical\/…\/basic\.ics$/,
    why: 'Placeholder text of the calendar subscription field (options page); shown, never loaded.',
  },
  {
    pattern: new RegExp(
      `^(?:${calendarHostPatterns()
        .flatMap((p) => [p, p.replace(/\/\*$/, '')])
        .map((u) => u.replace(/[.*]/g, (c) => `\\${c}`))
        .join('|')})$`,
    ),
    why: 'The calendar vendors (lib/calendar/calendar-hosts.ts) in the manifest: optional host permissions, requested one host at a time when the person subscribes, and the CSP connect-src.',
  },
  {
    pattern: /^https?:\/\/$/,
    why: 'A bare scheme inside user-facing text (e.g. the rule form\'s "Enter the host only, without "https://"").',
  },
];

/** Calls that can reach the network. Each occurrence in the bundle must match an allowed context below. */
const NETWORK_CALL =
  /\b(?:fetch|importScripts|sendBeacon)\s*\(|\bnew\s+(?:XMLHttpRequest|WebSocket|EventSource|WebTransport|RTCPeerConnection)\b/g;

const ALLOWED_NETWORK_CALLS: Array<{ pattern: RegExp; why: string }> = [
  {
    // downloadCalendar: await o.fetch(url, { method: 'GET', headers, credentials: 'omit', … })
    pattern: /\w+\.fetch\(\w+,\{method:"GET",headers:\w+,credentials:"omit",referrerPolicy:"no-referrer"/,
    why: 'downloadCalendar (lib/browser/calendar-sync.ts) calls the injected calendarFetch: a subscribed calendar, no cookies, no referrer.',
  },
  {
    // const calendarFetch = (input, init) => fetch(input, init)
    pattern: /=\((\w+),(\w+)\)=>fetch\(\1,\2\)/,
    why: 'calendarFetch (lib/browser/calendar-sync.ts): reads a calendar the person subscribed to, from its vendor host only (CSP connect-src, host permission granted at the Subscribe click).',
  },
  {
    // function S(V){if(V.ep)return;V.ep=!0;const I=fl(V);fetch(V.href,I)}
    pattern: /if\(\w+\.ep\)return;\w+\.ep=!0;const \w+=\w+\(\w+\);fetch\(\w+\.href,\w+\)/,
    why: "Vite's modulepreload polyfill: fetches the href of <link rel=modulepreload> tags, which are the extension's own chunks (chrome-extension:// URLs).",
  },
];

const URL_IN_TEXT = /\b(?:https?|wss?):\/\/[^\s"'`)<>\\,;]*/g;

function context(text: string, index: number, length: number, around = 80): string {
  return text.slice(Math.max(0, index - around), index + length + around).replace(/\s+/g, ' ');
}

describe('built manifest', () => {
  const dir = assertBuilt(extensionDir());
  const manifest = readBuiltManifest(dir);

  it('asks only for allow-listed permissions, and for host access only as optional calendar vendors', () => {
    expect(manifest.manifest_version).toBe(3);
    for (const permission of manifest.permissions ?? []) {
      expect(ALLOWED_PERMISSIONS, `permission "${permission}" is not on the allow-list`).toContain(permission);
    }
    // Optional: not granted at install; never one that could be required instead.
    expect(manifest.optional_permissions).toEqual(OPTIONAL_PERMISSIONS);
    expect(manifest.permissions).not.toContain('notifications');
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest.optional_host_permissions).toEqual(calendarHostPatterns());
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(JSON.stringify(manifest)).not.toMatch(/"\*:\/\/|"https?:\/\/\*\//);
  });

  it('injects nothing into web pages and exposes nothing to them', () => {
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('loads no remote code and is never updated from a server by itself', () => {
    const policy =
      (manifest.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages ?? '';
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k!, v]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    // Remote origins only in connect-src, and only the calendar vendors.
    expect(directives.get('connect-src')).toEqual(["'self'", ...calendarConnectSources()]);
    for (const [name, values] of directives)
      if (name !== 'connect-src') expect(values.join(' '), name).not.toMatch(/https?:|wss?:|\*/);
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline/);
    expect(manifest).not.toHaveProperty('update_url');
  });

  it('never runs in incognito windows', () => {
    expect(manifest.incognito).toBe('not_allowed');
  });

  it('names only files that exist in the build', () => {
    const named = [
      manifest.background?.service_worker,
      manifest.action?.default_popup,
      manifest.options_ui?.page,
    ].filter((file): file is string => typeof file === 'string');
    expect(named.length).toBeGreaterThan(0);
    const files = builtFiles(dir, ['']);
    for (const file of named) expect(files, `${file} is named by the manifest`).toContain(file.replace(/^\//, ''));
  });
});

describe('built code', () => {
  const dir = assertBuilt(extensionDir());
  const files = builtFiles(dir, ['.js', '.mjs', '.html', '.css', '.json', '.svg']);
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');

  it('contains no absolute URL except inert, justified strings', () => {
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    const unexpected: string[] = [];
    for (const file of files) {
      const text = read(file);
      for (const match of text.matchAll(URL_IN_TEXT)) {
        if (!ALLOWED_URLS.some((entry) => entry.pattern.test(match[0]))) {
          unexpected.push(`${file}: ${match[0]}  …${context(text, match.index, match[0].length)}…`);
        }
      }
    }
    expect(unexpected, 'absolute URLs in the bundle (justify harmless ones in ALLOWED_URLS)').toEqual([]);
  });

  it('makes no network call except the module preloader for its own files', () => {
    const unexpected: string[] = [];
    for (const file of files.filter((f) => /\.(m?js|html)$/.test(f))) {
      const text = read(file);
      for (const match of text.matchAll(NETWORK_CALL)) {
        const around = context(text, match.index, match[0].length, 160);
        if (!ALLOWED_NETWORK_CALLS.some((entry) => entry.pattern.test(around)))
          unexpected.push(`${file}: ${match[0]} …${around}…`);
      }
      // Whatever the call, it never gets a literal remote address.
      const literal = text.match(
        /\b(?:fetch|importScripts|sendBeacon|WebSocket|EventSource|open)\s*\(\s*["'`](?:https?|wss?):/,
      );
      if (literal) unexpected.push(`${file}: network call with a literal remote URL: ${literal[0]}`);
    }
    expect(unexpected, 'network calls in the bundle').toEqual([]);
  });

  it('loads no remote fonts, styles or scripts', () => {
    for (const file of files) {
      const text = read(file);
      expect(text, file).not.toMatch(/fonts\.googleapis|fonts\.gstatic|use\.typekit/);
      expect(text, file).not.toMatch(/@import\s+(?:url\()?\s*["']?(?:https?:)?\/\//);
      expect(text, file).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//);
      if (/\.(html|svg)$/.test(file)) expect(text, file).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//);
    }
  });
});

describe('what each part loads', () => {
  const dir = extensionDir();
  /** Every file `file` imports statically, transitively (paths relative to the build). */
  const graph = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g))
      graph(path.posix.join(path.posix.dirname(file), m[1]!), seen);
    return seen;
  };
  const htmlScripts = (page: string) =>
    [...readFileSync(path.join(dir, page), 'utf8').matchAll(/<(?:script|link)[^>]+(?:src|href)="\/([^"]+\.js)"/g)].map(
      (m) => m[1]!,
    );

  it('the built files import one another without a cycle (a cycle between chunks can throw "Cannot access … before initialization" when a page loads)', () => {
    assertBuilt();
    const files = builtFiles(dir, ['.js']);
    expect(files.length).toBeGreaterThan(5);
    const imports = (file: string) =>
      [...readFileSync(path.join(dir, file), 'utf8').matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)].map(
        (m) => path.posix.join(path.posix.dirname(file), m[1]!),
      );
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of imports(file)) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('the service worker loads neither React nor anything that touches a page (it starts often and has no document)', () => {
    assertBuilt();
    const files = [...graph('background.js')];
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      // Vite's dynamic-import helper (it wraps the classifier's on-demand re2js import, which the
      // worker shares with the pages) reads `document` only to preload a chunk's dependencies: guarded
      // by `typeof document`, and re2js has none. Its text is recognised by its `modulepreload` and
      // `csp-nonce` strings; anything else that touches a page still fails.
      const text = readFileSync(path.join(dir, file), 'utf8');
      const touches = [...text.matchAll(/\bdocument\.(createElement|querySelector|head|getElementsByTagName)/g)].filter(
        (m) => {
          const around = text.slice(Math.max(0, m.index - 700), m.index + 700);
          return !(around.includes('modulepreload') || around.includes('csp-nonce'));
        },
      );
      expect(touches.map((m) => `${file}: ${text.slice(Math.max(0, m.index - 80), m.index + 40)}`)).toEqual([]);
      expect(text, file).not.toMatch(/react\.element|__REACT_DEVTOOLS_GLOBAL_HOOK__/);
    }
  });

  it('Settings does not load ical.js at start: only its calendar worker does, and the page only by import() without a Worker', () => {
    assertBuilt();
    // ical.js's RecurIterator (kept through minification), and the chunk the build names after it.
    const isIcal = (file: string) =>
      /(^|\/)icaljs-/.test(file) || /\bhas_by_data\(/.test(readFileSync(path.join(dir, file), 'utf8'));
    const options = new Set(htmlScripts('options.html').flatMap((f) => [...graph(f)]));
    expect(options.size).toBeGreaterThan(1);
    expect([...options].filter(isIcal), 'options.html loads ical.js at start').toEqual([]);
    // The worker carries it (so the page can read calendars at all).
    const workers = builtFiles(dir, ['.js']).filter((f) => /calendar\.worker/.test(f));
    expect(workers.length).toBe(1);
    expect(isIcal(workers[0]!)).toBe(true);
    for (const page of ['popup.html', 'dashboard.html', 'review.html', 'team.html', 'welcome.html']) {
      const files = new Set(htmlScripts(page).flatMap((f) => [...graph(f)]));
      expect([...files].filter(isIcal), `${page} loads ical.js`).toEqual([]);
    }
  });

  it('the popup never loads Chart.js, and the dashboard starts with few files', () => {
    const popup = new Set(htmlScripts('popup.html').flatMap((f) => [...graph(f)]));
    for (const file of popup)
      expect(readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(/getOptionScopes|_getStacks/);
    const dashboard = new Set(htmlScripts('dashboard.html').flatMap((f) => [...graph(f)]));
    // Every file is a request before the page's script runs: the boot script, the page, react,
    // core (with the libraries), first-paint, app, Chart.js, and the database code apart (db: Dexie and lib/db; app-data: the
    // data hooks), so that the popup can draw without it (17 files before they were grouped).
    expect(dashboard.size).toBeLessThanOrEqual(9);
    expect([...dashboard].some((f) => f.startsWith('dashboard-boot'))).toBe(true);
  });

  it("the popup's first paint loads only what draws today's numbers: few files, few bytes, none of the shared page code it does not show", () => {
    const popup = [...new Set(htmlScripts('popup.html').flatMap((f) => [...graph(f)]))];
    // popup-boot.js, the popup's entry, React, core (the libraries, the classifier and the report)
    // and first-paint (the today card and its formatters); 6 files, 170 kB gzipped before the split.
    expect(popup.length, popup.join(', ')).toBeLessThanOrEqual(5);
    expect(popup.filter((f) => /(^|\/)(app|app-data|db|chartjs|re2js|icaljs)-/.test(f))).toEqual([]);
    expect(popup.some((f) => /(^|\/)first-paint-/.test(f))).toBe(true);
    // The bound is loose (the speed itself is measured by `npm run bench:popup`): 146 kB when written.
    const gz = popup.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dir, f)), { level: 9 }).length, 0);
    expect(gz / 1024, 'kB gzipped before the first numbers').toBeLessThan(160);
    // And the page's stylesheets: the shared base (tokens and primitives, in first-paint) and the popup's
    // own; the app's, the calendar's and the team's styles come with the pages that show them.
    const css = [
      ...readFileSync(path.join(dir, 'popup.html'), 'utf8').matchAll(/rel="stylesheet"[^>]*href="\/([^"]+)"/g),
    ].map((m) => m[1]!);
    expect(css.length, css.join(', ')).toBeLessThanOrEqual(2);
    expect(css.filter((f) => !/(^|\/)(first-paint|popup)-[\w-]+\.css$/.test(f))).toEqual([]);
    const cssKb = css.reduce((sum, f) => sum + readFileSync(path.join(dir, f)).length, 0) / 1024;
    expect(cssKb, 'kB of CSS before the first numbers').toBeLessThan(24);
  });

  it('the popup draws today from a raw read: what popup.html loads at once holds no Dexie, which comes on demand with the rest', () => {
    const dexie = (file: string) => /DatabaseClosedError/.test(readFileSync(path.join(dir, file), 'utf8'));
    const popup = [...new Set(htmlScripts('popup.html').flatMap((f) => [...graph(f)]))];
    expect(popup.some((f) => f.startsWith('popup-boot'))).toBe(true);
    expect(popup.filter(dexie)).toEqual([]);
    // The full popup, imported on demand, does read through Dexie (the check above can fail).
    const onDemand = [
      ...readFileSync(
        path.join(
          dir,
          popup.find((f) => f.startsWith('chunks/popup-'))!,
        ),
        'utf8',
      ).matchAll(/import\(\s*["'](\.{1,2}\/[^"']+)["']/g),
    ];
    expect(onDemand.length).toBeGreaterThan(0);
    const full = new Set(onDemand.flatMap((m) => [...graph(path.posix.join('chunks', m[1]!))]));
    expect([...full].some(dexie)).toBe(true);
  });
});
