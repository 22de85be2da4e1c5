/**
 * Clock faults: a wrong clock reading must never stop tracking (issue: one heartbeat a year ahead
 * recorded 1 of 480 minutes), what is recorded after a backward jump never overlaps stored time, and
 * the person is told.
 */
import { describe, expect, it } from 'vitest';
import type { Segment } from '@/lib/model';
import { badgeView } from '@/lib/browser/badge';
import { CLOCK_STEP_MS, closeAll, step, type TrackerEvent } from '@/lib/tracker/machine';
import { describeClockFault, formatJump } from '@/lib/tracker/clock-notice';
import { initialState, PAUSE_FOREVER, type TrackerState } from '@/lib/tracker/state';
import { capPending, clipAgainstStored, MAX_PENDING } from '@/lib/tracker/writes';
import { config, MIN, SEC, secondsBy, snapshot, T0, tab } from './helpers';

const YEAR = 365 * 24 * 60 * MIN;
const docs = tab(1, 'docs.google.com', { path: '/document/d/*/edit' });
const slack = tab(2, 'app.slack.com', { path: '/client/*/*' });

/** Feed absolute-time events; segments are written the way storage does (clipped after a jump back). */
function feed(events: Array<[number, TrackerEvent]>, start: TrackerState = initialState(events[0]![0])) {
  let state = start;
  const stored: Segment[] = [];
  const write = (closed: Segment[], s: TrackerState) =>
    stored.push(...clipAgainstStored(closed, stored, s.clipUntil).segments);
  for (const [at, event] of events) {
    const r = step(state, event, at, config);
    state = r.state;
    write(r.closed, state);
  }
  return { state, stored, write };
}

function workday(from: number, hours: number): Array<[number, TrackerEvent]> {
  const out: Array<[number, TrackerEvent]> = [];
  for (let t = from; t <= from + hours * 60 * MIN; t += 30 * SEC) {
    // A switch every 10 minutes, heartbeats in between.
    const minute = (t - from) / MIN;
    if (minute > 0 && minute % 10 === 0) out.push([t, { type: 'activated', tab: minute % 20 === 0 ? docs : slack }]);
    else out.push([t, { type: 'heartbeat' }]);
  }
  return out;
}

describe('one clock reading a year ahead (the issue scenario)', () => {
  const events: Array<[number, TrackerEvent]> = [
    [T0, snapshot(docs)],
    [T0 + 30 * SEC, { type: 'heartbeat' }],
    [T0 + 60 * SEC + YEAR, { type: 'heartbeat' }], // the bad reading: laptop wakes with a wrong RTC
    ...workday(T0 + 90 * SEC, 8), // the clock is corrected; 8 hours of normal work follow
  ];

  it('records the 8 hours of work (≈ 480 min), not 1 minute', () => {
    const { state, stored, write } = feed(events);
    const end = T0 + 90 * SEC + 8 * 60 * MIN;
    write(closeAll(state, end, config).closed, state);
    const minutes = Object.values(secondsBy(stored)).reduce((a, b) => a + b, 0) / 60;
    expect(minutes).toBeGreaterThanOrEqual(480);
    expect(minutes).toBeLessThanOrEqual(482); // 30 s before the bad reading + 8 h; the bad stretch is not counted
    expect(stored.every((s) => s.end > s.start && s.end <= end)).toBe(true);
  });

  it('remembers the fault: how far the clock jumped and what was not counted', () => {
    const { state } = feed(events.slice(0, 4));
    expect(state.lastSeen).toBe(T0 + 90 * SEC); // no poisoned future instant is kept
    expect(state.clockFault).toMatchObject({
      noticedAt: T0 + 90 * SEC,
      uncountedFrom: T0 + 30 * SEC,
      uncountedTo: T0 + 90 * SEC,
      overlapUntil: null,
    });
    expect(state.clockFault!.jumpMs).toBeLessThan(-YEAR + MIN);
    const text = describeClockFault(state.clockFault!, (t) => new Date(t).toISOString().slice(11, 16));
    expect(text).toMatch(/jumped back by 365 days/);
    expect(text).toMatch(/1 min from 09:00 to 09:01 was not counted/);
  });

  it('a checkpoint restored with a future lastSeen records again at the first event', () => {
    const poisoned: TrackerState = {
      ...initialState(T0 + YEAR),
      focus: { start: T0 + YEAR, host: 'docs.google.com', path: '' },
    };
    const r = step(poisoned, snapshot(docs), T0, config);
    expect(r.closed).toEqual([]); // the open segment began on the bad clock and had no length
    expect(r.state.focus?.start).toBe(T0);
    expect(r.state.lastSeen).toBe(T0);
    const later = feed(workday(T0 + 30 * SEC, 0.1).slice(0, -1), r.state);
    expect(later.state.focus?.start).toBe(T0);
    expect(secondsBy(closeAll(later.state, T0 + 6 * MIN, config).closed)).toEqual({ 'focus:docs.google.com': 360 });
  });
});

describe('backward jumps', () => {
  it('a step back of less than CLOCK_STEP_MS stands still (NTP): nothing is split or lost', () => {
    const { state, stored } = feed([
      [T0, snapshot(docs)],
      [T0 + 60 * SEC, { type: 'heartbeat' }],
      [T0 + 60 * SEC - (CLOCK_STEP_MS - 1000), { type: 'heartbeat' }],
      [T0 + 90 * SEC, { type: 'heartbeat' }],
    ]);
    expect(stored).toEqual([]);
    expect(state.focus?.start).toBe(T0);
    expect(state.clockFault ?? null).toBeNull();
  });

  it('a jump back of an hour ends the segment at the last good instant, restarts at once, and never overlaps stored time', () => {
    const { state, stored, write } = feed([
      [T0, snapshot(docs)],
      ...Array.from({ length: 4 }, (_, i): [number, TrackerEvent] => [T0 + (i + 1) * 30 * SEC, { type: 'heartbeat' }]),
      [T0 + 120 * SEC - 60 * MIN, { type: 'heartbeat' }], // the clock goes back an hour
      [T0 + 150 * SEC - 60 * MIN, { type: 'activated', tab: slack }],
    ]);
    expect(stored.map((x) => [x.host, x.start - T0, x.end - T0])).toEqual([
      ['docs.google.com', 0, 120 * SEC], // ends at the last good instant
      ['docs.google.com', 120 * SEC - 60 * MIN, 150 * SEC - 60 * MIN], // and goes on at once on the new clock
    ]);
    expect(state.focus).toMatchObject({ host: 'app.slack.com', start: T0 + 150 * SEC - 60 * MIN }); // tracking goes on
    expect(state.clockFault).toMatchObject({ jumpMs: -60 * MIN, overlapUntil: T0 + 120 * SEC });
    // An hour later on the new clock the slack segment reaches into the stored docs time: that part is dropped.
    const end = T0 + 180 * SEC;
    let s = state;
    for (let t = T0 + 180 * SEC - 60 * MIN; t <= end; t += 30 * SEC) {
      const r = step(s, { type: 'heartbeat' }, t, config);
      s = r.state;
      write(r.closed, s);
    }
    write(closeAll(s, end, config).closed, s);
    const slackRows = stored.filter((x) => x.host === 'app.slack.com');
    expect(slackRows.map((x) => [x.start - T0, x.end - T0])).toEqual([
      [150 * SEC - 60 * MIN, 0],
      [120 * SEC, 180 * SEC],
    ]);
    // Once the clock is past the old lastSeen and the open segment starts after it, nothing is left to clip.
    const after = step(
      step(s, { type: 'activated', tab: docs }, end + 10 * SEC, config).state,
      { type: 'heartbeat' },
      end + 20 * SEC,
      config,
    );
    expect(after.state.clipUntil ?? null).toBeNull();
  });

  it('a timed pause keeps the time it had left across a jump back', () => {
    const { state } = feed([
      [T0, snapshot(docs)],
      [T0 + 10 * SEC, { type: 'pause', until: T0 + 30 * MIN + 10 * SEC }],
      [T0 + 10 * SEC - 2 * 60 * MIN, { type: 'heartbeat' }],
    ]);
    expect(state.pausedUntil).toBe(T0 + 10 * SEC - 2 * 60 * MIN + 30 * MIN);
  });

  it('pause until resumed stays paused', () => {
    const { state } = feed([
      [T0, snapshot(docs)],
      [T0 + 10 * SEC, { type: 'pause', until: PAUSE_FOREVER }],
      [T0 - 60 * MIN, { type: 'heartbeat' }],
    ]);
    expect(state.pausedUntil).toBe(PAUSE_FOREVER);
    expect(state.focus).toBeNull();
  });
});

describe('"Delete all data" (restart) and browser start', () => {
  it('restart forgets the clock history and a poisoned lastSeen', () => {
    const { state } = feed([
      [T0, snapshot(docs)],
      [T0 + 30 * SEC - 60 * MIN, { type: 'heartbeat' }],
    ]);
    expect(state.clockFault).not.toBeNull();
    const r = step(state, { type: 'restart' }, T0 + 40 * SEC - 60 * MIN, config);
    expect(r.state).toMatchObject({
      clockFault: null,
      clipUntil: null,
      lastGap: null,
      lastSeen: T0 + 40 * SEC - 60 * MIN,
    });
    expect(r.state.focus?.start).toBe(T0 + 40 * SEC - 60 * MIN);
  });

  it('a browser start ends the open segment at lastSeen even within the gap window', () => {
    const { state } = feed([
      [T0, snapshot(docs)],
      [T0 + 30 * SEC, { type: 'heartbeat' }],
    ]);
    // Killed at 45 s, relaunched at 70 s (within the 90 s gap window).
    const r = step(state, { type: 'browser-start' }, T0 + 70 * SEC, config);
    expect(secondsBy(r.closed)).toEqual({ 'focus:docs.google.com': 30 });
    const s = step(r.state, snapshot(docs), T0 + 71 * SEC, config).state;
    expect(s.focus?.start).toBe(T0 + 71 * SEC);
  });
});

describe('clipAgainstStored', () => {
  const seg = (start: number, end: number, lane: 'focus' | 'call' = 'focus'): Segment => ({
    start,
    end,
    lane,
    host: 'h',
    path: '',
    day: '2026-11-24',
    source: 'browser',
  });
  it.each<[string, Segment[], Segment[], number | null, Array<[number, number]>, number]>([
    ['nothing to clip without clipUntil', [seg(0, 10)], [seg(0, 10)], null, [[0, 10]], 0],
    ['segments after clipUntil are kept as they are', [seg(20, 30)], [seg(0, 25)], 15, [[20, 30]], 0],
    [
      'the overlap is dropped',
      [seg(0, 30)],
      [seg(10, 20)],
      40,
      [
        [0, 10],
        [20, 30],
      ],
      10,
    ],
    ['fully covered: dropped', [seg(10, 20)], [seg(0, 30)], 40, [], 10],
    ['other lanes do not clip', [seg(0, 30)], [seg(0, 30, 'call')], 40, [[0, 30]], 0],
    [
      'earlier segments of the same batch clip later ones',
      [seg(0, 20), seg(10, 30)],
      [],
      40,
      [
        [0, 20],
        [20, 30],
      ],
      10,
    ],
  ])('%s', (_name, segments, stored, clipUntil, pieces, dropped) => {
    const r = clipAgainstStored(segments, stored, clipUntil);
    expect(r.segments.map((s) => [s.start, s.end])).toEqual(pieces);
    expect(r.droppedMs).toBe(dropped);
  });
});

describe('capPending', () => {
  const seg = (i: number): Segment => ({
    start: i * 1000,
    end: i * 1000 + 500,
    lane: 'focus',
    host: 'h',
    path: '',
    day: 'd',
    source: 'browser',
  });
  it('keeps the newest MAX_PENDING and counts what was dropped', () => {
    const all = Array.from({ length: MAX_PENDING + 3 }, (_, i) => seg(i));
    const r = capPending(all);
    expect(r.kept).toHaveLength(MAX_PENDING);
    expect(r.kept[0]).toBe(all[3]);
    expect(r.lost).toEqual({ segments: 3, ms: 1500 });
    expect(capPending(all.slice(0, 5)).lost).toEqual({ segments: 0, ms: 0 });
  });
});

describe('what the person is told', () => {
  it.each([
    [-365 * 24 * 60 * MIN, '365 days'],
    [-(2 * 60 + 5) * MIN, '2 h 5 min'],
    [-4 * MIN, '4 min'],
    [-40 * SEC, '40 s'],
  ])('formatJump(%d) = %s', (ms, text) => expect(formatJump(ms)).toBe(text));

  it('the badge shows "clk" for an hour after a jump back, below errors and pause', () => {
    const { state } = feed([
      [T0, snapshot(docs)],
      [T0 - 60 * MIN, { type: 'heartbeat' }],
    ]);
    const at = T0 + 10 * SEC - 60 * MIN;
    expect(badgeView(state, null, at)).toMatchObject({ text: 'clk' });
    expect(badgeView(state, null, at).title).toMatch(/clock jumped back by 1 h/);
    expect(badgeView(state, 'quota', at).text).toBe('!');
    expect(badgeView({ ...state, pausedUntil: PAUSE_FOREVER }, null, at).text).toBe('off');
    expect(badgeView(state, null, at + 61 * MIN).text).toBe('');
  });
});
