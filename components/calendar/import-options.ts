/**
 * The calendar import's options, remembered in this browser's localStorage (never the e-mail
 * address). Version 2: tentative meetings count by default and the default range is everything
 * the file holds; a version-1 entry keeps its titles and words, not its old defaults.
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

const OPTIONS_KEY = 'creative-ratio.calendar-import.v2';
const OLD_OPTIONS_KEY = 'creative-ratio.calendar-import.v1';

export const DEFAULT_IMPORT_OPTIONS: CalendarImportOptions = {
  keepTitles: false,
  meetingWords: DEFAULT_MEETING_WORDS.join(', '),
  countTentative: DEFAULT_COUNT_TENTATIVE,
  weeksBack: DEFAULT_WEEKS_BACK,
};

export function loadOptions(): CalendarImportOptions {
  try {
    if (typeof localStorage === 'undefined') return DEFAULT_IMPORT_OPTIONS;
    const raw = localStorage.getItem(OPTIONS_KEY);
    const old = raw ? null : localStorage.getItem(OLD_OPTIONS_KEY);
    if (!raw && !old) return DEFAULT_IMPORT_OPTIONS;
    const o = JSON.parse((raw ?? old)!) as Record<string, unknown>;
    const d = DEFAULT_IMPORT_OPTIONS;
    return {
      keepTitles: typeof o.keepTitles === 'boolean' ? o.keepTitles : d.keepTitles,
      meetingWords: typeof o.meetingWords === 'string' ? o.meetingWords.slice(0, 4000) : d.meetingWords,
      // Version 1 saved its old defaults (tentative off, 12 weeks) with every change: not a choice to keep.
      countTentative: raw && typeof o.countTentative === 'boolean' ? o.countTentative : d.countTentative,
      weeksBack:
        raw && WEEKS_BACK_CHOICES.includes(o.weeksBack as WeeksBack) ? (o.weeksBack as WeeksBack) : d.weeksBack,
    };
  } catch {
    return DEFAULT_IMPORT_OPTIONS;
  }
}

export function saveOptions(o: CalendarImportOptions): void {
  try {
    localStorage.setItem(OPTIONS_KEY, JSON.stringify(o));
  } catch {
    // Storage unavailable: the options simply are not remembered.
  }
}
