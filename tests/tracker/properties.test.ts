import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from '@/lib/model';
import { CLOCK_STEP_MS, closeAll, step, type TrackerEvent } from '@/lib/tracker/machine';
import { clipAgainstStored } from '@/lib/tracker/writes';
import { initialState, PAUSE_FOREVER, type TabRef } from '@/lib/tracker/state';
import { dayKey } from '@/lib/time/days';
import { config, SEC, snapshot, T0, tab } from './helpers';

const hosts = [
  'docs.google.com',
  'app.slack.com',
  'meet.google.com',
  'app.zoom.us',
  'bank.example',
  'figma.com',
  null,
] as const;

const tabArb: fc.Arbitrary<TabRef> = fc
  .record({
    tabId: fc.integer({ min: 1, max: 6 }),
    windowId: fc.integer({ min: 1, max: 3 }),
    page: fc.constantFrom(...hosts).map((host) => (host === null ? null : { host, path: '' })),
    incognito: fc.boolean().map((b) => b && Math.random() < 0.2),
    loading: fc.boolean(),
  })
  .map((t) => (t.page === null && t.loading ? t : { ...t, loading: undefined }));

const idleArb = fc.constantFrom('active', 'idle', 'locked' as const);

const eventArb: fc.Arbitrary<TrackerEvent> = fc.oneof(
  tabArb.map((tab) => ({ type: 'activated' as const, tab })),
  fc.tuple(tabArb, fc.boolean()).map(([tab, audible]) => ({ type: 'updated' as const, tab, audible })),
  fc.integer({ min: 1, max: 6 }).map((tabId) => ({ type: 'removed' as const, tabId })),
  fc
    .tuple(fc.option(fc.integer({ min: 1, max: 3 })), fc.option(tabArb))
    .map(([windowId, activeTab]) => ({ type: 'focus' as const, windowId, activeTab })),
  idleArb.map((state) => ({ type: 'idle' as const, state })),
  fc.option(idleArb, { nil: undefined }).map((idle) => ({ type: 'heartbeat' as const, idle })),
  fc
    .integer({ min: 1, max: 3600 })
    .map((s) => ({ type: 'pause' as const, until: s === 3600 ? PAUSE_FOREVER : T0 + s * SEC })),
  fc.constant({ type: 'resume' as const }),
  fc
    .tuple(
      fc.option(fc.integer({ min: 1, max: 3 })),
      fc.option(tabArb),
      idleArb,
      fc.array(fc.tuple(tabArb, fc.boolean()), { maxLength: 5 }),
    )
    .map(([focusedWindowId, activeTab, idle, tabs]) => ({
      type: 'snapshot' as const,
      focusedWindowId,
      activeTab,
      idle,
      tabs: tabs.map(([t, audible]) => ({ ...t, audible })),
    })),
);

/** Real time passing between events: mostly small, sometimes a sleep-sized gap. */
const realDeltaArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 60 * SEC }) },
  { weight: 1, arbitrary: fc.integer({ min: 60 * SEC, max: 6 * 3600 * SEC }) },
);

const YEAR = 365 * 24 * 3600 * SEC;

/** How the computer's clock moves against real time at an event: not at all, a small step, or a jump of any size. */
const clockJumpArb = fc.oneof(
  { weight: 12, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: -CLOCK_STEP_MS, max: CLOCK_STEP_MS }) },
  { weight: 2, arbitrary: fc.integer({ min: -2 * 3600 * SEC, max: 2 * 3600 * SEC }) },
  { weight: 1, arbitrary: fc.integer({ min: -YEAR, max: YEAR }) },
);

/** What can happen to the tracker itself: nothing, a worker restart (checkpoint restored), a browser kill and relaunch. */
const lifeArb = fc.constantFrom(
  'none',
  'none',
  'none',
  'none',
  'none',
  'none',
  'worker-restart',
  'browser-restart' as const,
);

const stepArb = fc.record({ real: realDeltaArb, jump: clockJumpArb, life: lifeArb, event: eventArb });

function check(segments: Segment[], maxLaneMs: number) {
  for (const lane of ['focus', 'call'] as const) {
    const ss = segments.filter((s) => s.lane === lane).sort((a, b) => a.start - b.start);
    let total = 0;
    for (let i = 0; i < ss.length; i++) {
      const s = ss[i]!;
      expect(s.end).toBeGreaterThan(s.start);
      expect(s.day).toBe(dayKey(s.start));
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual(ss[i - 1]!.end);
      total += s.end - s.start;
      expect(s.host).not.toBe('bank.example');
    }
    expect(total).toBeLessThanOrEqual(maxLaneMs);
  }
}

/** Milliseconds of [from, to) covered by `segments` (which do not overlap each other). */
function covered(segments: readonly Segment[], from: number, to: number): number {
  return segments.reduce((sum, s) => sum + Math.max(0, Math.min(s.end, to) - Math.max(s.start, from)), 0);
}

describe('tracker invariants (fast-check)', () => {
  it('with clock jumps of any size both ways, worker restarts and browser kills: no overlap per lane, end > start, lane sum ≤ wall time, and once the clock settles time is recorded again within one heartbeat', () => {
    const HEARTBEAT = 30 * SEC;
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 20 }),
        (steps, settleMinutes) => {
          let real = T0;
          let offset = 0; // clock − real time
          let state = initialState(T0);
          const stored: Segment[] = [];
          // Time a lane may gain from the clock alone: forward steps too small to be told from real time.
          let unprovable = 0;
          const write = (closed: Segment[], clipUntil: number | null | undefined) => {
            stored.push(...clipAgainstStored(closed, stored, clipUntil).segments);
          };
          const apply = (event: TrackerEvent) => {
            const r = step(state, event, real + offset, config);
            state = r.state;
            write(r.closed, state.clipUntil);
          };
          for (const { real: dt, jump, life, event } of steps) {
            real += dt;
            offset += jump;
            if (jump > 0 && jump <= config.gapMs) unprovable += jump;
            if (life === 'worker-restart') state = structuredClone(state);
            if (life === 'browser-restart') apply({ type: 'browser-start' });
            apply(event);
          }
          // The clock settles; the person works in one tab with the heartbeat running.
          const settle = real + offset;
          apply({ type: 'resume' });
          const storedBefore = stored.slice();
          apply(snapshot(tab(1, 'docs.google.com')));
          for (let i = 1; i <= settleMinutes * 2; i++) {
            real += HEARTBEAT;
            apply({ type: 'heartbeat', idle: 'active' });
          }
          const end = real + offset;
          const last = closeAll(state, end, config);
          write(last.closed, last.state.clipUntil ?? state.clipUntil);

          check(stored, real - T0 + unprovable);
          // Recorded again within one heartbeat of settling, except where earlier time was already stored.
          const focus = stored.filter((s) => s.lane === 'focus');
          const earlier = storedBefore.filter((s) => s.lane === 'focus');
          const expected = end - settle - HEARTBEAT - covered(earlier, settle, end);
          expect(covered(focus, settle, end) - covered(earlier, settle, end)).toBeGreaterThanOrEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the focus lane never records an incognito or unfocused tab', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 * SEC }), eventArb), { maxLength: 40 }), (steps) => {
        let state = initialState(T0);
        let now = T0;
        for (const [delta, event] of steps) {
          now += delta;
          state = step(state, event, now, config).state;
          if (state.focus) {
            const tab = state.obs.activeTab;
            expect(tab).not.toBeNull();
            expect(tab!.incognito).toBe(false);
            expect(tab!.windowId).toBe(state.obs.focusedWindowId);
            expect(state.obs.idle).toBe('active');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
