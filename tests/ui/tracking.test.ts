import { describe, expect, it } from 'vitest';
import { initialState, PAUSE_FOREVER } from '@/lib/tracker/state';
import { openSegmentsOf, trackingView } from '@/lib/ui/tracking';

const fmt = { formatClock: (t: number) => new Date(t).toISOString().slice(11, 16), formatDate: () => 'Mon 3 Mar' };
const now = new Date(2025, 2, 3, 10, 0).getTime();

describe('tracking view', () => {
  it('says tracking when not paused', () => {
    expect(trackingView(initialState(now), null, now, fmt)).toMatchObject({ state: 'tracking', label: 'Tracking', error: null });
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
    const v = trackingView(initialState(now), { error: 'QuotaExceededError', since: now - 60_000, pending: [{}, {}] }, now, fmt);
    expect(v.error).toEqual({ message: 'QuotaExceededError', since: now - 60_000, pending: 2 });
  });

  it('lists the open segments of both lanes', () => {
    const s = { ...initialState(now), focus: { start: 1, host: 'a.com', path: '' }, call: { start: 2, host: 'meet.google.com', path: '/*', tabId: 1, quietSince: null } };
    expect(openSegmentsOf(s)).toEqual([
      { start: 1, host: 'a.com', path: '', lane: 'focus' },
      { start: 2, host: 'meet.google.com', path: '/*', lane: 'call' },
    ]);
    expect(openSegmentsOf(null)).toEqual([]);
  });
});
