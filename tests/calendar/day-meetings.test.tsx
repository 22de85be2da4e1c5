// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { DayMeetings } from '@/components/calendar/DayMeetings';
import type { DayMeeting } from '@/lib/db/meetings';

afterEach(cleanup);

const H = 3_600_000;
const T = new Date(2025, 2, 11, 10).getTime();
const clock = (t: number) => new Date(t).toTimeString().slice(0, 5);
const m = (occ: string, start: number, patch: Partial<DayMeeting> = {}): DayMeeting => ({
  occ,
  importId: 'ics:Work:1',
  start,
  end: start + H,
  title: null,
  override: { class: 'coordination', kind: 'meetings' },
  skipped: false,
  ...patch,
});

describe('DayMeetings', () => {
  it('lists each meeting with a labelled "I skipped this one", and skipped ones with Undo', () => {
    const onSkip = vi.fn();
    const onUndo = vi.fn();
    render(
      <DayMeetings
        meetings={[
          m('a', T, { title: 'Campaign sync' }),
          m('b', T + H / 2, { override: { class: 'creative', kind: 'research' }, title: 'Brainstorm' }),
          m('c', T + 3 * H, { skipped: true }),
        ]}
        legacy={false}
        formatClock={clock}
        busy={false}
        onSkip={onSkip}
        onUndo={onUndo}
      />,
    );
    const counted = within(screen.getByTestId('day-meetings-counted'));
    expect(counted.getAllByRole('listitem')).toHaveLength(2);
    expect(counted.getByText('Creative · Research & strategy')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I skipped Brainstorm, 10:30–11:30' }));
    expect(onSkip).toHaveBeenCalledWith(expect.objectContaining({ occ: 'b' }));
    const skipped = within(screen.getByTestId('day-meetings-skipped'));
    expect(skipped.getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(skipped.getByRole('button', { name: 'Undo: count Meeting, 13:00–14:00, again' }));
    expect(onUndo).toHaveBeenCalledWith(expect.objectContaining({ occ: 'c' }));
    expect(screen.queryByTestId('day-meetings-legacy')).toBeNull();
  });

  it('says how to enable skipping for calendar time imported before, and shows nothing on a day without meetings', () => {
    const { rerender } = render(
      <DayMeetings meetings={[]} legacy formatClock={clock} busy={false} onSkip={() => {}} onUndo={() => {}} />,
    );
    expect(screen.getByTestId('day-meetings-legacy').textContent).toMatch(/Import the file again or refresh/);
    rerender(
      <DayMeetings meetings={[]} legacy={false} formatClock={clock} busy={false} onSkip={() => {}} onUndo={() => {}} />,
    );
    expect(screen.queryByTestId('day-meetings')).toBeNull();
  });

  it('disables the buttons while a change is saved', () => {
    render(
      <DayMeetings
        meetings={[m('a', T)]}
        legacy={false}
        formatClock={clock}
        busy
        onSkip={() => {}}
        onUndo={() => {}}
      />,
    );
    expect((screen.getByTestId('meeting-skip') as HTMLButtonElement).disabled).toBe(true);
  });
});
