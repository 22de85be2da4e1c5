import { describe, expect, it } from 'vitest';
import { initialState, PAUSE_FOREVER } from '@/lib/tracker/state';
import { openSegmentsOf, trackingView } from '@/lib/ui/tracking';

const fmt = { formatClock: (t: number) => new Date(t).toISOString().slice(11, 16), formatDate: () => 'Mon 3 Mar' };
const now = new Date(2025, 2, 3, 10, 0).getTime();

describe('tracking view', () => {
  it('says tracking when not paused', () => {
    expect(trackingView(initialState(now), null, now, fmt)).toMatchObject({
      state: 'tracking',
      label: 'Tracking',
      error: null,
    });
  });

  it('says until when paused for a while, and until resumed for ever', () => {
    const s = { ...initialState(now), pausedUntil: now + 30 * 60_000 };
    const v = trackingView(s, null, now, fmt);
    expect(v.state).toBe('paused');
    expect(v.label).toBe(`Paused until ${fmt.formatClock(now + 30 * 60_000)}`);
    const f = trackingView({ ...s, pausedUntil: PAUSE_FOREVER }, null, now, fmt);
    expect(f).toMatchObject({ state: 'paused', pausedForever: true, label: 'Paused until you resume' });
  });

  it('treats a pause that ran out as tracking', () => {
    expect(trackingView({ ...initialState(now), pausedUntil: now - 1 }, null, now, fmt).state).toBe('tracking');
  });

  it('passes the database error through with pending writes', () => {
    const v = trackingView(
      initialState(now),
      { error: 'QuotaExceededError', since: now - 60_000, pending: [{}, {}] },
      now,
      fmt,
    );
    expect(v.error).toEqual({ message: 'QuotaExceededError', since: now - 60_000, pending: 2 });
  });

  it('tells the person what was not counted: a clock jump back (for a day) and dropped writes (for a week)', () => {
    const fault = {
      noticedAt: now - 60_000,
      jumpMs: -2 * 3600_000,
      uncountedFrom: now - 60_000,
      uncountedTo: now - 60_000,
      overlapUntil: now + 3600_000,
      droppedMs: 5 * 60_000,
    };
    const v = trackingView({ ...initialState(now), clockFault: fault }, null, now, fmt);
    expect(v.notice).toMatch(/clock jumped back by 2 h/);
    expect(v.notice).toMatch(
      /Until the clock reaches .* again, time overlapping what was already recorded is not counted \(5 min so far\)/,
    );
    expect(trackingView({ ...initialState(now), clockFault: fault }, null, now + 25 * 3600_000, fmt).notice).toBeNull();
    const lost = trackingView(
      initialState(now),
      { error: null, since: null, lost: { segments: 3, ms: 90_000, at: now } },
      now,
      fmt,
    );
    expect(lost.notice).toMatch(/3 older stretches of time \(2 min\) could not be kept/);
    expect(trackingView(initialState(now), null, now, fmt).notice).toBeNull();
  });

  it('lists the open segments of both lanes', () => {
    const s = {
      ...initialState(now),
      focus: { start: 1, host: 'a.com', path: '' },
      call: { start: 2, host: 'meet.google.com', path: '/*', tabId: 1, quietSince: null },
    };
    expect(openSegmentsOf(s)).toEqual([
      { start: 1, host: 'a.com', path: '', lane: 'focus' },
      { start: 2, host: 'meet.google.com', path: '/*', lane: 'call' },
    ]);
    expect(openSegmentsOf(null)).toEqual([]);
  });
});
