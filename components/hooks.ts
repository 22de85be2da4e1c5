/**
 * Hooks shared by the pages that read no data: the time, the locale and its formatters, and
 * `useStable`. The hooks that read IndexedDB are in ./data/.
 */
import { useEffect, useMemo, useState } from 'react';
import { formatDuration, formatHours, formatPercent, formatPoints } from '@/lib/report/format';
import { formatClock } from '@/lib/ui/format';

/**
 * `value`, keeping the same object while its content (as JSON) stays the same: the live answer
 * that replaces an early read's equal value must not make every memo downstream recompute.
 * For small values only (settings, rules, the tracker checkpoint).
 */
export function useStable<T>(value: T): T {
  const key = value === undefined ? '' : JSON.stringify(value);
  // The value held from an earlier render, replaced (during this render) when its content changed.
  const [held, setHeld] = useState({ key, value });
  if (held.key !== key) {
    setHeld({ key, value });
    return value;
  }
  return held.value;
}

/** The current time, refreshed every `intervalMs` (pages show "today" and open segments). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') setNow(Date.now());
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [intervalMs]);
  return now;
}

/** The person's locale for numbers and dates. */
export function useLocale(): string {
  return useMemo(() => (typeof navigator !== 'undefined' && navigator.language) || 'en-US', []);
}

export interface Formatters {
  locale: string;
  /** 0.42 → "42%"; null → "–" (nothing classified). */
  share: (v: number | null) => string;
  /** Percentage points (already × 100): 4 → "+4 pts"; null → "–". */
  points: (v: number | null) => string;
  hours: (ms: number) => string;
  duration: (ms: number) => string;
  clock: (t: number) => string;
  date: (t: number) => string;
}

export function useFormatters(): Formatters {
  const locale = useLocale();
  return useMemo(() => {
    const dateFmt = new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric' });
    return {
      locale,
      share: (v) => (v === null || !Number.isFinite(v) ? '–' : formatPercent(v, locale)),
      points: (v) => (v === null || !Number.isFinite(v) ? '–' : formatPoints(v, locale)),
      hours: (ms) => formatHours(ms, locale),
      duration: (ms) => formatDuration(ms, locale),
      clock: (t) => formatClock(t, locale),
      date: (t) => dateFmt.format(new Date(t)),
    };
  }, [locale]);
}
