/**
 * The calendar import's options (never the e-mail address): what a file import keeps and counts.
 * Stored with the extension's own data (lib/db/import-options.ts); read back through
 * `sanitizeImportOptions`, so a damaged or older value falls back field by field to the defaults.
 */
import { DEFAULT_WEEKS_BACK, WEEKS_BACK_CHOICES, type WeeksBack } from '@/lib/calendar/import-window';
import { DEFAULT_COUNT_TENTATIVE, DEFAULT_MEETING_WORDS } from '@/lib/calendar/meeting-rules';

export interface CalendarImportOptions {
  keepTitles: boolean;
  /** The meeting-words field as typed (comma-separated). */
  meetingWords: string;
  countTentative: boolean;
  weeksBack: WeeksBack;
}

/** The meeting-words field keeps at most this many characters. */
export const MAX_MEETING_WORDS_CHARS = 4000;

export const DEFAULT_IMPORT_OPTIONS: CalendarImportOptions = {
  keepTitles: false,
  meetingWords: DEFAULT_MEETING_WORDS.join(', '),
  countTentative: DEFAULT_COUNT_TENTATIVE,
  weeksBack: DEFAULT_WEEKS_BACK,
};

/**
 * Options from a stored value: each field of the right type is kept, any other falls back to the
 * default. `version` 1 (the first localStorage format) saved its old defaults — tentative off,
 * 12 weeks — with every change, so those two are not a choice to keep; its titles and words are.
 */
export function sanitizeImportOptions(value: unknown, version: 1 | 2 = 2): CalendarImportOptions {
  const o = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const d = DEFAULT_IMPORT_OPTIONS;
  return {
    keepTitles: typeof o.keepTitles === 'boolean' ? o.keepTitles : d.keepTitles,
    meetingWords:
      typeof o.meetingWords === 'string' ? o.meetingWords.slice(0, MAX_MEETING_WORDS_CHARS) : d.meetingWords,
    countTentative: version === 2 && typeof o.countTentative === 'boolean' ? o.countTentative : d.countTentative,
    weeksBack:
      version === 2 && WEEKS_BACK_CHOICES.includes(o.weeksBack as WeeksBack) ? (o.weeksBack as WeeksBack) : d.weeksBack,
  };
}
