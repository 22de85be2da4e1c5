/**
 * Safety limits of the calendar import, in one place (docs/calendar.md lists them).
 * They keep a huge or hostile file from freezing the page or filling the database. The
 * per-file work budget (lib/calendar/budget.ts) uses the FILE_* limits.
 */

/** Largest file read, in characters (≈ bytes for the ASCII that .ics files mostly are). */
export const MAX_ICS_CHARS = 10 * 1024 * 1024;

/** Most VEVENT components in one file. */
export const MAX_EVENTS = 50_000;

/** Most occurrences (after recurrence expansion) inside the chosen window. */
export const MAX_OCCURRENCES = 50_000;

/** Deepest BEGIN/END nesting accepted (VCALENDAR > VEVENT > VALARM is 3). */
export const MAX_DEPTH = 8;

/** Events this long or longer are placeholders (conferences, travel), not meetings. */
export const MAX_MEETING_MS = 8 * 60 * 60 * 1000;

/** Longest label kept for a meeting or a manual block. */
export const MAX_LABEL_CHARS = 80;

/** Widest expansion window accepted (a bit over two years). */
export const MAX_WINDOW_MS = 800 * 24 * 60 * 60 * 1000;

/** Repeat-rule instances one file may make the engine generate (in or out of the window, time-zone rules included). */
export const FILE_MAX_INSTANCES = 200_000;

/** STANDARD/DAYLIGHT observances in the VTIMEZONEs one file's times need. */
export const FILE_MAX_OBSERVANCES = 100;

/** Candidate times one period of one rule may hold (days in the period × BYHOUR × BYMINUTE × BYSECOND). */
export const FILE_MAX_CANDIDATES_PER_PERIOD = 2_000;

/** EXDATE and RDATE values in one file. */
export const FILE_MAX_LISTED_DATES = 50_000;

/** Wall-clock time one file may take to read and expand. */
export const FILE_MAX_MS = 20_000;

/** The earliest instant an import accepts: 1 January 2000, UTC. Events starting earlier are skipped and counted. */
export const PLAUSIBLE_FROM = Date.UTC(2000, 0, 1);

/** Events starting more than this after now are skipped and counted. */
export const PLAUSIBLE_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

/** At most this many calendar subscriptions (each is one host permission and one hourly request). */
export const MAX_SUBSCRIPTIONS = 10;
