// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MeetingClassRules } from '@/components/calendar/MeetingClassRules';
import { guessKind, MeetingSummaryView, type MeetingSummaryViewProps } from '@/components/calendar/SeriesTable';
import { makeMeetingRule, type MeetingClassRule } from '@/lib/calendar/meeting-classes';
import type { MeetingSummaries } from '@/lib/calendar/meeting-summary';
import { HOUR, MIN } from './helpers';

afterEach(() => cleanup());

const COORD = { override: { class: 'coordination' as const, kind: 'meetings' as const }, ruleId: null, mixed: false };
const UID = 'xyz-123-secret-uid@google.com';
const SUMMARY: MeetingSummaries = {
  series: [
    {
      uid: UID,
      title: 'Design crit',
      occurrences: 4,
      ms: 4.5 * HOUR,
      typical: { weekday: 2, minute: 600, count: 3 },
      organizer: 'lea@brand.example',
      countsAs: COORD,
    },
    {
      uid: 'campaign@agency.example',
      title: 'Campaign sync',
      occurrences: 5,
      ms: 150 * MIN,
      typical: { weekday: 1, minute: 600, count: 5 },
      organizer: 'ann@agency.example',
      countsAs: {
        override: { class: 'creative', kind: 'research' },
        ruleId: 'default:workshop',
        mixed: true,
      },
    },
  ],
  moreSeries: 7,
  organizers: [
    {
      domain: '@agency.example',
      meetings: 7,
      ms: 270 * MIN,
      addresses: ['ann@agency.example', 'bo@agency.example'],
      countsAs: COORD,
    },
  ],
  moreOrganizers: 0,
  own: null,
};

function view(patch: Partial<MeetingSummaryViewProps> = {}) {
  const props: MeetingSummaryViewProps = {
    plan: { segments: [], meetingCount: 14, creativeCount: 0, meetingMs: 12 * HOUR, summary: SUMMARY },
    rules: [],
    busy: false,
    onAdd: vi.fn(),
    onRemove: vi.fn(),
    newId: () => 'rule:test',
    ...patch,
  };
  const r = render(<MeetingSummaryView {...props} />);
  return { ...r, props };
}

const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;

describe('MeetingSummaryView', () => {
  it('lists each series with when, how often, hours, organizer and what it counts as', () => {
    view();
    const table = screen.getByRole('table', { name: /^Recurring meetings \(9\), most hours first$/ });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent))).toEqual([
      ['Meeting', 'When', 'Meetings', 'Hours', 'Organizer', 'Counts as', 'Change'],
      [
        'Design crit',
        'Usually Tuesdays at 10:00 AM',
        '4',
        '4.5 h',
        'lea@brand.example',
        'Coordination (no rule)',
        'Count as creative…',
      ],
      [
        'Campaign sync',
        'Mondays at 10:00 AM',
        '5',
        '2.5 h',
        'ann@agency.example',
        'Creative · Research & strategy (default “workshop”), not every meeting',
        'Count as creative…',
      ],
      ['…and 7 more (smaller) series.'],
    ]);
    expect(screen.getByRole('table', { name: /^Organizers \(1\)/ })).toBeTruthy();
    expect(document.body.textContent).not.toContain(UID);
  });

  it('“Count as creative…” opens a form; Add makes a series rule with the UID and the chosen name', () => {
    const { props } = view();
    const button = within(rowOf('Design crit')).getByRole('button', { name: 'Count “Design crit” as creative…' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const form = screen.getByRole('form', { name: 'Count “Design crit” as creative' });
    const kind = within(form).getByLabelText('Counts as') as HTMLSelectElement;
    expect(document.activeElement).toBe(kind);
    expect(kind.value).toBe('creative:design'); // guessed from the title
    const label = within(form).getByLabelText('Name in your rules') as HTMLInputElement;
    expect(label.value).toBe('Design crit');
    fireEvent.change(kind, { target: { value: 'creative:writing' } });
    fireEvent.change(label, { target: { value: '  Weekly crit ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    expect(props.onAdd).toHaveBeenCalledWith({
      id: 'rule:test',
      match: 'series',
      value: UID,
      class: 'creative',
      kind: 'writing',
      label: 'Weekly crit',
    });
    expect(screen.queryByRole('form')).toBeNull();
    expect(document.body.textContent).not.toContain(UID);
  });

  it('Escape closes the form and gives focus back to the row’s button', () => {
    const { props } = view();
    const button = within(rowOf('Campaign sync')).getByRole('button', { name: /Count “Campaign sync”/ });
    fireEvent.click(button);
    fireEvent.keyDown(screen.getByLabelText('Counts as'), { key: 'Escape' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(props.onAdd).not.toHaveBeenCalled();
  });

  it('a series the person already picked offers Undo, which removes exactly that rule', () => {
    const own = makeMeetingRule('rule:7', 'series', UID, 'creative', 'design', 'Design crit')!;
    const other = makeMeetingRule('rule:8', 'title', 'campaign', 'creative', 'writing')!;
    const { props } = view({ rules: [other, own] });
    fireEvent.click(
      within(rowOf('Design crit')).getByRole('button', { name: 'Undo: remove your rule for “Design crit”' }),
    );
    expect(props.onRemove).toHaveBeenCalledWith(own);
    expect(within(rowOf('Campaign sync')).queryByRole('button', { name: /^Undo/ })).toBeNull();
  });

  it('an organizer row makes an organizer rule for the whole domain', () => {
    const { props } = view();
    fireEvent.click(screen.getByRole('button', { name: 'Count meetings organised by @agency.example as creative…' }));
    const form = screen.getByRole('form', { name: 'Count meetings organised by @agency.example as creative' });
    expect(within(form).queryByLabelText('Name in your rules')).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    expect(props.onAdd).toHaveBeenCalledWith({
      id: 'rule:test',
      match: 'organizer',
      value: '@agency.example',
      class: 'creative',
      kind: 'research',
    });
  });

  it('a free-mail organizer’s row makes a rule for that address only; the own meetings left out are named', () => {
    const { props } = view({
      plan: {
        segments: [],
        meetingCount: 14,
        creativeCount: 0,
        meetingMs: 12 * HOUR,
        summary: {
          ...SUMMARY,
          organizers: [
            { domain: 'kim@gmail.com', meetings: 2, ms: 2 * HOUR, addresses: ['kim@gmail.com'], countsAs: COORD },
          ],
          own: { meetings: 9, ms: 6 * HOUR, domains: ['@brand.example'] },
        },
      },
    });
    const note = screen.getByTestId('meeting-organizers-own').textContent!;
    expect(note).toContain('9 meetings');
    expect(note).toContain('@brand.example');
    expect(within(screen.getByTestId('meeting-organizers')).queryByText('@brand.example')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Count meetings organised by kim@gmail.com as creative…' }));
    const form = screen.getByRole('form', { name: 'Count meetings organised by kim@gmail.com as creative' });
    expect(form.textContent).toContain('every meeting organised by kim@gmail.com');
    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    expect(props.onAdd).toHaveBeenCalledWith(expect.objectContaining({ match: 'organizer', value: 'kim@gmail.com' }));
  });

  it('no note when none of the meetings is the person’s own', () => {
    view();
    expect(screen.queryByTestId('meeting-organizers-own')).toBeNull();
  });

  it('says how much of the meeting time counts as creative', () => {
    view({
      plan: {
        segments: [
          {
            id: 1,
            start: 0,
            end: HOUR,
            day: '',
            host: '',
            path: '',
            source: 'calendar',
            lane: 'focus',
            override: { class: 'creative', kind: 'design' },
          },
          {
            id: 2,
            start: HOUR,
            end: 3 * HOUR,
            day: '',
            host: '',
            path: '',
            source: 'calendar',
            lane: 'focus',
            override: { class: 'coordination', kind: 'meetings' },
          },
        ],
        meetingCount: 3,
        creativeCount: 1,
        meetingMs: 3 * HOUR,
        summary: SUMMARY,
      },
    });
    expect(screen.getByTestId('calendar-creative-share').textContent).toMatch(
      /^1 of 3 meetings \(1 h of 3 h\) count as creative\./,
    );
  });

  it('buttons wait while a rule is saved or the preview is planned again', () => {
    view({ busy: true });
    for (const b of within(screen.getByTestId('meeting-series')).getAllByRole('button'))
      expect((b as HTMLButtonElement).disabled).toBe(true);
  });

  it.each([
    ['Design crit', 'design'],
    ['Weekly UX review', 'design'],
    ['Content planning', 'writing'],
    ['Customer interview', 'research'],
    ['Campaign sync', 'research'],
  ])('guessKind(%j) = %s', (title, kind) => {
    expect(guessKind(title)).toBe(kind);
  });
});

describe('Settings’ rule list', () => {
  it('names a picked series by its label, never by its UID; a typed UID still shows', () => {
    const rules: MeetingClassRule[] = [
      makeMeetingRule('rule:1', 'series', UID, 'creative', 'design', 'Design crit')!,
      makeMeetingRule('rule:2', 'series', 'typed-uid@example.com', 'creative', 'writing')!,
    ];
    render(<MeetingClassRules value={{ disabledDefaults: [], rules }} apply={async () => 'Saved.'} />);
    const items = within(screen.getByTestId('meeting-rules')).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'Repeating meeting “Design crit” → Creative · Design & video Delete',
      'Repeating series (UID) “typed-uid@example.com” → Creative · Writing Delete',
    ]);
    expect(screen.getByRole('button', { name: 'Delete the rule Repeating meeting “Design crit”' })).toBeTruthy();
    expect(document.body.textContent).not.toContain(UID);
  });
});
