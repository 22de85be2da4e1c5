/**
 * Parsing and validation of what the person types on the settings page. Pure: each function
 * returns either a value to save or a message to show beside the field (and nothing is saved).
 */
import { addMonths } from 'date-fns';
import { MAX_IDLE_THRESHOLD_SEC, MIN_IDLE_THRESHOLD_SEC, type WorkingHours } from '@/lib/settings';
import { isPublicSuffix } from '@/lib/classify/vendor-domains';
import { normalizeHost } from '@/lib/url/normalize';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** "3" or "2.5" (minutes, locale comma accepted) → seconds, within the tracker's limits. */
export function parseIdleMinutes(input: string): Parsed<number> {
  const text = input.trim().replace(',', '.');
  if (text === '') return { ok: false, error: 'Enter a number of minutes.' };
  const minutes = Number(text);
  if (!Number.isFinite(minutes)) return { ok: false, error: 'Enter a number of minutes, e.g. 3.' };
  const sec = Math.round(minutes * 60);
  if (sec < MIN_IDLE_THRESHOLD_SEC)
    return {
      ok: false,
      error: `At least ${MIN_IDLE_THRESHOLD_SEC} seconds (0.25 minutes): the browser cannot detect less.`,
    };
  if (sec > MAX_IDLE_THRESHOLD_SEC)
    return { ok: false, error: `At most ${MAX_IDLE_THRESHOLD_SEC / 60} minutes (4 hours).` };
  return { ok: true, value: sec };
}

/** Seconds → the minutes shown in the field ("3", "0.5"). */
export function idleSecondsToMinutes(sec: number): string {
  const m = sec / 60;
  return Number.isInteger(m) ? String(m) : String(Math.round(m * 100) / 100);
}

/**
 * A host to exclude from tracking: an address or host name (`https://www.example.com/x` →
 * `example.com`) or a wildcard for every sub-domain (`*.example.com`). Duplicates are refused.
 */
export function parseExcludedHost(input: string, existing: readonly string[]): Parsed<string> {
  const text = input.trim().toLowerCase();
  if (text === '') return { ok: false, error: 'Enter a site, e.g. bank.example.com or *.example.com.' };
  const notAHost = `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}" is not a web address or host name. Enter one like bank.example.com, or paste the address from the tab.`;
  let value: string;
  if (text.startsWith('*.')) {
    const rest = normalizeHost(text.slice(2));
    if (rest === '' || !rest.includes('.'))
      return { ok: false, error: 'A wildcard needs a domain after "*.", e.g. *.example.com.' };
    if (!isHostName(rest)) return { ok: false, error: notAHost };
    if (isPublicSuffix(rest))
      return {
        ok: false,
        error: `*.${rest} would exclude every site under .${rest}; name a domain, e.g. *.example.${rest}.`,
      };
    value = `*.${rest}`;
  } else {
    if (text.includes('*')) return { ok: false, error: 'Use * only at the start, as in *.example.com.' };
    value = normalizeHost(text);
    if (value === '' || !isHostName(value)) return { ok: false, error: notAHost };
  }
  if (existing.includes(value)) return { ok: false, error: `${value} is already excluded.` };
  return { ok: true, value };
}

/**
 * A host a browser can open: letters, digits, hyphens (and underscores) in dot-separated labels, no
 * label starting or ending with a hyphen, not all digits at the end (an intranet name like `wiki`
 * is fine); or an IP address.
 */
function isHostName(host: string): boolean {
  if (/^\[[0-9a-f:.]+\]$/.test(host) || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return true;
  if (host.length > 253) return false;
  const labels = host.split('.');
  return labels.every((l) => /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/.test(l)) && !/^\d+$/.test(labels.at(-1)!);
}

/** Target share typed as a percentage ("50", "42.5") → 0..1. */
export function parseTargetPercent(input: string): Parsed<number> {
  const text = input.trim().replace(',', '.').replace(/%$/, '').trim();
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) return { ok: false, error: 'Enter a percentage between 0 and 100.' };
  if (n < 0 || n > 100) return { ok: false, error: 'Enter a percentage between 0 and 100.' };
  return { ok: true, value: Math.round(n * 10) / 1000 };
}

/** Working hours from two `HH:mm` fields; the end must be after the start (same day). */
export function parseWorkingTimes(
  startMinute: number | null,
  endMinute: number | null,
): Parsed<Pick<WorkingHours, 'startMinute' | 'endMinute'>> {
  if (startMinute === null || endMinute === null) return { ok: false, error: 'Enter a start and an end time.' };
  if (endMinute <= startMinute)
    return { ok: false, error: 'The end must be later than the start (working hours cannot cross midnight).' };
  return { ok: true, value: { startMinute, endMinute } };
}

export const RETENTION_CHOICES: readonly (number | null)[] = [null, 1, 3, 6, 12, 24, 36];

export function retentionLabel(months: number | null): string {
  if (months === null) return 'Keep everything';
  if (months % 12 === 0) return months === 12 ? '1 year' : `${months / 12} years`;
  return months === 1 ? '1 month' : `${months} months`;
}

/** Data that ended before this instant is deleted under a retention of `months`. */
export function retentionCutoff(months: number, now: number): number {
  return addMonths(now, -months).getTime();
}

/** What a retention would delete: the stretches that ended by the cutoff, their time, and on how many days. */
export interface RetentionLoss {
  stretches: number;
  ms: number;
  days: number;
  /** Start of the earliest deleted stretch, or null when nothing is deleted. */
  from: number | null;
}

/**
 * What choosing a retention with this `cutoff` deletes, from the stretches recorded so far (the same
 * rule as the deletion: a stretch goes once it ended by the cutoff). Days are local calendar days.
 */
export function retentionLoss(
  segments: ReadonlyArray<{ start: number; end: number; day: string }>,
  cutoff: number,
): RetentionLoss {
  let stretches = 0;
  let ms = 0;
  let from: number | null = null;
  const days = new Set<string>();
  for (const s of segments) {
    if (s.end > cutoff) continue;
    stretches += 1;
    ms += Math.max(0, s.end - s.start);
    days.add(s.day);
    if (from === null || s.start < from) from = s.start;
  }
  return { stretches, ms, days: days.size, from };
}

/** Whether switching retention from `current` to `next` months can delete more than now (shorter, or from "keep everything"). */
export function retentionShortens(current: number | null, next: number | null): boolean {
  if (next === null) return false;
  return current === null || next < current;
}

/** The text the person types to confirm deleting everything. */
export const DELETE_CONFIRM_WORD = 'delete';

export function deleteConfirmed(typed: string): boolean {
  return typed.trim().toLowerCase() === DELETE_CONFIRM_WORD;
}

/**
 * "Enough data" thresholds typed in hours ("1", "0.5", "5", locale comma accepted) → whole minutes,
 * within `maxMinutes`. 0 means "always compare".
 */
export function parseThresholdHours(input: string, maxMinutes: number): Parsed<number> {
  const text = input.trim().replace(',', '.');
  const hours = Number(text);
  if (text === '' || !Number.isFinite(hours) || hours < 0)
    return { ok: false, error: 'Enter a number of hours, e.g. 1 or 0.5.' };
  const minutes = Math.round(hours * 60);
  if (minutes > maxMinutes) return { ok: false, error: `At most ${maxMinutes / 60} hours.` };
  return { ok: true, value: minutes };
}

/**
 * The block-interruption threshold typed in minutes ("2", "1,5" — locale comma accepted) → whole
 * minutes (rounded), from `min` to `max`. 0 means "every interruption ends a block".
 */
export function parseInterruptionMinutes(input: string, min: number, max: number): Parsed<number> {
  const text = input.trim().replace(',', '.');
  const minutes = Number(text);
  if (text === '' || !Number.isFinite(minutes)) return { ok: false, error: 'Enter a number of minutes, e.g. 2.' };
  if (minutes < min || minutes > max) return { ok: false, error: `Between ${min} and ${max} minutes.` };
  return { ok: true, value: Math.round(minutes) };
}
