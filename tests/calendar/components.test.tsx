// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { format } from 'date-fns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AddTime, ManualBlocksCard } from '@/entrypoints/dashboard/AddTime';
import { CalendarCard } from '@/entrypoints/options/cards';
import { CreativeRatioDB } from '@/lib/db';
import { loadImportOptions } from '@/lib/db/import-options';
import { addManualBlock } from '@/lib/db/manual';
import { weekKeyOf } from '@/lib/time/week';
import { fixture } from './helpers';

let db: CreativeRatioDB;

beforeEach(async () => {
  db = new CreativeRatioDB(`test-${Math.random()}`);
  await db.open();
  localStorage.clear();
});

afterEach(() => {
  cleanup();
});

function icsFile(name: string, text: string): File {
  return new File([text], name, { type: 'text/calendar' });
}

function choose(input: HTMLElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

// Wednesday 2 April 2025: the fixtures' weeks are "the last 4 weeks" and this week.
const NOW = new Date(2025, 3, 2, 12).getTime();

describe('CalendarImport', () => {
  it('previews a Google export: meetings, hours per week, what was skipped and why', async () => {
    render(<CalendarCard db={db} now={NOW} weekStartsOn={1} />);
    choose(
      screen.getByLabelText('Calendar file (.ics)'),
      icsFile('jane.doe@acme.example.ics', fixture('google-calendar.ics')),
    );

    const preview = await screen.findByTestId('calendar-preview');
    expect(within(preview).getByTestId('calendar-meeting-count').textContent).toBe('11 meetings');
    expect((screen.getByLabelText('Calendar name') as HTMLInputElement).value).toBe('Google Calendar');

    const weeks = within(screen.getByTestId('calendar-weeks')).getAllByRole('row').slice(1);
    expect(weeks.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^Week of .*Mar 3.*1\.8 h$/),
      expect.stringMatching(/^Week of .*Mar 10.*15 min$/),
      expect.stringMatching(/^Week of .*Mar 17.*1 h$/),
      expect.stringMatching(/^Week of .*Mar 24.*1\.3 h$/),
      expect.stringMatching(/^This week .*Mar 31.*15 min$/),
    ]); // the weeks the file covers (it ends this week), not a fixed count of weeks
    // The file names its owner (Google calls the calendar after the address): proposed, so declines are recognised.
    expect((screen.getByTestId('calendar-owner') as HTMLInputElement).value).toBe('jane.doe@acme.example');
    expect(screen.getByTestId('calendar-owner-help').textContent).toMatch(/^Proposed from the calendar’s name/);

    const skipped = within(screen.getByTestId('calendar-skipped'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(skipped).toEqual([
      expect.stringMatching(/^Cancelled: 2/),
      expect.stringMatching(/^Declined: 1 — You declined the invitation\. \(e\.g\. “Budget sync”\)/),
      expect.stringMatching(/^All-day events: 1/),
      expect.stringMatching(/^Shown as free: 1/),
      expect.stringMatching(/^8 hours or longer: 1/),
      expect.stringMatching(/^Focus blocks: 1 — A focus block is an intention/),
      expect.stringMatching(/^Lunch: 1/),
      expect.stringMatching(/^Not meetings: 1/),
    ]);
    expect((screen.getByTestId('keep-titles') as HTMLInputElement).checked).toBe(false);
  });

  it('remembers the options in the extension’s storage, moving an older version’s localStorage value once', async () => {
    localStorage.setItem('creative-ratio.calendar-import.v2', JSON.stringify({ keepTitles: true }));
    const first = render(<CalendarCard db={db} now={NOW} weekStartsOn={1} />);
    await waitFor(() => expect(localStorage.getItem('creative-ratio.calendar-import.v2')).toBeNull());
    expect(await loadImportOptions(db)).toMatchObject({ keepTitles: true });
    choose(screen.getByLabelText('Calendar file (.ics)'), icsFile('work.ics', fixture('apple-calendar.ics')));
    await screen.findByTestId('calendar-preview');
    expect((screen.getByTestId('keep-titles') as HTMLInputElement).checked).toBe(true);
    // A change is stored, and a page opened later starts with it.
    fireEvent.click(screen.getByTestId('keep-titles'));
    await waitFor(async () => expect((await loadImportOptions(db)).keepTitles).toBe(false));
    first.unmount();
    render(<CalendarCard db={db} now={NOW} weekStartsOn={1} />);
    choose(screen.getByLabelText('Calendar file (.ics)'), icsFile('work.ics', fixture('apple-calendar.ics')));
    await screen.findByTestId('calendar-preview');
    expect((screen.getByTestId('keep-titles') as HTMLInputElement).checked).toBe(false);
  });

  it('imports atomically with "Meeting" labels, lists the import, replaces it on re-import and deletes it', async () => {
    render(<CalendarCard db={db} now={NOW} weekStartsOn={1} />);
    const input = screen.getByLabelText('Calendar file (.ics)');
    choose(input, icsFile('work.ics', fixture('apple-calendar.ics')));
    // Twelve weeks back from 2 April 2025 and next week: the nine March meetings and the January and April reviews.
    const button = await screen.findByRole('button', { name: 'Import 11 meetings' });
    fireEvent.click(button);

    await waitFor(() =>
      expect(screen.getByTestId('calendar-status').textContent).toMatch(/Imported 11 meetings from “Work”\.$/),
    );
    const rows = await screen.findAllByTestId('calendar-import-row');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toMatch(/^Work.*11 stretches of meeting time/);
    const stored = await db.segments.toArray();
    expect(stored).toHaveLength(11);
    expect(new Set(stored.map((s) => s.label))).toEqual(new Set(['Meeting']));
    expect(screen.queryByTestId('calendar-preview')).toBeNull();

    // Importing the same calendar again (with titles this time) replaces it.
    choose(input, icsFile('work.ics', fixture('apple-calendar.ics')));
    await screen.findByTestId('calendar-preview');
    expect(screen.getByText(/^Replaces the import of/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('keep-titles'));
    // The worker plans again (here in-process); Import waits for its answer.
    expect((screen.getByRole('button', { name: 'Import 11 meetings' }) as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Import 11 meetings' }) as HTMLButtonElement).disabled).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Import 11 meetings' }));
    await waitFor(() =>
      expect(screen.getByTestId('calendar-status').textContent).toMatch(/earlier import of this calendar was replaced/),
    );
    await waitFor(async () => expect(await db.segments.count()).toBe(11));
    expect((await db.segments.toArray()).map((s) => s.label)).toContain('Weekly sync with NY team');
    // The options are kept in the extension's own storage, not the page's localStorage.
    expect(await loadImportOptions(db)).toMatchObject({ keepTitles: true });
    expect(localStorage.getItem('creative-ratio.calendar-import.v2')).toBeNull();

    // The list follows the database live: wait until it shows the new import.
    const newId = (await db.segments.toArray())[0]!.importId;
    await waitFor(() => expect(screen.getByTestId('calendar-import-row').getAttribute('data-import-id')).toBe(newId));
    fireEvent.click(screen.getByRole('button', { name: 'Delete the import Work' }));
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Delete Work?' })).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() => expect(screen.getByText('No calendar file imported.')).toBeTruthy());
    expect(await db.segments.count()).toBe(0);
  });

  it('options change the preview (tentative meetings, meeting words), planned again in the worker', async () => {
    render(<CalendarCard db={db} now={NOW} weekStartsOn={1} />);
    choose(screen.getByLabelText('Calendar file (.ics)'), icsFile('outlook.ics', fixture('outlook-calendar.ics')));
    await screen.findByTestId('calendar-preview');
    // Tentative meetings count by default: everything in the file.
    expect((screen.getByLabelText('Count tentative meetings') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('calendar-meeting-count').textContent).toBe('17 meetings');
    fireEvent.click(screen.getByLabelText('Count tentative meetings'));
    await waitFor(() => expect(screen.getByTestId('calendar-meeting-count').textContent).toBe('16 meetings'));
    fireEvent.change(screen.getByLabelText('Import meetings from'), { target: { value: '4' } });
    // Other weeks: the file is expanded again (in the worker; here in-process).
    await waitFor(() => expect(screen.getByTestId('calendar-meeting-count').textContent).toBe('11 meetings')); // 3 March – 13 April, tentative off
    fireEvent.change(screen.getByLabelText('Meeting words'), { target: { value: 'nothing-matches' } });
    expect(screen.getByTestId('calendar-plan-wrap').getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(screen.getByTestId('calendar-plan-wrap').getAttribute('aria-busy')).toBe('false'));
    expect(screen.getByTestId('calendar-meeting-count').textContent).toBe('11 meetings'); // all Outlook meetings have two or more people
    expect((screen.getByLabelText('Calendar name') as HTMLInputElement).value).toBe('Outlook calendar');
  });

  it('a damaged file shows a clear error with its line number and changes nothing', async () => {
    render(<CalendarCard db={db} now={NOW} weekStartsOn={1} />);
    choose(screen.getByLabelText('Calendar file (.ics)'), icsFile('cut.ics', fixture('truncated.ics')));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/cut\.ics could not be imported\..*BEGIN on line 10.*cut off/);
    expect(screen.queryByTestId('calendar-preview')).toBeNull();
    expect(await db.segments.count()).toBe(0);
  });

  it('proposes the owner from the attendees, warns for an address on no event, and never keeps the text for the next file', async () => {
    render(<CalendarCard db={db} now={NOW} weekStartsOn={1} />);
    const input = screen.getByLabelText('Calendar file (.ics)');
    choose(input, icsFile('outlook.ics', fixture('outlook-calendar.ics')));
    await screen.findByTestId('calendar-preview');
    const owner = screen.getByTestId('calendar-owner') as HTMLInputElement;
    expect(owner.value).toBe('jane.doe@acme.example');
    expect(screen.getByTestId('calendar-owner-help').textContent).toMatch(
      /^Proposed: this address is on \d+ of the \d+ events/,
    );
    fireEvent.change(owner, { target: { value: 'jane.doe@acme.exampel' } });
    // Never the old count for the new address: the worker is asked first.
    expect(screen.getByTestId('calendar-owner-help').textContent).toMatch(/^Looking for this address/);
    await waitFor(() =>
      expect(screen.getByTestId('calendar-owner-help').textContent).toMatch(
        /No event in this file lists jane\.doe@acme\.exampel/,
      ),
    );
    expect(owner.getAttribute('aria-invalid')).toBe('true');
    // Cancel, then a file that names nobody: the field starts empty (typing does not append to old text).
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    choose(
      input,
      icsFile(
        'solo.ics',
        [
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'PRODID:-//T//T//EN',
          'BEGIN:VEVENT',
          'UID:s1',
          'SUMMARY:Team sync',
          'DTSTART:20250401T090000Z',
          'DTEND:20250401T093000Z',
          'END:VEVENT',
          'END:VCALENDAR',
        ].join('\r\n'),
      ),
    );
    await screen.findByTestId('calendar-preview');
    expect((screen.getByTestId('calendar-owner') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('calendar-owner-help').textContent).toMatch(/The file does not say/);
  });

  it('shows the range the file covers with the year, and lists invalid events by UID and line apart from zero-length ones', async () => {
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//T//T//EN',
      'BEGIN:VEVENT',
      'UID:old-review',
      'SUMMARY:Review',
      'DTSTART:20241210T090000Z',
      'DTEND:20241210T100000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:broken-1',
      'SUMMARY:Sync',
      'DTSTART:20250310T100000Z',
      'DTEND:20250310T090000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:zero',
      'SUMMARY:Sync',
      'DTSTART:20250311T100000Z',
      'DTEND:20250311T100000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:ok',
      'SUMMARY:Sync',
      'DTSTART:20250312T100000Z',
      'DTEND:20250312T110000Z',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    render(<CalendarCard db={db} now={NOW} weekStartsOn={1} />);
    choose(screen.getByLabelText('Calendar file (.ics)'), icsFile('old.ics', text));
    await screen.findByTestId('calendar-preview');
    expect(screen.getByTestId('calendar-meeting-count').textContent).toBe('2 meetings'); // December 2024 is in, by default
    expect(screen.getByTestId('calendar-range').textContent).toMatch(/Dec 10, 2024 – .*Mar 12$/);
    const weeks = within(screen.getByTestId('calendar-weeks')).getAllByRole('row').slice(1);
    expect(weeks[0]!.textContent).toMatch(/^Week of .*Dec 9, 2024/);
    expect(weeks.at(-1)!.textContent).toMatch(/^Week of .*Mar 10/);
    expect(weeks).toHaveLength(14);
    const invalid = screen.getByTestId('calendar-invalid');
    expect(invalid.textContent).toBe('Line 10: broken-1');
    const reasons = within(screen.getByTestId('calendar-skipped'))
      .getAllByRole('listitem')
      .filter((li) => li.dataset.reason)
      .map((li) => li.dataset.reason);
    expect(reasons).toEqual(['invalid', 'no-duration']);
  });

  it('accepts a dropped file and Cancel discards the preview', async () => {
    render(<CalendarCard db={db} now={NOW} weekStartsOn={1} />);
    fireEvent.drop(screen.getByTestId('calendar-dropzone'), {
      dataTransfer: { files: [icsFile('google.ics', fixture('google-calendar.ics'))] },
    });
    await screen.findByTestId('calendar-preview');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('calendar-preview')).toBeNull();
    expect(await db.segments.count()).toBe(0);
  });
});

describe('ManualBlocks', () => {
  const today = format(Date.now(), 'yyyy-MM-dd');

  function fill(values: Partial<Record<'Date' | 'Start' | 'End' | 'Label', string>>) {
    for (const [label, value] of Object.entries(values))
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
  }

  it('shows validation messages beside the fields and writes nothing', async () => {
    render(<ManualBlocksCard db={db} weekStartsOn={1} />);
    fill({ Date: today, Start: '10:00', End: '10:00', Label: 'x'.repeat(81) });
    fireEvent.click(screen.getByRole('button', { name: 'Add block' }));

    const endError = await screen.findByTestId('manual-error-endTime');
    expect(endError.textContent).toBe('The end must be after the start.');
    const end = screen.getByLabelText('End');
    expect(end.getAttribute('aria-invalid')).toBe('true');
    expect(end.getAttribute('aria-describedby')).toContain(endError.id);
    expect(document.activeElement).toBe(end);

    fill({ End: '11:00' });
    expect(screen.queryByTestId('manual-error-endTime')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add block' }));
    expect((await screen.findByTestId('manual-error-label')).textContent).toBe(
      'Keep the label to 80 characters (it has 81).',
    );
    expect(document.activeElement).toBe(screen.getByLabelText('Label'));

    fill({ Date: '2099-01-01', Label: 'Later' });
    fireEvent.click(screen.getByRole('button', { name: 'Add block' }));
    expect((await screen.findByTestId('manual-error-endTime')).textContent).toBe(
      'A block cannot end more than a day from now.',
    );

    fill({ Date: '', Label: 'Later' });
    fireEvent.click(screen.getByRole('button', { name: 'Add block' }));
    expect((await screen.findByTestId('manual-error-date')).textContent).toBe('Enter a date.');
    expect(await db.segments.count()).toBe(0);
  });

  it('3 PM → 2 PM is an error with the fix, not a silent overnight block; "Ends the next day" makes it one (issue #15)', async () => {
    const yesterday = format(Date.now() - 86_400_000, 'yyyy-MM-dd');
    render(<ManualBlocksCard db={db} weekStartsOn={1} />);
    expect(screen.queryByLabelText('Ends the next day')).toBeNull();
    fill({ Date: yesterday, Start: '15:00', End: '14:00', Label: 'Typo' });
    fireEvent.click(screen.getByRole('button', { name: 'Add block' }));
    expect((await screen.findByTestId('manual-error-endTime')).textContent).toBe(
      'The end is before the start. Correct the times, or tick "Ends the next day" for a block past midnight.',
    );
    expect(await db.segments.count()).toBe(0);
    fill({ Start: '22:00', End: '01:00' });
    fireEvent.click(screen.getByLabelText('Ends the next day'));
    expect(screen.queryByTestId('manual-error-endTime')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add block' }));
    await waitFor(async () => expect(await db.segments.count()).toBeGreaterThan(0));
    const rows = await db.segments.toArray();
    const start = Math.min(...rows.map((r) => r.start));
    const end = Math.max(...rows.map((r) => r.end));
    expect((end - start) / 3_600_000).toBeCloseTo(3, 0);
  });

  it('adds, edits and deletes a block of this week', async () => {
    render(<ManualBlocksCard db={db} weekStartsOn={1} />);
    fill({ Date: today, Start: '09:00', End: '10:30', Label: 'Messaging workshop' });
    fireEvent.click(screen.getByLabelText('Coordination'));
    expect(Array.from((screen.getByLabelText('Kind') as HTMLSelectElement).options).map((o) => o.value)).toEqual([
      'meetings',
      'messaging',
      'project',
      'reporting',
      'admin',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Add block' }));

    await waitFor(() =>
      expect(screen.getByTestId('manual-status').textContent).toMatch(
        /“Messaging workshop” was added \(Coordination\)\.$/,
      ),
    );
    const row = await screen.findByTestId('manual-row');
    expect(row.textContent).toMatch(/Messaging workshop.*Coordination · Meetings & calendar.*1 h 30 min/);
    const [seg] = await db.segments.toArray();
    expect(seg).toMatchObject({
      source: 'manual',
      lane: 'focus',
      label: 'Messaging workshop',
      override: { class: 'coordination', kind: 'meetings' },
    });

    fireEvent.click(within(row).getByRole('button', { name: /^Edit Messaging workshop/ }));
    expect(screen.getByRole('heading', { name: 'Edit block' })).toBeTruthy();
    expect((screen.getByLabelText('Label') as HTMLInputElement).value).toBe('Messaging workshop');
    fill({ Label: 'Positioning draft' });
    fireEvent.click(screen.getByLabelText('Creative'));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(screen.getByTestId('manual-row').textContent).toMatch(/Positioning draft.*Creative · Writing/),
    );
    expect(await db.segments.count()).toBe(1);

    fireEvent.click(screen.getByRole('button', { name: /^Delete Positioning draft/ }));
    await act(async () => {
      fireEvent.click(
        within(screen.getByRole('group', { name: 'Delete this block?' })).getByRole('button', { name: 'Delete' }),
      );
    });
    await waitFor(() => expect(screen.getByText('No blocks this week.')).toBeTruthy());
    expect(await db.segments.count()).toBe(0);
  });
});

describe('AddTimeDialog follows the week the page shows', () => {
  async function block(label: string, start: Date, minutes = 60) {
    const end = start.getTime() + minutes * 60_000;
    await addManualBlock(db, { start: start.getTime(), end, label, class: 'creative', kind: 'writing' }, end);
  }

  function labels(): string[] {
    return screen.queryAllByTestId('manual-row').map((r) => r.textContent ?? '');
  }

  function dateField(): string {
    return (screen.getByLabelText('Date') as HTMLInputElement).value;
  }

  beforeEach(async () => {
    await block('Early March draft', new Date(2025, 2, 4, 10));
    await block('Mid March draft', new Date(2025, 2, 12, 14));
    await block('Today draft', new Date(new Date().setHours(0, 30, 0, 0)), 15);
  });

  it('a past week: lists that week’s blocks only and a new block starts on its first working day', async () => {
    render(<AddTime db={db} weekStartsOn={1} week="2025-03-03" />);
    fireEvent.click(screen.getByTestId('add-time'));
    await waitFor(() => expect(labels()).toHaveLength(1));
    expect(labels()[0]).toMatch(/Early March draft/);
    expect(screen.getByRole('heading', { name: /^Blocks in the week of Mar 3\s–\s9, 2025$/ })).toBeTruthy();
    expect(dateField()).toBe('2025-03-03');

    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Back-dated workshop' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add block' }));
    await waitFor(() => expect(labels()).toHaveLength(2));
    expect(labels()[0]).toMatch(/Back-dated workshop/);
    const added = (await db.segments.toArray()).find((s) => s.label === 'Back-dated workshop');
    expect(added).toMatchObject({ start: new Date(2025, 2, 3, 9).getTime(), end: new Date(2025, 2, 3, 10).getTime() });
  });

  it('a week starting on Sunday: the default skips the Sunday for the Monday', async () => {
    render(<AddTime db={db} weekStartsOn={0} week="2025-03-09" />);
    fireEvent.click(screen.getByTestId('add-time'));
    await waitFor(() => expect(labels()).toHaveLength(1));
    expect(labels()[0]).toMatch(/Mid March draft/);
    expect(dateField()).toBe('2025-03-10');
  });

  it('the current week: lists this week’s blocks and a new block starts today', async () => {
    const today = format(Date.now(), 'yyyy-MM-dd');
    render(<AddTime db={db} weekStartsOn={1} week={weekKeyOf(Date.now(), 1)} />);
    fireEvent.click(screen.getByTestId('add-time'));
    await waitFor(() => expect(labels()).toHaveLength(1));
    expect(labels()[0]).toMatch(/Today draft/);
    expect(screen.getByRole('heading', { name: 'This week’s blocks' })).toBeTruthy();
    expect(dateField()).toBe(today);
  });

  it('without a week: the current week, as before', async () => {
    render(<AddTime db={db} weekStartsOn={1} />);
    fireEvent.click(screen.getByTestId('add-time'));
    await waitFor(() => expect(labels()).toHaveLength(1));
    expect(labels()[0]).toMatch(/Today draft/);
    expect(dateField()).toBe(format(Date.now(), 'yyyy-MM-dd'));
  });

  it('moving to another week moves the list and an untouched date; a date the person chose stays', async () => {
    const { rerender } = render(<AddTime db={db} weekStartsOn={1} week="2025-03-03" />);
    fireEvent.click(screen.getByTestId('add-time'));
    await waitFor(() => expect(labels()[0]).toMatch(/Early March draft/));

    rerender(<AddTime db={db} weekStartsOn={1} week="2025-03-10" />);
    await waitFor(() => expect(labels()[0]).toMatch(/Mid March draft/));
    expect(labels()).toHaveLength(1);
    expect(dateField()).toBe('2025-03-10');

    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2025-03-12' } });
    rerender(<AddTime db={db} weekStartsOn={1} week="2025-03-03" />);
    await waitFor(() => expect(labels()[0]).toMatch(/Early March draft/));
    expect(dateField()).toBe('2025-03-12');
  });
});
