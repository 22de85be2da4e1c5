/**
 * What the charts need from the page's styles: CSS colour variables and fills that carry meaning
 * without colour. No Chart.js here, so the chart components can be imported before Chart.js loads.
 */

/** Read the page's CSS colour variables (light or dark, whichever is in force). */
export function cssVar(name: string, fallback = '#888'): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

export type PatternKind = 'solid' | 'stripes' | 'dots' | 'hatch';

/**
 * A fill that carries meaning without colour: solid, diagonal stripes, dots or cross-hatch,
 * matching the CSS `.fill-*` classes used by legends and the popup bar.
 */
const patterns = new Map<string, CanvasPattern | string>();

export function patternFill(kind: PatternKind, color: string): CanvasPattern | string {
  if (kind === 'solid') return color;
  const ratio = Math.max(1, Math.round(globalThis.devicePixelRatio || 1));
  // Patterns are immutable once made: one per kind, colour and pixel ratio (charts rebuild their
  // configuration on every data change).
  const key = `${kind}|${color}|${ratio}`;
  const hit = patterns.get(key);
  if (hit) return hit;
  const made = makePattern(kind, color, ratio);
  patterns.set(key, made);
  return made;
}

function makePattern(kind: Exclude<PatternKind, 'solid'>, color: string, ratio: number): CanvasPattern | string {
  const size = 8 * ratio;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, size, size);
  if (kind === 'stripes') {
    ctx.strokeStyle = cssVar('--chart-pattern-stripe');
    ctx.lineWidth = 2 * ratio;
    ctx.beginPath();
    for (let o = -size; o <= size; o += size / 2) {
      ctx.moveTo(o, size);
      ctx.lineTo(o + size, 0);
    }
    ctx.stroke();
  } else if (kind === 'dots') {
    ctx.fillStyle = cssVar('--chart-pattern-dot');
    for (const [x, y] of [
      [2, 2],
      [6, 6],
    ] as const) {
      ctx.beginPath();
      ctx.arc(x * ratio, y * ratio, 1.1 * ratio, 0, Math.PI * 2);
      ctx.fill();
    }
  } else {
    ctx.strokeStyle = cssVar('--chart-pattern-hatch');
    ctx.lineWidth = ratio;
    ctx.beginPath();
    ctx.moveTo(0, 0);
    ctx.lineTo(size, size);
    ctx.moveTo(size, 0);
    ctx.lineTo(0, size);
    ctx.stroke();
  }
  return ctx.createPattern(canvas, 'repeat') ?? color;
}

/**
 * The options every chart starts from: it fills the box its figure gives it, and draws without
 * animation (live data and week switches redraw at once).
 */
export const CHART_BOX = { responsive: true, maintainAspectRatio: false, animation: false } as const;

/**
 * Hover and click by category (all datasets of the column at once): a click on a column calls
 * `onPick` with its index.
 */
export function pickByIndex(onPick: ((index: number) => void) | undefined) {
  return {
    interaction: { mode: 'index', intersect: false } as const,
    onClick: (_e: unknown, elements: readonly { index: number }[]) => {
      const first = elements[0];
      if (first && onPick) onPick(first.index);
    },
  };
}
