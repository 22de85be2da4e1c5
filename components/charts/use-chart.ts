import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ChartConfiguration, ChartType } from 'chart.js';
import { registerCharts, type Chart } from './chart-setup';

/** Re-renders when the system switches between light and dark, so charts re-read the colours. */
export function useColorScheme(): 'light' | 'dark' {
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setDark(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return dark ? 'dark' : 'light';
}

/**
 * Own one Chart.js instance on a canvas: created once, then updated in place (no animation)
 * whenever `build` produces a new configuration — so live data changes redraw instantly.
 */
export function useChart<T extends ChartType>(build: () => ChartConfiguration<T>, deps: unknown[]): RefObject<HTMLCanvasElement | null> {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const chartRef = useRef<Chart<T> | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const config = build();
    const existing = chartRef.current;
    if (existing) {
      existing.data = config.data;
      if (config.options) existing.options = config.options;
      existing.update('none');
      return;
    }
    const ChartCtor = registerCharts();
    chartRef.current = new ChartCtor(canvas, config) as unknown as Chart<T>;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(
    () => () => {
      chartRef.current?.destroy();
      chartRef.current = null;
    },
    [],
  );

  return canvasRef;
}
