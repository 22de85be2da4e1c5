// @vitest-environment happy-dom
// useLive (components/data/live.ts): a live query that never answers with a result read for other
// inputs — dexie-react-hooks' useLiveQuery keeps the previous inputs' answer until the new one is read.
import 'fake-indexeddb/auto';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLiveQuery } from 'dexie-react-hooks';
import { CreativeRatioDB } from '@/lib/db';
import { sameInputs, useLive } from '@/components/data/live';

let db: CreativeRatioDB;
beforeEach(async () => {
  db = new CreativeRatioDB(`use-live-${Math.random()}`);
  await db.open();
  await db.reviews.bulkPut([
    { week: 'A', note: 'note of A', updatedAt: 1 },
    { week: 'B', note: 'note of B', updatedAt: 1 },
  ]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const noteOf = (week: string) => db.reviews.get(week).then((r) => r?.note);

describe('sameInputs', () => {
  it.each([
    [[1, 'a'], [1, 'a'], true],
    [[1, 'a'], [1, 'b'], false],
    [[1], [1, 2], false],
    [[NaN], [NaN], true],
    [[0], [-0], false],
    [[], [], true],
  ])('%j vs %j → %s', (a, b, same) => {
    expect(sameInputs(a, b)).toBe(same);
  });
});

describe('useLive', () => {
  it('answers, follows writes, and is undefined (not the old answer) right after its inputs change', async () => {
    const { result, rerender } = renderHook(({ week }) => useLive(() => noteOf(week), [week]), {
      initialProps: { week: 'A' },
    });
    await waitFor(() => expect(result.current).toBe('note of A'));
    await act(() => db.reviews.put({ week: 'A', note: 'changed', updatedAt: 2 }));
    await waitFor(() => expect(result.current).toBe('changed'));
    rerender({ week: 'B' });
    // The first render for B: useLiveQuery still holds A's answer; useLive does not pass it on.
    expect(result.current).toBeUndefined();
    await waitFor(() => expect(result.current).toBe('note of B'));
  });

  it('is the behaviour it guards against: useLiveQuery itself hands back the previous inputs’ answer', async () => {
    const { result, rerender } = renderHook(({ week }) => useLiveQuery(() => noteOf(week), [week]), {
      initialProps: { week: 'A' },
    });
    await waitFor(() => expect(result.current).toBe('note of A'));
    rerender({ week: 'B' });
    expect(result.current).toBe('note of A');
    await waitFor(() => expect(result.current).toBe('note of B'));
  });

  it('keeps the same object between renders while nothing changed', async () => {
    const { result, rerender } = renderHook(() => useLive(() => db.reviews.toArray(), [db]));
    await waitFor(() => expect(result.current).toHaveLength(2));
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });
});
