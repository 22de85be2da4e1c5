/**
 * Wall-clock arithmetic. A "wall" time is a calendar date and clock reading with no zone,
 * encoded as the epoch ms it would be if it were UTC (`Date.UTC(y, m, d, h, mi, s)`), so that
 * adding days or months never meets a DST change. Zones (lib/calendar/time-zones.ts) turn wall
 * times into instants and back. Pure.
 */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface WallFields {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallFromFields(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

export function wallFields(wall: number): WallFields {
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Midnight of the wall day containing `wall`. */
export function wallDate(wall: number): number {
  return Math.floor(wall / DAY) * DAY;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function wallWeekday(wall: number): number {
  return new Date(wall).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
