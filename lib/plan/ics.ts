/**
 * The focus plan as an iCalendar file (RFC 5545) to import into Google Calendar, Outlook or
 * Apple Calendar. Times are UTC (`…Z`), so no VTIMEZONE is needed and every calendar shows the
 * blocks at the right local time. Lines end in CRLF and are folded at 75 octets (UTF-8 aware).
 * Each block is one VEVENT with a stable UID (from the block's id, so importing an edited plan
 * again updates the same events), DTSTAMP, TRANSP:OPAQUE (busy) and a title such as
 * "Focus: writing". Nothing else about the person is written. Pure.
 */
import { blockTitle, sortBlocks, type PlanBlock } from './types';

export const PRODID = '-//Creative Ratio//Focus plan 1.0//EN';
export const UID_DOMAIN = 'focus-plan.creative-ratio';

/** `20261207T090000Z` */
export function icsUtc(t: number): string {
  return new Date(t)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Escape a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Fold one content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  const parts: string[] = [];
  let cur = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (octets + n > limit) {
      parts.push(cur);
      cur = '';
      octets = 0;
      limit = 74; // continuation lines start with a space
    }
    cur += ch;
    octets += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

/** Make a UID-safe token of a block id. */
function uidOf(id: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]/g, '-')}@${UID_DOMAIN}`;
}

export interface PlanIcsOptions {
  /** DTSTAMP: when the file was made. */
  now: number;
  /** Shown as the calendar's name by importers that read it. */
  calendarName?: string;
}

/** The plan's .ics text. */
export function planToIcs(blocks: readonly PlanBlock[], options: PlanIcsOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.calendarName) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  const stamp = icsUtc(options.now);
  for (const b of sortBlocks(blocks)) {
    if (!(b.end > b.start)) continue;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidOf(b.id)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsUtc(b.start)}`,
      `DTEND:${icsUtc(b.end)}`,
      `SUMMARY:${escapeText(blockTitle(b.kind))}`,
      `DESCRIPTION:${escapeText('Protected time for creative work, planned with Creative Ratio.')}`,
      'TRANSP:OPAQUE',
      'STATUS:CONFIRMED',
      'CLASS:PRIVATE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A file name for the plan of the week starting `week` (yyyy-MM-dd). */
export function planFileName(week: string): string {
  return `focus-plan-${week}.ics`;
}
