import { describe, expect, it } from 'vitest';
import { manualGroupId, validateManualBlock, type ManualBlockInput } from '@/lib/calendar/manual-block';
import { manualFormToInput, type ManualFormValues } from '@/lib/calendar/manual-form';

const NOW = new Date(2025, 2, 7, 12).getTime();
const at = (d: number, h: number, m = 0) => new Date(2025, 2, d, h, m).getTime();
const GROUP = manualGroupId('b1');

const ok: ManualBlockInput = {
  start: at(6, 9),
  end: at(6, 11),
  label: 'Workshop with sales',
  class: 'coordination',
  kind: 'meetings',
};

describe('validateManualBlock', () => {
  it.each<[string, Partial<ManualBlockInput>, Record<string, string>]>([
    ['end before start', { end: at(6, 8) }, { end: 'The end must be after the start.' }],
    ['end equal to start', { end: at(6, 9) }, { end: 'The end must be after the start.' }],
    ['longer than 16 h', { end: at(7, 1, 1) }, { end: 'A block can be at most 16 hours long.' }],
    [
      'too far in the future',
      { start: at(8, 11), end: at(8, 13) },
      { end: 'A block cannot end more than a day from now.' },
    ],
    ['missing start', { start: Number.NaN }, { start: 'Enter a start time.' }],
    [
      'before the year 2000 (issue #11: every instant bounded)',
      { start: new Date(1999, 11, 31, 20).getTime(), end: new Date(1999, 11, 31, 22).getTime() },
      { start: 'A block cannot start before 1 January 2000.' },
    ],
    ['label too long', { label: 'x'.repeat(81) }, { label: 'Keep the label to 80 characters (it has 81).' }],
    ['unknown class', { class: 'fun' as never }, { class: 'Choose Creative, Coordination or Not work.' }],
    [
      'unclassified is not a choice',
      { class: 'unclassified', kind: 'unknown' },
      { class: 'Choose Creative, Coordination or Not work.' },
    ],
    ['kind of another class', { class: 'creative', kind: 'meetings' }, { kind: 'Choose a kind of this class.' }],
    ['unknown kind', { kind: 'nap' as never }, { kind: 'Choose a kind of this class.' }],
  ])('%s', (_name, patch, errors) => {
    const r = validateManualBlock({ ...ok, ...patch }, { now: NOW, groupId: GROUP });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(errors);
  });

  it('builds manual segments counted as the chosen class and kind', () => {
    const r = validateManualBlock(ok, { now: NOW, groupId: GROUP });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.segments).toEqual([
      {
        start: at(6, 9),
        end: at(6, 11),
        day: '2025-03-06',
        host: '',
        path: '',
        source: 'manual',
        lane: 'focus',
        label: 'Workshop with sales',
        override: { class: 'coordination', kind: 'meetings' },
        importId: GROUP,
      },
    ]);
  });

  it('splits at local midnight, including a DST night (23-hour day)', () => {
    const r = validateManualBlock(
      { ...ok, start: new Date(2025, 2, 29, 20).getTime(), end: new Date(2025, 2, 30, 8).getTime() },
      { now: new Date(2025, 2, 30, 12).getTime(), groupId: GROUP },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.segments.map((s) => [s.day, (s.end - s.start) / 3_600_000])).toEqual([
      ['2025-03-29', 4],
      ['2025-03-30', 7],
    ]);
  });

  it('an empty label is allowed (the report shows "Manual time"); spaces and control characters are cleaned', () => {
    const a = validateManualBlock({ ...ok, label: '   ' }, { now: NOW, groupId: GROUP });
    expect(a.ok).toBe(true);
    if (a.ok) expect(a.segments[0]).not.toHaveProperty('label');
    const b = validateManualBlock({ ...ok, label: ' Call\n with\tAnna ' }, { now: NOW, groupId: GROUP });
    expect(b.ok && b.block.label).toBe('Call with Anna');
  });

  it('allows time later today and up to a day ahead', () => {
    expect(validateManualBlock({ ...ok, start: at(8, 9), end: at(8, 12) }, { now: NOW, groupId: GROUP }).ok).toBe(true);
  });

  it('does not modify its input', () => {
    const input = { ...ok, label: '  spaced  ' };
    const copy = { ...input };
    validateManualBlock(input, { now: NOW, groupId: GROUP });
    expect(input).toEqual(copy);
  });
});

describe('manualFormToInput', () => {
  const form: ManualFormValues = {
    date: '2025-03-06',
    startTime: '09:00',
    endTime: '10:30',
    label: 'Workshop',
    class: 'creative',
    kind: 'design',
  };

  it('reads local date and times', () => {
    const r = manualFormToInput(form);
    expect(r).toEqual({
      ok: true,
      overnight: false,
      input: { start: at(6, 9), end: at(6, 10, 30), label: 'Workshop', class: 'creative', kind: 'design' },
    });
    // A leftover "next day" tick does nothing when the end is after the start.
    expect(manualFormToInput({ ...form, endsNextDay: true })).toEqual(r);
  });

  it('an end before the start is an error with the fix, not a silent overnight block (issue #15)', () => {
    for (const [startTime, endTime] of [
      ['15:00', '14:00'],
      ['22:00', '01:00'],
      ['09:01', '09:00'],
    ] as const) {
      const r = manualFormToInput({ ...form, startTime, endTime });
      expect(r).toEqual({
        ok: false,
        errors: {
          endTime:
            'The end is before the start. Correct the times, or tick "Ends the next day" for a block past midnight.',
        },
      });
    }
  });

  it('an end before the start runs into the next day once the person says so', () => {
    const r = manualFormToInput({ ...form, startTime: '22:00', endTime: '01:00', endsNextDay: true });
    expect(r.ok && r.overnight).toBe(true);
    if (r.ok) expect([r.input.start, r.input.end]).toEqual([at(6, 22), at(7, 1)]);
  });

  it('a missing kind falls back to the class default', () => {
    const r = manualFormToInput({ ...form, class: 'neutral', kind: '' });
    expect(r.ok && r.input.kind).toBe('personal');
  });

  it.each<[string, Partial<ManualFormValues>, Record<string, string>]>([
    ['no date', { date: '' }, { date: 'Enter a date.' }],
    ['impossible date', { date: '2025-02-30' }, { date: 'Enter a date.' }],
    ['bad start', { startTime: '25:00' }, { startTime: 'Enter a start time (HH:MM).' }],
    ['no end', { endTime: '' }, { endTime: 'Enter an end time (HH:MM).' }],
    ['same start and end', { endTime: '09:00' }, { endTime: 'The end must be after the start.' }],
    ['no class', { class: '' }, { class: 'Choose Creative, Coordination or Not work.' }],
  ])('%s', (_name, patch, errors) => {
    const r = manualFormToInput({ ...form, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(errors);
  });
});
