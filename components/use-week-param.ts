import { useCallback, useEffect, useState } from 'react';
import type { WeekDay } from '@/lib/settings';
import { normalizeWeekKey, type WeekKey } from '@/lib/time/week';

function readParam(): string | null {
  return new URLSearchParams(location.search).get('week');
}

/**
 * The week shown, kept in the address (`?week=yyyy-MM-dd`) so reloads, links between pages
 * and Back/Forward keep it. Null until the week start is known (settings loading).
 */
export function useWeekParam(weekStartsOn: WeekDay | null, now: number): [WeekKey | null, (week: WeekKey) => void] {
  const [raw, setRaw] = useState<string | null>(() => readParam());
  useEffect(() => {
    const onPop = () => setRaw(readParam());
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const week = weekStartsOn === null ? null : normalizeWeekKey(raw, weekStartsOn, now);
  const setWeek = useCallback((next: WeekKey) => {
    const url = new URL(location.href);
    url.searchParams.set('week', next);
    history.pushState(null, '', url);
    setRaw(next);
  }, []);
  return [week, setWeek];
}
