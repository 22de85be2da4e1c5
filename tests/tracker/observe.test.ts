/** What the browser reports, in the machine's vocabulary (lib/tracker/observe.ts), and the config from settings. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { CALL_GRACE_MS, GAP_MS, HEARTBEAT_MINUTES, trackerConfig } from '@/lib/tracker/config';
import { isTrackedWindow, readSnapshot, toTabRef, type TabInfo, type WindowInfo } from '@/lib/tracker/observe';

describe('toTabRef', () => {
  it.each<[string, Partial<{ url: string; status: 'loading' | 'complete' | 'unloaded'; incognito: boolean }>, boolean]>(
    [
      ['no URL yet, loading', { url: '', status: 'loading' }, true],
      ['about:blank while a navigation is in flight', { url: 'about:blank', status: 'loading' }, true],
      [
        'a new tab just opened on a link (Chrome says complete before the first commit)',
        { url: 'about:blank', status: 'complete' },
        true,
      ],
      ['the New Tab page', { url: 'chrome://newtab/', status: 'loading' }, false],
      ['a web page', { url: 'https://docs.google.com/', status: 'loading' }, false],
      ['incognito', { url: '', status: 'loading', incognito: true }, false],
    ],
  )('marks a tab loading its first page: %s', (_name, t, loading) => {
    const ref = toTabRef({
      id: 1,
      windowId: 1,
      index: 0,
      active: true,
      pinned: false,
      highlighted: true,
      selected: true,
      discarded: false,
      autoDiscardable: true,
      groupId: -1,
      frozen: false,
      incognito: false,
      ...t,
    } as never);
    expect(ref?.loading === true).toBe(loading);
  });

  it.each<[string, TabInfo, ReturnType<typeof toTabRef>]>([
    [
      'keeps host + path shape only',
      {
        id: 3,
        windowId: 1,
        incognito: false,
        url: 'https://docs.google.com/document/d/1AbCdEfGhIjK123/edit?usp=sharing#h',
      },
      { tabId: 3, windowId: 1, incognito: false, page: { host: 'docs.google.com', path: '/document/d/*/edit' } },
    ],
    [
      'a pending URL while nothing is committed',
      { id: 3, windowId: 1, incognito: false, url: '', pendingUrl: 'https://app.slack.com/client/T0123ABC/C0456DEF' },
      { tabId: 3, windowId: 1, incognito: false, page: { host: 'app.slack.com', path: '/client/*/*' } },
    ],
    [
      'an incognito tab keeps no page',
      { id: 3, windowId: 4, incognito: true, url: 'https://docs.google.com/' },
      { tabId: 3, windowId: 4, incognito: true, page: null },
    ],
    ['no id (devtools)', { windowId: 1, incognito: false, url: 'https://docs.google.com/' }, null],
    ['TAB_ID_NONE', { id: -1, windowId: 1, incognito: false, url: 'https://docs.google.com/' }, null],
    ['no window', { id: 3, incognito: false, url: 'https://docs.google.com/' }, null],
  ])('%s', (_name, info, expected) => {
    expect(toTabRef(info)).toEqual(expected);
  });
});

describe('isTrackedWindow', () => {
  it.each<[WindowInfo, boolean]>([
    [{ incognito: false, type: 'normal' }, true],
    [{ incognito: false, type: 'popup' }, true],
    [{ incognito: false, type: 'app' }, true],
    [{ incognito: false }, true], // Firefox may leave the type out
    [{ incognito: false, type: 'devtools' }, false],
    [{ incognito: false, type: 'panel' }, false],
    [{ incognito: true, type: 'normal' }, false],
  ])('%o → %s', (win, expected) => {
    expect(isTrackedWindow(win)).toBe(expected);
  });
});

describe('readSnapshot', () => {
  const windows: WindowInfo[] = [
    { id: 1, focused: false, incognito: false, type: 'normal' },
    { id: 2, focused: true, incognito: false, type: 'normal' },
    { id: 3, focused: false, incognito: true, type: 'normal' },
  ];
  const tabs: TabInfo[] = [
    {
      id: 10,
      windowId: 1,
      active: true,
      incognito: false,
      url: 'https://docs.google.com/document/d/1AbCdEfGhIjK123/edit',
    },
    {
      id: 12,
      windowId: 1,
      active: false,
      audible: true,
      incognito: false,
      url: 'https://meet.google.com/abc-defg-hij',
    },
    { id: 20, windowId: 2, active: true, incognito: false, url: 'https://app.asana.com/0/1/2', lastAccessed: 42 },
    { id: 30, windowId: 3, active: true, audible: true, incognito: true, url: 'https://secret.example/' },
  ];

  it("the focused window's active tab is in front; every non-incognito tab is listed with its sound", () => {
    const { event, activeTab } = readSnapshot(windows, tabs, 'active');
    expect(event).toEqual({
      type: 'snapshot',
      focusedWindowId: 2,
      activeTab: { tabId: 20, windowId: 2, incognito: false, page: { host: 'app.asana.com', path: '/*/*/*' } },
      idle: 'active',
      tabs: [
        {
          tabId: 10,
          windowId: 1,
          incognito: false,
          page: { host: 'docs.google.com', path: '/document/d/*/edit' },
          audible: false,
        },
        { tabId: 12, windowId: 1, incognito: false, page: { host: 'meet.google.com', path: '/*' }, audible: true },
        { tabId: 20, windowId: 2, incognito: false, page: { host: 'app.asana.com', path: '/*/*/*' }, audible: false },
      ],
    });
    expect(activeTab?.lastAccessed).toBe(42);
    expect(JSON.stringify(event)).not.toMatch(/secret/);
  });

  it.each<[string, WindowInfo[], number | null]>([
    ['no window focused (another app in front)', windows.map((w) => ({ ...w, focused: false })), null],
    ['an incognito window focused', windows.map((w) => ({ ...w, focused: w.id === 3 })), null],
    [
      'devtools focused',
      [...windows.map((w) => ({ ...w, focused: false })), { id: 9, focused: true, incognito: false, type: 'devtools' }],
      null,
    ],
    ['the first window focused', windows.map((w) => ({ ...w, focused: w.id === 1 })), 1],
  ])('%s', (_name, wins, focusedWindowId) => {
    const { event, activeTab } = readSnapshot(wins, tabs, 'idle');
    expect(event.focusedWindowId).toBe(focusedWindowId);
    expect(event.activeTab?.windowId ?? null).toBe(focusedWindowId);
    expect(activeTab?.windowId ?? null).toBe(focusedWindowId);
    expect(event.idle).toBe('idle');
  });
});

describe('trackerConfig', () => {
  it('takes the idle threshold and exclusions from settings; the gap is three heartbeats', () => {
    const isCallHost = (h: string) => h === 'meet.google.com';
    const cfg = trackerConfig(
      { ...DEFAULT_SETTINGS, idleThresholdSec: 120, excludedHosts: ['mybank.example'] },
      isCallHost,
    );
    expect(cfg.idleThresholdMs).toBe(120_000);
    expect(cfg.gapMs).toBe(GAP_MS);
    expect(GAP_MS).toBe(3 * HEARTBEAT_MINUTES * 60_000);
    expect(cfg.callGraceMs).toBe(CALL_GRACE_MS);
    expect(cfg.isExcluded('mybank.example')).toBe(true);
    expect(cfg.isExcluded('docs.google.com')).toBe(false);
    expect(cfg.isCallHost).toBe(isCallHost);
  });
});
