/**
 * Formatters for the team view and the export/backup cards: locale-aware, built on lib/report/format,
 * and free of the database (the team view never opens it).
 */
import { useMemo } from 'react';
import { formatDuration, formatHours, formatPercent } from '@/lib/report/format';

export interface TeamFormatters {
  locale: string;
  /** 0.42 → "42%"; null → "–". */
  share: (v: number | null) => string;
  hours: (ms: number) => string;
  duration: (ms: number) => string;
  number: (n: number, digits?: number) => string;
  /** A week key (yyyy-MM-dd) → "Mar 24". */
  week: (key: string) => string;
  /** A day key → "Mon, Mar 24, 2025". */
  day: (key: string) => string;
}

function localDate(key: string): Date {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
}

export function teamFormatters(locale: string): TeamFormatters {
  const weekFmt = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
  const dayFmt = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
  return {
    locale,
    share: (v) => (v === null || !Number.isFinite(v) ? '–' : formatPercent(v, locale)),
    hours: (ms) => formatHours(ms, locale),
    duration: (ms) => formatDuration(ms, locale),
    number: (n, digits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n),
    week: (key) => weekFmt.format(localDate(key)),
    day: (key) => dayFmt.format(localDate(key)),
  };
}

export function useTeamFormatters(): TeamFormatters {
  const locale = (typeof navigator !== 'undefined' && navigator.language) || 'en-US';
  return useMemo(() => teamFormatters(locale), [locale]);
}
