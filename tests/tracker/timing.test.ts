/** When events happened: the pure dating rules of lib/tracker/timing.ts, as tables. */
import { describe, expect, it } from 'vitest';
import { GAP_MS } from '@/lib/tracker/config';
import { initialState, PAUSE_FOREVER, type TrackerState } from '@/lib/tracker/state';
import {
  commitTime,
  eventTime,
  heardLate,
  MAX_BACKDATE_MS,
  pauseEnd,
  snapshotTime,
  type Commit,
} from '@/lib/tracker/timing';
import { tab, T0, SEC } from './helpers';

describe('event timing', () => {
  it.each<[string, number, number | undefined, number, number]>([
    ['no lastAccessed: arrival', 10_000, undefined, 0, 10_000],
    ['plausible lastAccessed wins', 10_000, 9_200, 5_000, 9_200],
    ['never in the future', 10_000, 10_500, 0, 10_000],
    ['never at or before what the tracker already saw', 10_000, 9_000, 9_000, 10_000],
    ['never further back than the bound', 10_000, 10_000 - MAX_BACKDATE_MS - 1, 0, 10_000],
    ['not a number: arrival', 10_000, Number.NaN, 0, 10_000],
  ])('%s', (_name, arrival, lastAccessed, lastSeen, expected) => {
    expect(eventTime(arrival, lastAccessed, lastSeen, MAX_BACKDATE_MS)).toBe(expected);
  });

  it.each<[string, number | undefined, number | null, number]>([
    ['no tracker state yet: any plausible instant since 0', T0 - 1_200, null, T0 - 1_200],
    ['1.2 s late, after the last sighting', T0 - 1_200, T0 - 30 * SEC, T0 - 1_200],
    ['exactly the bound back', T0 - MAX_BACKDATE_MS, T0 - 30 * SEC, T0 - MAX_BACKDATE_MS],
    ['one ms beyond the bound: arrival', T0 - MAX_BACKDATE_MS - 1, T0 - 30 * SEC, T0],
    ['before the last sighting: arrival', T0 - 1_200, T0 - 1_000, T0],
    ['no browser timestamp: arrival', undefined, T0 - 30 * SEC, T0],
  ])('heardLate: %s', (_name, browserTime, lastSeen, expected) => {
    const state: TrackerState | null = lastSeen === null ? null : { ...initialState(lastSeen), lastSeen };
    expect(heardLate(T0, browserTime, state)).toBe(expected);
  });
});

describe('commit time', () => {
  const commit: Commit = { page: { host: 'app.slack.com', path: '/client/*/*' }, at: 1234 };
  it.each<[string, Commit | undefined, { host: string; path: string } | null, number | undefined]>([
    ['the last commit was to this page', commit, { host: 'app.slack.com', path: '/client/*/*' }, 1234],
    ['same host, another path shape', commit, { host: 'app.slack.com', path: '/admin' }, undefined],
    ['another host', commit, { host: 'docs.google.com', path: '/client/*/*' }, undefined],
    ['no commit heard for the tab', undefined, { host: 'app.slack.com', path: '/client/*/*' }, undefined],
    ['the tab shows no web page', commit, null, undefined],
    [
      'the commit was to a non-web page',
      { page: null, at: 1234 },
      { host: 'app.slack.com', path: '/client/*/*' },
      undefined,
    ],
  ])('%s', (_name, c, page, expected) => {
    expect(commitTime(c, page)).toBe(expected);
  });
});

describe('snapshot time (a worker start re-reading the browser)', () => {
  const lastSeen = T0;
  const arrival = T0 + 25 * SEC;
  const docsOpen: TrackerState = {
    ...initialState(T0 - 60 * SEC),
    lastSeen,
    focus: { start: T0 - 60 * SEC, host: 'docs.google.com', path: '/document/d/*/edit' },
  };
  const docs = tab(10, 'docs.google.com', { path: '/document/d/*/edit' });
  const slack = tab(11, 'app.slack.com', { path: '/client/*/*' });

  it.each<
    [string, TrackerState | null, ReturnType<typeof tab> | null, { lastAccessed?: number; committed?: number }, number]
  >([
    ['the same page is still in front: arrival', docsOpen, docs, { lastAccessed: T0 + 5 * SEC }, arrival],
    [
      'a switch nobody heard of: when Chrome made the tab active',
      docsOpen,
      slack,
      { lastAccessed: T0 + 5 * SEC },
      T0 + 5 * SEC,
    ],
    ['a navigation nobody heard of: its commit time', docsOpen, slack, { committed: T0 + 7 * SEC }, T0 + 7 * SEC],
    [
      'both known: the later one',
      docsOpen,
      slack,
      { lastAccessed: T0 + 5 * SEC, committed: T0 + 7 * SEC },
      T0 + 7 * SEC,
    ],
    ['no browser timestamp: arrival', docsOpen, slack, {}, arrival],
    ['a timestamp before the last sighting: arrival', docsOpen, slack, { lastAccessed: T0 - SEC }, arrival],
    [
      'a timestamp beyond the gap window: arrival',
      { ...docsOpen, lastSeen: arrival - GAP_MS - 2 * SEC },
      slack,
      { lastAccessed: arrival - GAP_MS - SEC },
      arrival,
    ],
    ['nothing was open: arrival', { ...docsOpen, focus: null }, slack, { lastAccessed: T0 + 5 * SEC }, arrival],
    ['no state yet (first start): arrival', null, slack, { lastAccessed: T0 + 5 * SEC }, arrival],
    ['no tab in front now: arrival', docsOpen, null, { lastAccessed: T0 + 5 * SEC }, arrival],
    ['the tab in front shows no web page: arrival', docsOpen, tab(12, null), { lastAccessed: T0 + 5 * SEC }, arrival],
  ])('%s', (_name, state, active, times, expected) => {
    expect(snapshotTime(arrival, state, active, times, GAP_MS)).toBe(expected);
  });
});

describe('pause end', () => {
  it.each<[number | null, number]>([
    [30, T0 + 30 * 60 * SEC],
    [0, T0],
    [null, PAUSE_FOREVER],
  ])('%s minutes', (minutes, expected) => {
    expect(pauseEnd(T0, minutes)).toBe(expected);
  });
});
