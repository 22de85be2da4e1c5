/**
 * Locale-aware formatting of the report's numbers. Units are the international symbols
 * "h" and "min"; digits, separators and percent signs follow the locale (Intl.NumberFormat).
 */
const MIN = 60_000;

const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/**
 * A duration rounded to the minute: "3 h 20 min", "3 h", "45 min", "< 1 min" (more than
 * zero but under a minute), "0 min".
 */
export function formatDuration(ms: number, locale: string): string {
  if (!(ms > 0)) return `${nf(locale, {}).format(0)} min`;
  if (ms < MIN) return `< ${nf(locale, {}).format(1)} min`;
  const total = Math.max(1, Math.round(ms / MIN));
  const h = Math.floor(total / 60);
  const m = total % 60;
  const f = nf(locale, { maximumFractionDigits: 0 });
  if (h === 0) return `${f.format(m)} min`;
  return m === 0 ? `${f.format(h)} h` : `${f.format(h)} h ${f.format(m)} min`;
}

/**
 * Hours for totals, charts and axes: one decimal below 10 h ("9.5 h"), whole hours above ("21 h"),
 * and minutes under an hour ("23 min", "0 min") — a small amount never reads "0 h".
 */
export function formatHours(ms: number, locale: string): string {
  if (!(ms >= 59.5 * MIN)) return formatDuration(ms, locale);
  const h = ms / (60 * MIN);
  const digits = h < 10 ? 1 : 0;
  return `${nf(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(h)} h`;
}

/** A share 0..1 as a percentage: "37%" (en), "37 %" (de, fr). */
export function formatPercent(share: number, locale: string, fractionDigits = 0): string {
  return nf(locale, {
    style: 'percent',
    maximumFractionDigits: fractionDigits,
    minimumFractionDigits: fractionDigits,
  }).format(share);
}

/** Signed percentage points, rounded to whole points: "+4 pts", "-2 pts", "0 pts", "+1 pt". */
export function formatPoints(points: number, locale: string): string {
  const r = Math.round(points) || 0;
  const n = nf(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(r);
  return `${n} ${Math.abs(r) === 1 ? 'pt' : 'pts'}`;
}
