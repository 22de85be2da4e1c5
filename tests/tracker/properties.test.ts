import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from '@/lib/model';
import { closeAll, step, type TrackerEvent } from '@/lib/tracker/machine';
import { initialState, PAUSE_FOREVER, type TabRef } from '@/lib/tracker/state';
import { dayKey } from '@/lib/time/days';
import { config, SEC, T0 } from './helpers';

const hosts = ['docs.google.com', 'app.slack.com', 'meet.google.com', 'app.zoom.us', 'bank.example', 'figma.com', null] as const;

const tabArb: fc.Arbitrary<TabRef> = fc.record({
  tabId: fc.integer({ min: 1, max: 6 }),
  windowId: fc.integer({ min: 1, max: 3 }),
  page: fc.constantFrom(...hosts).map((host) => (host === null ? null : { host, path: '' })),
  incognito: fc.boolean().map((b) => b && Math.random() < 0.2),
});

const idleArb = fc.constantFrom('active', 'idle', 'locked' as const);

const eventArb: fc.Arbitrary<TrackerEvent> = fc.oneof(
  tabArb.map((tab) => ({ type: 'activated' as const, tab })),
  fc.tuple(tabArb, fc.boolean()).map(([tab, audible]) => ({ type: 'updated' as const, tab, audible })),
  fc.integer({ min: 1, max: 6 }).map((tabId) => ({ type: 'removed' as const, tabId })),
  fc.tuple(fc.option(fc.integer({ min: 1, max: 3 })), fc.option(tabArb)).map(([windowId, activeTab]) => ({ type: 'focus' as const, windowId, activeTab })),
  idleArb.map((state) => ({ type: 'idle' as const, state })),
  fc.option(idleArb, { nil: undefined }).map((idle) => ({ type: 'heartbeat' as const, idle })),
  fc.integer({ min: 1, max: 3600 }).map((s) => ({ type: 'pause' as const, until: s === 3600 ? PAUSE_FOREVER : T0 + s * SEC })),
  fc.constant({ type: 'resume' as const }),
  fc.tuple(fc.option(fc.integer({ min: 1, max: 3 })), fc.option(tabArb), idleArb, fc.array(fc.tuple(tabArb, fc.boolean()), { maxLength: 5 })).map(
    ([focusedWindowId, activeTab, idle, tabs]) => ({
      type: 'snapshot' as const,
      focusedWindowId,
      activeTab,
      idle,
      tabs: tabs.map(([t, audible]) => ({ ...t, audible })),
    }),
  ),
);

/** Time steps: mostly small, sometimes a sleep-sized gap, sometimes the clock going backwards. */
const deltaArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 60 * SEC }) },
  { weight: 1, arbitrary: fc.integer({ min: 60 * SEC, max: 6 * 3600 * SEC }) },
  { weight: 1, arbitrary: fc.integer({ min: -3600 * SEC, max: -1 }) },
);

function check(segments: Segment[], wallMs: number) {
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
    expect(total).toBeLessThanOrEqual(wallMs);
  }
}

describe('tracker invariants (fast-check)', () => {
  it('segments never overlap within a lane, each has end > start, and each lane sums to at most the wall time', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(deltaArb, eventArb), { minLength: 1, maxLength: 60 }), (steps) => {
        let state = initialState(T0);
        let now = T0;
        let maxNow = T0;
        const segments: Segment[] = [];
        for (const [delta, event] of steps) {
          now += delta;
          maxNow = Math.max(maxNow, now);
          const r = step(state, event, now, config);
          state = r.state;
          segments.push(...r.closed);
        }
        const end = closeAll(state, now, config);
        segments.push(...end.closed);
        check(segments, maxNow - T0);
      }),
      { numRuns: 400 },
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
