import { describe, expect, it } from 'vitest';
import { badgeView } from '@/lib/browser/badge';
import { initialState, PAUSE_FOREVER } from '@/lib/tracker/state';

const NOW = Date.UTC(2026, 10, 24, 9);

describe('badge', () => {
  it.each([
    ['tracking', initialState(NOW), null, ''],
    ['paused for 30 min', { ...initialState(NOW), pausedUntil: NOW + 30 * 60_000 }, null, 'off'],
    ['paused until resumed', { ...initialState(NOW), pausedUntil: PAUSE_FOREVER }, null, 'off'],
    ['pause already over', { ...initialState(NOW), pausedUntil: NOW - 1 }, null, ''],
    ['database error wins', { ...initialState(NOW), pausedUntil: PAUSE_FOREVER }, 'quota', '!'],
  ])('%s', (_name, state, error, text) => {
    const view = badgeView(state, error, NOW);
    expect(view.text).toBe(text);
    expect(view.title).toMatch(/^Creative Ratio/);
  });

  it('says when a timed pause ends and that an error is being retried', () => {
    expect(badgeView({ ...initialState(NOW), pausedUntil: PAUSE_FOREVER }, null, NOW).title).toMatch(
      /until you resume/,
    );
    expect(badgeView(initialState(NOW), 'Could not save tracked time', NOW).title).toMatch(/Could not save/);
  });
});
