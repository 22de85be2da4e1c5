import type { ChartConfiguration } from 'chart.js';
import type { TrendView } from '@/lib/ui/charts';
import { benchmarkWords } from '@/lib/report/benchmarks';
import { ChartCanvas } from './ChartCanvas';
import { CHART_BOX, cssVar, pickByIndex } from './chart-style';
import { useChart, useColorScheme } from './use-chart';

export interface TrendChartProps {
  view: TrendView;
  goodDay: number;
  typical: number;
  target: number;
  /** Index of the week being shown (highlighted point). */
  selectedIndex: number;
  formatPercent: (pct: number) => string;
  summary: string;
  onSelectWeek?: (week: string) => void;
  height?: number;
}

/**
 * Creative share per week with the survey lines (good day 50 %: dashed, typical 25 %: dotted)
 * and the person's target (solid). Each line is also named in the legend and the table.
 */
export function TrendChart({
  view,
  goodDay,
  typical,
  target,
  selectedIndex,
  formatPercent,
  summary,
  onSelectWeek,
  height = 260,
}: TrendChartProps) {
  const scheme = useColorScheme();
  const canvasRef = useChart<'line'>(() => {
    const text2 = cssVar('--text-2');
    const grid = cssVar('--border');
    const creative = cssVar('--creative');
    const surface = cssVar('--surface');
    const flat = (v: number) => view.labels.map(() => v * 100);
    const config: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        labels: view.labels,
        datasets: [
          {
            label: 'Your creative share',
            data: view.sharePct,
            borderColor: creative,
            backgroundColor: creative,
            borderWidth: 2.5,
            pointRadius: view.sharePct.map((_, i) => (i === selectedIndex ? 6 : 3.5)),
            pointHoverRadius: 7,
            pointBackgroundColor: view.sharePct.map((_, i) => (i === selectedIndex ? creative : surface)),
            pointBorderColor: creative,
            pointBorderWidth: 2,
            pointStyle: 'circle',
            spanGaps: true,
            tension: 0.25,
          },
          {
            label: `${formatPercent(goodDay * 100)} — ${benchmarkWords('good', (v) => formatPercent(v * 100))}`,
            data: flat(goodDay),
            borderColor: cssVar('--bench-good'),
            borderDash: [7, 5],
            borderWidth: 2,
            pointRadius: 0,
            pointHoverRadius: 0,
          },
          {
            label: `${formatPercent(typical * 100)} — ${benchmarkWords('typical', (v) => formatPercent(v * 100))}`,
            data: flat(typical),
            borderColor: cssVar('--bench-typical'),
            borderDash: [2, 4],
            borderWidth: 2.5,
            pointRadius: 0,
            pointHoverRadius: 0,
          },
          {
            label: `Your target (${formatPercent(target * 100)})`,
            data: flat(target),
            borderColor: cssVar('--target'),
            borderWidth: 1.5,
            pointRadius: 0,
            pointHoverRadius: 0,
          },
        ],
      },
      options: {
        ...CHART_BOX,
        ...pickByIndex(onSelectWeek && ((i) => onSelectWeek(view.weeks[i]!))),
        scales: {
          x: { grid: { display: false }, ticks: { color: text2, maxRotation: 0, autoSkipPadding: 12 } },
          y: {
            min: 0,
            max: 100,
            grid: { color: grid },
            border: { display: false },
            ticks: { color: text2, stepSize: 25, callback: (v) => formatPercent(Number(v)) },
          },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: (ctx) =>
                ctx.raw === null || ctx.raw === undefined
                  ? ` ${ctx.dataset.label}: no data`
                  : ` ${ctx.dataset.label}: ${formatPercent(Number(ctx.raw))}`,
            },
          },
        },
      },
    };
    return config;
  }, [view, scheme, goodDay, typical, target, selectedIndex, formatPercent, onSelectWeek]);

  return <ChartCanvas canvasRef={canvasRef} summary={summary} height={height} testId="trend-chart-canvas" />;
}
