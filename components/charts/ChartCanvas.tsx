import type { RefObject } from 'react';

export interface ChartCanvasProps {
  canvasRef: RefObject<HTMLCanvasElement | null>;
  /** The chart in words: the canvas's accessible name and its fallback content. */
  summary: string;
  height: number;
  testId: string;
}

/** The box a Chart.js canvas draws in, sized by `height`, with the chart said in words. */
export function ChartCanvas({ canvasRef, summary, height, testId }: ChartCanvasProps) {
  return (
    <div className="chart-box" style={{ height }}>
      <canvas ref={canvasRef} role="img" aria-label={summary} data-testid={testId}>
        {summary}
      </canvas>
    </div>
  );
}
