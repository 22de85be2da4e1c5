import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'date-fns';
import { DEFAULT_MEETING_WORDS } from '@/lib/calendar/meeting-rules';
import type { ImportOptions } from '@/lib/calendar/plan-import';
import type { Segment } from '@/lib/model';

export const HOUR = 3_600_000;
export const MIN = 60_000;

export function fixture(name: string): string {
  // Relative to the repository root (vitest's working directory); import.meta.url is not a file URL under happy-dom.
  return readFileSync(resolve(process.cwd(), 'tests/fixtures/ics', name), 'utf8');
}

/** The fixtures' window: Monday 3 March to Monday 7 April 2025, local (TZ=Europe/Berlin). */
export const WINDOW = { from: new Date(2025, 2, 3).getTime(), to: new Date(2025, 3, 7).getTime() };

export function options(patch: Partial<ImportOptions> = {}): ImportOptions {
  return {
    ...WINDOW,
    keepTitles: true,
    meetingWords: DEFAULT_MEETING_WORDS,
    ownerEmails: [],
    countTentative: false,
    importId: 'ics:Test:1741000000000',
    ...patch,
  };
}

/** `Mon 2025-03-03 09:30–09:45 Label` in local time. */
export function describeSegment(s: Pick<Segment, 'start' | 'end' | 'label'>): string {
  return `${format(s.start, 'EEE yyyy-MM-dd HH:mm')}–${format(s.end, 'HH:mm')} ${s.label ?? ''}`.trim();
}

/** A minimal calendar around VEVENT bodies. */
export function calendar(...events: string[][]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Test//EN',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n');
}
