/**
 * A Chart.js plugin (inline, per chart) that draws labelled horizontal reference lines — the survey's
 * good-day and typical levels, the team median — on a bar chart's value axis, plus optional short
 * ticks per bar (a median inside a range bar). Lines are dashed or dotted so they do not rely on colour.
 */
import { useState } from 'react';
import type { Chart, Plugin } from 'chart.js';

export interface RefLine {
  value: number;
  color: string;
  dash: number[];
  label: string;
  /** Where the label sits along the line (default: the end). */
  labelAt?: 'start' | 'end';
}

export interface BarTick {
  index: number;
  value: number | null;
  color: string;
}

export interface RefLines {
  lines: readonly RefLine[];
  ticks?: readonly BarTick[];
  axis?: 'x' | 'y';
}

/**
 * The plugin reads what to draw through `get` at every draw. useChart updates an existing chart's
 * data and options but keeps the plugins it was created with, so the lines must not be captured.
 */
export function refLinesPlugin(get: () => RefLines): Plugin {
  return {
    id: 'refLines',
    afterDatasetsDraw(chart: Chart) {
      const { lines, ticks = [], axis = 'y' } = get();
      const { ctx, chartArea } = chart;
      const scale = chart.scales[axis];
      if (!scale) return;
      ctx.save();
      for (const line of lines) {
        const p = scale.getPixelForValue(line.value);
        ctx.strokeStyle = line.color;
        ctx.fillStyle = line.color;
        ctx.lineWidth = 2;
        ctx.setLineDash(line.dash);
        ctx.beginPath();
        if (axis === 'y') {
          ctx.moveTo(chartArea.left, p);
          ctx.lineTo(chartArea.right, p);
        } else {
          ctx.moveTo(p, chartArea.top);
          ctx.lineTo(p, chartArea.bottom);
        }
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.font = '600 11px system-ui, sans-serif';
        if (axis === 'y') {
          const atStart = line.labelAt === 'start';
          ctx.textAlign = atStart ? 'left' : 'right';
          ctx.fillText(line.label, atStart ? chartArea.left + 4 : chartArea.right - 4, p - 4);
        } else {
          ctx.textAlign = 'left';
          ctx.fillText(line.label, p + 4, chartArea.top + 10);
        }
      }
      const meta = chart.getDatasetMeta(0);
      for (const t of ticks) {
        const bar = meta.data[t.index] as unknown as { x: number; width?: number } | undefined;
        if (!bar || t.value === null) continue;
        const y = scale.getPixelForValue(t.value);
        const half = Math.max(8, (bar.width ?? 20) / 2 + 4);
        ctx.strokeStyle = t.color;
        ctx.lineWidth = 3;
        ctx.beginPath();
        ctx.moveTo(bar.x - half, y);
        ctx.lineTo(bar.x + half, y);
        ctx.stroke();
      }
      ctx.restore();
    },
  };
}

/**
 * One plugin per chart plus a setter: call `set` inside the chart's build function with the current
 * lines, and pass `plugin` in the configuration's `plugins`.
 */
export function useRefLines(): { plugin: Plugin; set: (spec: RefLines) => void } {
  const [holder] = useState(() => {
    let spec: RefLines = { lines: [] };
    return { plugin: refLinesPlugin(() => spec), set: (next: RefLines) => void (spec = next) };
  });
  return holder;
}
