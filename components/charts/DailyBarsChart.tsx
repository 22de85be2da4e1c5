import type { ChartConfiguration } from 'chart.js';
import type { ClassName } from '@/lib/model';
import type { DailyBarsView } from '@/lib/ui/charts';
import { ChartCanvas } from './ChartCanvas';
import { CHART_BOX, cssVar, patternFill, pickByIndex, type PatternKind } from './chart-style';
import { useChart, useColorScheme } from './use-chart';

const PATTERN: Record<ClassName, PatternKind> = {
  creative: 'solid',
  coordination: 'stripes',
  neutral: 'dots',
  unclassified: 'hatch',
};

export interface DailyBarsChartProps {
  view: DailyBarsView;
  formatHours: (hours: number) => string;
  /** Accessible summary of the whole chart. */
  summary: string;
  onSelectDay?: (day: string) => void;
  height?: number;
  /** Called after each draw (the page's timing marks). */
  onDrawn?: () => void;
}

/** Hours per day stacked by kind: creative kinds (solid), coordination (striped), not work (dotted), unclassified (hatched). */
export function DailyBarsChart({
  view,
  formatHours,
  summary,
  onSelectDay,
  height = 280,
  onDrawn,
}: DailyBarsChartProps) {
  const scheme = useColorScheme();
  const canvasRef = useChart<'bar'>(
    () => {
      const text2 = cssVar('--text-2');
      const grid = cssVar('--border');
      const config: ChartConfiguration<'bar'> = {
        type: 'bar',
        data: {
          labels: view.labels,
          datasets: view.series.map((s) => ({
            label: s.name,
            data: s.hours,
            backgroundColor: patternFill(PATTERN[s.class], scheme === 'dark' ? s.colorDark : s.color),
            borderColor: cssVar('--surface'),
            borderWidth: { top: 1, bottom: 0, left: 0, right: 0 },
            stack: 'day',
            maxBarThickness: 56,
          })),
        },
        options: {
          ...CHART_BOX,
          ...pickByIndex(onSelectDay && ((i) => onSelectDay(view.dayKeys[i]!))),
          scales: {
            x: { stacked: true, grid: { display: false }, ticks: { color: text2 } },
            y: {
              stacked: true,
              beginAtZero: true,
              suggestedMax: Math.max(1, Math.ceil(view.maxHours)),
              grid: { color: grid },
              border: { display: false },
              ticks: { color: text2, callback: (v) => formatHours(Number(v)), maxTicksLimit: 6 },
            },
          },
          plugins: {
            tooltip: {
              callbacks: {
                label: (ctx) => (Number(ctx.raw) > 0 ? ` ${ctx.dataset.label}: ${formatHours(Number(ctx.raw))}` : ''),
              },
              filter: (item) => Number(item.raw) > 0,
            },
          },
        },
      };
      return config;
    },
    [view, scheme, formatHours, onSelectDay],
    onDrawn,
  );

  return <ChartCanvas canvasRef={canvasRef} summary={summary} height={height} testId="daily-chart-canvas" />;
}
