/**
 * Safety limits of the calendar import, in one place (docs/calendar.md lists them).
 * They keep a huge or hostile file from freezing the page or filling the database.
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
