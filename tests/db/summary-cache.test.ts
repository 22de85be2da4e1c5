import { describe, expect, it } from 'vitest';
import type { DaySummary } from '@/lib/report/types';
import { clipKey, fingerprintOf, fingerprintOfCount, SummaryCache } from '@/lib/db/read/summary-cache';

const day = (d: string): DaySummary => ({ version: 1, day: d, start: 0, entries: [], clippedTo: null, until: 0 });

describe('summary cache', () => {
  const W = { week: '2025-03-03', start: 100, end: 200 };

  it('returns a finished week while its segment keys are unchanged', () => {
    const c = new SummaryCache();
    const fp = fingerprintOf([1, 2, 3]);
    c.set(W.week, W.start, W.end, 500, fp, 'all', [day('2025-03-03')]);
    expect(c.get(W.week, fingerprintOf([3, 2, 1]), 'all')).toHaveLength(1);
  });

  it('misses when a segment was added, deleted or replaced', () => {
    const c = new SummaryCache();
    c.set(W.week, W.start, W.end, 500, fingerprintOf([1, 2, 3]), 'all', []);
    expect(c.get(W.week, fingerprintOf([1, 2, 3, 4]), 'all')).toBeNull();
    expect(c.get(W.week, fingerprintOf([1, 2]), 'all')).toBeNull();
    expect(c.get(W.week, fingerprintOf([1, 2, 7]), 'all')).toBeNull();
  });

  it('tells counts apart', () => {
    expect(fingerprintOfCount(3)).not.toBe(fingerprintOfCount(4));
    expect(fingerprintOf([1, 2])).not.toBe(fingerprintOf([1, 3]));
  });

  it('misses when working-hours clipping changes', () => {
    const c = new SummaryCache();
    c.set(W.week, W.start, W.end, 500, fingerprintOf([1]), 'all', []);
    const clip = clipKey({ countOnlyInside: true, days: [1, 2], startMinute: 540, endMinute: 1020 });
    expect(clip).not.toBe('all');
    expect(c.get(W.week, fingerprintOf([1]), clip)).toBeNull();
  });

  it('never stores a week that is not over', () => {
    const c = new SummaryCache();
    c.set(W.week, W.start, W.end, 150, fingerprintOf([1]), 'all', []);
    expect(c.size).toBe(0);
  });

  it('forgets the week of an overridden segment', () => {
    const c = new SummaryCache();
    c.set(W.week, W.start, W.end, 500, fingerprintOf([1]), 'all', []);
    c.set('2025-03-10', 200, 300, 500, fingerprintOf([2]), 'all', []);
    c.invalidateAt(150);
    expect(c.get(W.week, fingerprintOf([1]), 'all')).toBeNull();
    expect(c.get('2025-03-10', fingerprintOf([2]), 'all')).not.toBeNull();
  });

  it('evicts the least recently used week beyond its capacity', () => {
    const c = new SummaryCache(2);
    c.set('a', 0, 1, 9, fingerprintOf([1]), 'all', []);
    c.set('b', 1, 2, 9, fingerprintOf([1]), 'all', []);
    c.get('a', fingerprintOf([1]), 'all');
    c.set('c', 2, 3, 9, fingerprintOf([1]), 'all', []);
    expect(c.get('b', fingerprintOf([1]), 'all')).toBeNull();
    expect(c.get('a', fingerprintOf([1]), 'all')).not.toBeNull();
  });
});
