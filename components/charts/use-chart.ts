import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Chart, ChartConfiguration, ChartType } from 'chart.js';
import { measureSince, perfNow } from '@/lib/ui/perf';

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

type ChartCtor = typeof Chart;
let chartCtor: ChartCtor | null = null;
let loading: Promise<ChartCtor> | null = null;

/**
 * Load Chart.js (its own chunk). Pages that draw charts call this as early as they can, so the
 * download and compilation overlap with their storage reads instead of delaying the first render.
 */
export function loadCharts(): Promise<ChartCtor> {
  loading ??= import('./chart-setup').then((m) => (chartCtor = m.registerCharts()));
  return loading;
}

/**
 * Give the charts a Chart.js a page imported statically (the dashboard: its first screen is a
 * chart, so Chart.js loads with its modules instead of after them).
 */
export function provideCharts(ctor: ChartCtor): void {
  chartCtor = ctor;
  loading = Promise.resolve(ctor);
}

/**
 * Own one Chart.js instance on a canvas: created once (as soon as Chart.js is loaded), then
 * updated in place without animation whenever `build` produces a new configuration — so live data
 * changes and week switches redraw instantly. `onDrawn` is called after each draw.
 */
export function useChart<T extends ChartType>(
  build: () => ChartConfiguration<T>,
  deps: unknown[],
  onDrawn?: () => void,
): RefObject<HTMLCanvasElement | null> {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const chartRef = useRef<Chart<T> | null>(null);
  const onDrawnRef = useRef(onDrawn);
  // A layout effect too, declared before the drawing one: it must hold this render's callback
  // when the chart is drawn.
  useLayoutEffect(() => {
    onDrawnRef.current = onDrawn;
  });

  // A layout effect: the chart is drawn in the same frame as the page around it (a passive effect
  // would run after a first paint without it, and cost a second frame).
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let cancelled = false;
    const draw = (Ctor: ChartCtor) => {
      if (cancelled || canvasRef.current !== canvas) return;
      const t0 = perfNow();
      const config = build();
      const existing = chartRef.current;
      if (existing) {
        existing.data = config.data;
        if (config.options) existing.options = config.options;
        existing.update('none');
        measureSince(`cr:chart-update:${canvas.dataset.testid ?? ''}`, t0);
      } else {
        chartRef.current = new Ctor(canvas, config as ChartConfiguration) as unknown as Chart<T>;
        measureSince(`cr:chart-create:${canvas.dataset.testid ?? ''}`, t0);
      }
      onDrawnRef.current?.();
    };
    if (chartCtor) draw(chartCtor);
    else void loadCharts().then(draw);
    return () => {
      cancelled = true;
    };
    // Stays: `deps` are the caller's dependencies of `build`, forwarded like useEffect's, which the
    // rule cannot check here. (Checking them at the call sites with `additionalHooks` does not fit
    // either: every chart lists the colour scheme, which `build` never names — it re-reads colours
    // from CSS variables when the scheme changes — and the rule would call it unnecessary.)
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
