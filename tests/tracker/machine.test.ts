import { describe, expect, it } from 'vitest';
import { closeAll, step, type TrackerEvent } from '@/lib/tracker/machine';
import { initialState, PAUSE_FOREVER } from '@/lib/tracker/state';
import { clipAgainstStored } from '@/lib/tracker/writes';
import { config, MIN, run, SEC, secondsBy, snapshot, T0, tab } from './helpers';

const docs = tab(1, 'docs.google.com', { path: '/document/d/*/edit' });
const slack = tab(2, 'app.slack.com', { path: '/client/*/*' });
const meet = tab(3, 'meet.google.com', { path: '/*' });
const other = tab(9, 'asana.com', { windowId: 2 });

function heartbeats(from: number, to: number, every = 30 * SEC): Array<[number, TrackerEvent]> {
  const out: Array<[number, TrackerEvent]> = [];
  for (let t = from; t <= to; t += every) out.push([t, { type: 'heartbeat' }]);
  return out;
}

/** Close whatever is still open at `offset` and return seconds per lane:host. */
function totals(events: Array<[number, TrackerEvent]>, endOffset: number) {
  const r = run(events);
  const end = closeAll(r.state, T0 + endOffset, config);
  return secondsBy([...r.segments, ...end.closed]);
}

describe('tracker rules (table)', () => {
  it.each<[string, Array<[number, TrackerEvent]>, number, Record<string, number>]>([
    [
      'counts the active tab of the focused window',
      [[0, snapshot(docs)], ...heartbeats(30 * SEC, 60 * SEC)],
      60 * SEC,
      { 'focus:docs.google.com': 60 },
    ],
    [
      'switching tabs closes at the switch instant',
      [
        [0, snapshot(docs)],
        [25 * SEC, { type: 'activated', tab: slack }],
        [40 * SEC, { type: 'activated', tab: docs }],
      ],
      60 * SEC,
      { 'focus:docs.google.com': 45, 'focus:app.slack.com': 15 },
    ],
    [
      'a URL change in the active tab starts a new segment',
      [
        [0, snapshot(docs)],
        [10 * SEC, { type: 'updated', tab: tab(1, 'figma.com', { path: '/design/*/*' }), audible: false }],
      ],
      30 * SEC,
      { 'focus:docs.google.com': 10, 'focus:figma.com': 20 },
    ],
    [
      'a tab activated in a background window changes nothing',
      [
        [0, snapshot(docs)],
        [10 * SEC, { type: 'activated', tab: other }],
      ],
      30 * SEC,
      { 'focus:docs.google.com': 30 },
    ],
    [
      'focus leaving the browser stops counting; coming back resumes',
      [
        [0, snapshot(docs)],
        [20 * SEC, { type: 'focus', windowId: null, activeTab: null }],
        [50 * SEC, { type: 'focus', windowId: 1, activeTab: docs }],
      ],
      60 * SEC,
      { 'focus:docs.google.com': 30 },
    ],
    [
      'switching to another window counts that window only (no double counting)',
      [
        [0, snapshot(docs)],
        [20 * SEC, { type: 'focus', windowId: 2, activeTab: other }],
      ],
      60 * SEC,
      { 'focus:docs.google.com': 20, 'focus:asana.com': 40 },
    ],
    [
      'idle ends the segment at the last input, not at detection',
      [[0, snapshot(docs)], ...heartbeats(30 * SEC, 600 * SEC), [600 * SEC, { type: 'idle', state: 'idle' }]],
      700 * SEC,
      { 'focus:docs.google.com': 600 - 180 },
    ],
    [
      'idle noticed by the heartbeat (missed idle event) also cuts back',
      [[0, snapshot(docs)], ...heartbeats(30 * SEC, 570 * SEC), [600 * SEC, { type: 'heartbeat', idle: 'idle' }]],
      700 * SEC,
      { 'focus:docs.google.com': 600 - 180 },
    ],
    [
      'coming back from idle starts counting again at that instant',
      [
        [0, snapshot(docs)],
        [60 * SEC, { type: 'idle', state: 'idle' }],
        [80 * SEC, { type: 'idle', state: 'active' }],
      ],
      100 * SEC,
      { 'focus:docs.google.com': 20 },
    ],
    [
      'the idle cut-back never goes before the segment start',
      [
        [0, snapshot(docs)],
        ...heartbeats(30 * SEC, 90 * SEC),
        [100 * SEC, { type: 'activated', tab: slack }],
        ...heartbeats(130 * SEC, 190 * SEC),
        [200 * SEC, { type: 'idle', state: 'idle' }],
      ],
      300 * SEC,
      { 'focus:docs.google.com': 100 },
    ],
    [
      'locked ends at once',
      [
        [0, snapshot(docs)],
        [45 * SEC, { type: 'idle', state: 'locked' }],
      ],
      90 * SEC,
      { 'focus:docs.google.com': 45 },
    ],
    ['incognito is never tracked', [[0, snapshot(tab(1, 'docs.google.com', { incognito: true }))]], 60 * SEC, {}],
    ['excluded hosts are never tracked', [[0, snapshot(tab(1, 'bank.example'))]], 60 * SEC, {}],
    ['non-web pages are not tracked', [[0, snapshot(tab(1, null))]], 60 * SEC, {}],
    [
      'closing the active tab stops counting it',
      [
        [0, snapshot(docs)],
        [15 * SEC, { type: 'removed', tabId: 1 }],
      ],
      60 * SEC,
      { 'focus:docs.google.com': 15 },
    ],
    [
      'pause stops counting; resume starts again',
      [
        [0, snapshot(docs)],
        [10 * SEC, { type: 'pause', until: PAUSE_FOREVER }],
        [40 * SEC, { type: 'resume' }],
      ],
      60 * SEC,
      { 'focus:docs.google.com': 30 },
    ],
    [
      'a timed pause ends exactly at its end, even when noticed later',
      [[0, snapshot(docs)], [0, { type: 'pause', until: T0 + 30 * MIN }], ...heartbeats(30 * SEC, 31 * MIN)],
      31 * MIN,
      { 'focus:docs.google.com': 60 },
    ],
    [
      'an audible call counts in the call lane while another tab is in front',
      [[0, snapshot(docs, [meet])], ...heartbeats(30 * SEC, 120 * SEC)],
      120 * SEC,
      { 'focus:docs.google.com': 120, 'call:meet.google.com': 120 },
    ],
    [
      'a call keeps counting while the person is idle (no keyboard in a meeting)',
      [
        [0, snapshot(meet, [meet])],
        ...heartbeats(30 * SEC, 600 * SEC),
        [600 * SEC, { type: 'idle', state: 'idle' }],
        ...heartbeats(630 * SEC, 900 * SEC),
      ],
      900 * SEC,
      { 'focus:meet.google.com': 420, 'call:meet.google.com': 900 },
    ],
    [
      'a short silence inside a call is part of the call',
      [
        [0, snapshot(docs, [meet])],
        [60 * SEC, { type: 'updated', tab: meet, audible: false }],
        [70 * SEC, { type: 'updated', tab: meet, audible: true }],
        ...heartbeats(90 * SEC, 120 * SEC),
      ],
      120 * SEC,
      { 'focus:docs.google.com': 120, 'call:meet.google.com': 120 },
    ],
    [
      'a call that stays silent ends when the sound stopped',
      [
        [0, snapshot(docs, [meet])],
        [60 * SEC, { type: 'updated', tab: meet, audible: false }],
        ...heartbeats(90 * SEC, 180 * SEC),
      ],
      180 * SEC,
      { 'focus:docs.google.com': 180, 'call:meet.google.com': 60 },
    ],
    [
      'a call ends when its tab leaves the meeting',
      [
        [0, snapshot(docs, [meet])],
        [50 * SEC, { type: 'updated', tab: tab(3, 'google.com'), audible: true }],
      ],
      60 * SEC,
      { 'focus:docs.google.com': 60, 'call:meet.google.com': 50 },
    ],
    [
      'a call ends when its tab is closed, even while silent',
      [
        [0, snapshot(docs, [meet])],
        [40 * SEC, { type: 'updated', tab: meet, audible: false }],
        [45 * SEC, { type: 'removed', tabId: 3 }],
      ],
      60 * SEC,
      { 'focus:docs.google.com': 60, 'call:meet.google.com': 40 },
    ],
    [
      'audible tabs that are not meetings are not calls',
      [[0, snapshot(docs, [tab(4, 'youtube.com')])]],
      60 * SEC,
      { 'focus:docs.google.com': 60 },
    ],
    [
      'locking the screen ends a call',
      [
        [0, snapshot(docs, [meet])],
        [30 * SEC, { type: 'idle', state: 'locked' }],
      ],
      60 * SEC,
      { 'focus:docs.google.com': 30, 'call:meet.google.com': 30 },
    ],
    [
      'sleep: a gap longer than the window is never counted',
      [[0, snapshot(docs)], ...heartbeats(30 * SEC, 300 * SEC), [2 * 60 * MIN, { type: 'heartbeat' }]],
      2 * 60 * MIN + 60 * SEC,
      { 'focus:docs.google.com': 300 + 60 },
    ],
  ])('%s', (_name, events, end, expected) => {
    expect(totals(events, end)).toEqual(expected);
  });
});

describe('a new tab loading its first page', () => {
  const blank = { ...tab(5, null), loading: true };
  const loaded = tab(5, 'app.slack.com', { path: '/client/*/*' });
  it.each<[string, TrackerEvent, number, Record<string, number>]>([
    [
      'its load time goes to the page it loads',
      { type: 'activated', tab: blank },
      10 * SEC,
      { 'focus:docs.google.com': 10, 'focus:app.slack.com': 20 },
    ],
    [
      'a browser page (new-tab page, settings) is not loading: nothing is credited',
      { type: 'activated', tab: tab(5, null) },
      10 * SEC,
      { 'focus:docs.google.com': 10, 'focus:app.slack.com': 19.5 },
    ],
  ])('%s', (_name, activation, _at, expected) => {
    const events: Array<[number, TrackerEvent]> = [
      [0, snapshot(docs)],
      [10 * SEC, activation],
      [10.5 * SEC, { type: 'updated', tab: loaded, audible: false }],
    ];
    expect(totals(events, 30 * SEC)).toEqual(expected);
  });

  it('a blank tab found by a snapshot (worker start) is not credited: it did not just appear', () => {
    const events: Array<[number, TrackerEvent]> = [
      [0, snapshot(blank)],
      [2 * SEC, { type: 'updated', tab: loaded, audible: false }],
    ];
    expect(totals(events, 10 * SEC)).toEqual({ 'focus:app.slack.com': 8 });
  });

  it('a blank tab left for longer than LOAD_CREDIT_MS is credited from its page only', () => {
    const events: Array<[number, TrackerEvent]> = [
      [0, snapshot(docs)],
      [10 * SEC, { type: 'activated', tab: blank }],
      ...heartbeats(30 * SEC, 60 * SEC),
      [70 * SEC, { type: 'updated', tab: loaded, audible: false }],
    ];
    expect(totals(events, 80 * SEC)).toEqual({ 'focus:docs.google.com': 10, 'focus:app.slack.com': 10 });
  });

  it('going idle or leaving the window while it loads credits nothing of the wait', () => {
    const events: Array<[number, TrackerEvent]> = [
      [0, snapshot(docs)],
      [10 * SEC, { type: 'activated', tab: blank }],
      [11 * SEC, { type: 'focus', windowId: null, activeTab: null }],
      [12 * SEC, { type: 'focus', windowId: 1, activeTab: blank }],
      [12.5 * SEC, { type: 'updated', tab: loaded, audible: false }],
    ];
    // The wait ended when focus left; coming back to the blank tab does not start a new one.
    expect(totals(events, 20 * SEC)).toEqual({ 'focus:docs.google.com': 10, 'focus:app.slack.com': 7.5 });
  });
});

describe('clock jumping backwards', () => {
  it('ends the open segment at the last good instant, tracks on at once, and storage clips the overlap', () => {
    const r = run([
      [0, snapshot(docs)],
      ...heartbeats(30 * SEC, 300 * SEC),
      [100 * SEC, { type: 'activated', tab: slack }],
      [130 * SEC, { type: 'heartbeat' }],
    ]);
    const end = closeAll(r.state, T0 + 160 * SEC, config);
    const raw = [...r.segments, ...end.closed];
    expect(secondsBy(raw)).toEqual({ 'focus:docs.google.com': 300, 'focus:app.slack.com': 60 });
    // Written as storage writes them: the slack time lies in the span docs already holds, so it is dropped.
    const stored = clipAgainstStored(raw, [], end.state.clipUntil ?? r.state.clipUntil);
    expect(secondsBy(stored.segments)).toEqual({ 'focus:docs.google.com': 300 });
    expect(stored.droppedMs).toBe(60 * SEC);
  });
});

describe('service worker restarts and crashes', () => {
  it('a worker restart (state restored from the checkpoint, fresh snapshot) loses nothing and splits nothing', () => {
    const before = run([[0, snapshot(docs)], ...heartbeats(30 * SEC, 60 * SEC)]);
    // The worker was stopped; 20 s later an event wakes it: it restores the checkpoint and re-reads the browser.
    const restored = structuredClone(before.state);
    const after = step(restored, snapshot(docs), T0 + 80 * SEC, config);
    expect(after.closed).toEqual([]);
    expect(after.state.focus?.start).toBe(T0);
    expect(secondsBy(closeAll(after.state, T0 + 120 * SEC, config).closed)).toEqual({ 'focus:docs.google.com': 120 });
  });

  it('a browser crash loses at most one heartbeat period', () => {
    const before = run([[0, snapshot(docs)], ...heartbeats(30 * SEC, 600 * SEC)]);
    // Crash at 625 s; the browser comes back an hour later.
    const after = step(before.state, snapshot(docs), T0 + 625 * SEC + 60 * MIN, config);
    const recorded = secondsBy(after.closed)['focus:docs.google.com']!;
    expect(recorded).toBe(600);
    expect(625 - recorded).toBeLessThanOrEqual(30);
  });

  it('the state is plain data that survives structured cloning (IndexedDB)', () => {
    const r = run([
      [0, snapshot(docs, [meet])],
      [10 * SEC, { type: 'pause', until: T0 + MIN }],
    ]);
    expect(structuredClone(r.state)).toEqual(r.state);
    expect(JSON.parse(JSON.stringify(r.state))).toEqual(r.state);
  });

  it('never mutates its input state', () => {
    const s0 = run([[0, snapshot(docs, [meet])]]).state;
    const frozen = structuredClone(s0);
    step(s0, { type: 'activated', tab: slack }, T0 + 5 * SEC, config);
    step(s0, { type: 'idle', state: 'locked' }, T0 + 6 * SEC, config);
    expect(s0).toEqual(frozen);
  });
});

describe('days', () => {
  it('splits a segment that crosses local midnight (Europe/Berlin)', () => {
    const start = new Date(2026, 10, 24, 23, 50).getTime();
    let s = step(initialState(start), snapshot(docs), start, config).state;
    for (let t = start + 30 * SEC; t <= start + 20 * MIN; t += 30 * SEC)
      s = step(s, { type: 'heartbeat' }, t, config).state;
    const closed = closeAll(s, start + 20 * MIN, config).closed;
    expect(closed.map((c) => [c.day, (c.end - c.start) / MIN])).toEqual([
      ['2026-11-24', 10],
      ['2026-11-25', 10],
    ]);
  });

  it('a segment across the autumn DST change keeps its real length (25-hour day)', () => {
    // 2026-10-25 03:00 CEST → 02:00 CET in Berlin. 01:30 local to 03:30 local is 3 real hours.
    const start = new Date(2026, 9, 25, 1, 30).getTime();
    let s = step(initialState(start), snapshot(docs), start, config).state;
    for (let t = start + 30 * SEC; t <= start + 3 * 60 * MIN; t += 30 * SEC)
      s = step(s, { type: 'heartbeat' }, t, config).state;
    const closed = closeAll(s, start + 3 * 60 * MIN, config).closed;
    expect(closed).toHaveLength(1);
    expect(closed[0]!.day).toBe('2026-10-25');
    expect((closed[0]!.end - closed[0]!.start) / MIN).toBe(180);
  });
});

describe('initial state', () => {
  it('starts with nothing open', () => {
    const s = initialState(T0);
    expect(s.focus).toBeNull();
    expect(s.call).toBeNull();
    expect(s.pausedUntil).toBeNull();
  });
});
