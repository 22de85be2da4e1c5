/**
 * The harness's own arithmetic and classification (no browser): the accuracy test is only as good
 * as its oracle.
 */
import { describe, expect, it } from 'vitest';
import { hasDisplay, profileArgs, unpackedExtensionId } from '../../scripts/browser.ts';
import { chromiumArgs } from './support/launch.ts';
import { hostOf, isLocalUrl } from './support/network.ts';
import type { StoredSegment } from './support/store.ts';
import {
  clipSpans,
  compareByHost,
  overlappingSpans,
  recordedSpans,
  ScriptedTimeline,
  secondsByHost,
} from './support/tally.ts';
import { initialState } from '../../lib/tracker/state.ts';

const seg = (host: string, start: number, end: number, lane: 'focus' | 'call' = 'focus'): StoredSegment => ({
  id: start,
  start,
  end,
  day: '2026-01-01',
  host,
  path: '',
  source: 'browser',
  lane,
});

describe('ScriptedTimeline', () => {
  it('sums seconds per host up to the end and counts switches per host', () => {
    const t = new ScriptedTimeline();
    t.mark('a.com', '/x', 'a', 0);
    t.mark('a.com', '/y', 'a again', 2_000);
    t.mark(null, '', 'blank', 5_000);
    t.mark('b.com', '', 'b', 5_500);
    t.mark('a.com', '', 'a back', 8_000);
    expect(t.secondsByHost(10_000)).toEqual({ 'a.com': 7, 'b.com': 2.5 });
    // a: start, path change, a→blank, b→a = 4; b: blank→b, b→a = 2.
    expect(t.switchesByHost()).toEqual({ 'a.com': 4, 'b.com': 2 });
    expect(t.toleranceByHost()).toEqual({ 'a.com': 4, 'b.com': 2 });
  });

  it('weights the tolerance by each switch allowance', () => {
    const t = new ScriptedTimeline();
    t.mark('a.com', '', 'a', 0);
    t.mark('b.com', '', 'b after a worker wake-up', 1_000, 2);
    expect(t.toleranceByHost()).toEqual({ 'a.com': 3, 'b.com': 2 });
  });

  it('refuses marks out of order', () => {
    const t = new ScriptedTimeline();
    t.mark('a.com', '', 'first', 1_000);
    expect(() => t.mark('b.com', '', 'second', 999)).toThrow(/time order/);
  });
});

describe('recorded spans', () => {
  it('adds the open segments up to now, ignores calendar/manual rows, and clips', () => {
    const state = { ...initialState(0), focus: { start: 9_000, host: 'b.com', path: '' } };
    const rows = [seg('a.com', 1_000, 9_000), { ...seg('cal', 0, 20_000), source: 'calendar' as const }];
    const spans = recordedSpans(rows, state, 12_000);
    expect(secondsByHost(spans)).toEqual({ 'a.com': 8, 'b.com': 3 });
    expect(secondsByHost(clipSpans(spans, 0, 10_000))).toEqual({ 'a.com': 8, 'b.com': 1 });
  });

  it('splits by lane and finds time counted twice in one lane', () => {
    const spans = recordedSpans(
      [seg('a.com', 0, 5_000), seg('b.com', 4_000, 6_000), seg('meet.google.com', 0, 6_000, 'call')],
      null,
      6_000,
    );
    expect(secondsByHost(spans, 'call')).toEqual({ 'meet.google.com': 6 });
    expect(secondsByHost(spans, 'focus')).toEqual({ 'a.com': 5, 'b.com': 2 });
    expect(overlappingSpans(spans).map(([x, y]) => `${x.host}+${y.host}`)).toEqual(['a.com+b.com']);
  });
});

describe('compareByHost', () => {
  it('reports per-host error against the allowed tolerance, and the total error percentage', () => {
    const c = compareByHost(
      { 'a.com': 10, 'b.com': 10 },
      { 'a.com': 10.5, 'b.com': 8, 'x.com': 1 },
      { 'a.com': 1, 'b.com': 2 },
    );
    expect(c.hosts).toEqual([
      { host: 'a.com', expected: 10, recorded: 10.5, error: 0.5, tolerance: 1 },
      { host: 'b.com', expected: 10, recorded: 8, error: -2, tolerance: 2 },
      { host: 'x.com', expected: 0, recorded: 1, error: 1, tolerance: 0 },
    ]);
    expect(c.errorPercent).toBeCloseTo(17.5);
  });
});

describe('request classification', () => {
  it.each([
    ['chrome-extension://abc/popup.html', true],
    ['data:text/plain,x', true],
    ['blob:chrome-extension://abc/123', true],
    ['http://127.0.0.1:8080/x', true],
    ['http://localhost/x', true],
    ['https://docs.google.com/x', false],
    ['wss://ws.example.net/', false],
    ['http://10.0.0.1/', false],
  ])('%s is local: %s', (url, local) => {
    expect(isLocalUrl(url)).toBe(local);
  });

  it('extracts hosts of web URLs only', () => {
    expect(hostOf('https://App.Asana.com/0/1')).toBe('app.asana.com');
    expect(hostOf('chrome-extension://abc/x')).toBe('');
  });
});

describe('browser command lines', () => {
  it('maps tool hosts and every other name to the local server, never the network', () => {
    const args = chromiumArgs('/ext', { port: 4443, hosts: ['docs.google.com'] });
    const rules = args.find((a) => a.startsWith('--host-resolver-rules='));
    expect(rules).toBe(
      '--host-resolver-rules=MAP docs.google.com 127.0.0.1:4443, MAP * 127.0.0.1:4443, EXCLUDE localhost',
    );
    expect(args).toContain('--load-extension=/ext');
    expect(args).toContain('--disable-extensions-except=/ext');
  });

  it('loads the extension in the given profile and derives the unpacked extension id from the path', () => {
    expect(profileArgs({ extensionDir: '/ext', profileDir: '/p' })).toEqual(
      expect.arrayContaining(['--user-data-dir=/p', '--load-extension=/ext']),
    );
    const id = unpackedExtensionId('/some/dir');
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(unpackedExtensionId('/some/dir')).toBe(id);
    expect(unpackedExtensionId('/other/dir')).not.toBe(id);
  });

  it('knows when there is no display on Linux', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
  });
});
