// @vitest-environment happy-dom
/**
 * The dashboard's day list of meetings (useDayMeetings) never shows another day's meetings: after a
 * switch of day it is empty until the new day's meetings are read (issue #15: the held answer of the
 * day before stayed on screen, and "I skipped this one" pressed in that moment skipped a meeting of
 * the wrong day). TZ=Europe/Berlin (vitest.config.ts).
 */
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useDayMeetings } from '@/components/data/meetings';
import { CreativeRatioDB } from '@/lib/db';
import { skipMeeting, type DayMeeting } from '@/lib/db/meetings';

const H = 3_600_000;
const TUE = new Date(2025, 2, 4).getTime();
const WED = new Date(2025, 2, 5).getTime();
const DAY = 24 * H;

let db: CreativeRatioDB;
beforeEach(async () => {
  db = new CreativeRatioDB(`day-meetings-${Math.random()}`);
  await db.open();
  // The same daily meeting, 10:00–11:00 on Tuesday and on Wednesday (same title, same time of day).
  await db.meetings.bulkAdd(
    [
      { day: TUE, occ: 'aaaaaaaaaaaaaaaa' },
      { day: WED, occ: 'bbbbbbbbbbbbbbbb' },
    ].map(({ day, occ }) => ({
      importId: 'import-1',
      start: day + 10 * H,
      end: day + 11 * H,
      occ,
      series: '1111111111111111',
      org: '2222222222222222',
      orgDomain: '3333333333333333',
      words: [],
      override: { class: 'coordination', kind: 'meetings' },
    })),
  );
});
afterEach(() => {
  cleanup();
  db.close();
});

interface Seen {
  from: number;
  value: { list: DayMeeting[]; legacy: boolean } | undefined;
}

function Probe({ from, seen }: { from: number; seen: Seen[] }) {
  seen.push({ from, value: useDayMeetings(db, from, from + DAY) });
  return null;
}

describe('useDayMeetings', () => {
  it('after a switch of day, holds no meeting of the day before (undefined until the new day is read)', async () => {
    const seen: Seen[] = [];
    const { rerender } = render(<Probe from={WED} seen={seen} />);
    await waitFor(() => expect(seen.at(-1)?.value?.list.map((m) => m.occ)).toEqual(['bbbbbbbbbbbbbbbb']));

    const switchedAt = seen.length;
    rerender(<Probe from={TUE} seen={seen} />);
    // The first render with Tuesday's range: nothing yet (it held Wednesday's meeting before the fix).
    expect(seen[switchedAt]!.from).toBe(TUE);
    expect(seen[switchedAt]!.value).toBeUndefined();
    await waitFor(() => expect(seen.at(-1)?.value?.list.map((m) => m.occ)).toEqual(['aaaaaaaaaaaaaaaa']));
    // No render ever paired a range with meetings outside it.
    for (const { from, value } of seen)
      for (const m of value?.list ?? []) {
        expect(m.start).toBeGreaterThanOrEqual(from);
        expect(m.start).toBeLessThan(from + DAY);
      }

    // Still live for the shown day: a skip shows at once.
    await act(() => skipMeeting(db, 'aaaaaaaaaaaaaaaa', TUE + 12 * H));
    await waitFor(() => expect(seen.at(-1)?.value?.list[0]?.skipped).toBe(true));
    // Back to a day read before: its answer comes again, never Tuesday's.
    const backAt = seen.length;
    rerender(<Probe from={WED} seen={seen} />);
    expect(seen[backAt]!.value?.list.map((m) => m.occ) ?? []).not.toContain('aaaaaaaaaaaaaaaa');
    await waitFor(() => expect(seen.at(-1)?.value?.list.map((m) => m.occ)).toEqual(['bbbbbbbbbbbbbbbb']));
  });
});
