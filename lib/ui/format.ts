/**
 * Numbers and times as the person reads them, in their locale, beyond what lib/report/format.ts
 * offers (durations, percentages and points come from there). Pure; `locale` undefined = the runtime's.
 */

const cache = new Map<string, Intl.NumberFormat>();
const dateCache = new Map<string, Intl.DateTimeFormat>();

/**
 * A shared Intl.DateTimeFormat per locale and options. Creating one costs far more than formatting
 * with it (a day's list formats hundreds of times), so every date and time label goes through here.
 */
export function dateTimeFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = dateCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    dateCache.set(key, f);
  }
  return f;
}

function nf(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** A plain number with up to `digits` decimals. */
export function formatNumber(n: number, locale?: string, digits = 1): string {
  return nf(locale, { maximumFractionDigits: digits }).format(n);
}

/** Local clock time of an instant: "14:05" / "2:05 PM". */
export function formatClock(t: number, locale?: string): string {
  return dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(t);
}

/** Minutes after midnight ↔ the `HH:mm` value of an `<input type="time">`. */
export function minutesToTimeInput(minutes: number): string {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function timeInputToMinutes(value: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h > 23 || m > 59) return null;
  return h * 60 + m;
}

/** Hour of day as a clock label, "16:00" / "4 PM". */
export function formatHourOfDay(hour: number, locale?: string): string {
  return dateTimeFormat(locale, { hour: 'numeric' }).format(new Date(2023, 0, 1, hour));
}
