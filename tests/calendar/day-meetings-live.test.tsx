// @vitest-environment happy-dom
/**
 * The dashboard's day list reads the day's meetings only once it is near the viewport
 * (entrypoints/dashboard/DayMeetingsLive.tsx inside components/DayTimeline.tsx): never during the
 * first draw or a week switch. TZ=Europe/Berlin (vitest.config.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { CreativeRatioDB } from '@/lib/db';
import { importCalendar } from '@/lib/db/calendar';
import { makeImportId } from '@/lib/calendar/import-id';
import { planFromText } from '@/lib/calendar/plan-import';
import { DayTimeline } from '@/components/DayTimeline';
import { DayMeetingsLive } from '@/entrypoints/dashboard/DayMeetingsLive';
import { calendar, options } from './helpers';

/** An IntersectionObserver that reports only when the test says the element came near. */
const observers: Array<(near: boolean) => void> = [];
class FakeObserver {
  constructor(private readonly cb: IntersectionObserverCallback) {
    observers.push((near) =>
      this.cb([{ isIntersecting: near } as IntersectionObserverEntry], this as unknown as IntersectionObserver),
    );
  }
  observe() {}
  disconnect() {}
  unobserve() {}
  takeRecords() {
    return [];
  }
}

let db: CreativeRatioDB;
beforeEach(async () => {
  observers.length = 0;
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  db = new CreativeRatioDB(`day-meetings-live-${Math.random()}`);
  await db.open();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  db.close();
});

const clock = (t: number) => new Date(t).toTimeString().slice(0, 5);
const DAY_START = new Date(2025, 2, 4).getTime();
const DAY_END = new Date(2025, 2, 5).getTime();

async function importSync(): Promise<void> {
  const text = calendar([
    'UID:weekly-sync@acme.com',
    'DTSTART:20250304T090000Z',
    'DTEND:20250304T100000Z',
    'SUMMARY:Team sync',
  ]);
  const importId = makeImportId('work.ics', 1_741_000_000_000);
  const r = planFromText(text, options({ importId }));
  if (!r.ok) throw new Error(r.error.message);
  await importCalendar(db, { segments: r.plan.segments, meetings: r.plan.meetings, importId });
}

function renderDay() {
  return render(
    <DayTimeline
      days={['2025-03-04']}
      activeDays={new Set(['2025-03-04'])}
      day="2025-03-04"
      onDay={() => {}}
      dayStart={DAY_START}
      dayEnd={DAY_END}
      sessions={() => []}
      locale="en-GB"
      formatClock={clock}
      formatDuration={(ms) => `${Math.round(ms / 60_000)} min`}
      onOverride={() => {}}
      busy={false}
      meetings={
        <DayMeetingsLive
          db={db}
          dayStart={DAY_START}
          dayEnd={DAY_END}
          formatClock={clock}
          busy={false}
          onSkip={() => {}}
          onUndo={() => {}}
        />
      }
    />,
  );
}

describe('DayMeetingsLive in the day list', () => {
  it('reads no meeting while the day list is far from the viewport, then lists the day’s meetings once it is near', async () => {
    await importSync();
    const where = vi.spyOn(db.meetings, 'where');
    renderDay();
    // Time for a query that was started to answer.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(where).not.toHaveBeenCalled();
    expect(screen.queryByTestId('day-meetings')).toBeNull();

    act(() => observers.forEach((report) => report(true)));
    await waitFor(() => expect(screen.getByTestId('day-meetings').textContent).toMatch(/Team sync/));
    expect(where).toHaveBeenCalled();
  });
});
