/**
 * Metrics that depend on the order of pieces: context switches and creative blocks.
 *
 * Rules (thresholds in ReportThresholds, defaults in week.ts):
 * - Consecutive pieces of one tool form a run (gaps up to `switchResetGapMs` do not split it).
 *   A run shorter than `flickMs` is a flick: not a visit, so A → B(3 s) → A is no switch.
 * - A switch is a visit to a different tool than the previous visit. After a gap longer than
 *   `switchResetGapMs` (a break, the machine asleep) a new session starts and the first visit
 *   is not a switch: coming back after lunch is not a context switch we can measure.
 * - A creative block is a stretch of creative pieces (any creative tool), the way people experience
 *   focus: it survives gaps up to `blockGapToleranceMs` and non-creative interruptions (a glance
 *   at chat, a quick reply) that add up to less than `blockInterruptionMs` (2 min) before the
 *   next creative piece; its `ms` counts only the creative time in it, and it ends at its last
 *   creative piece.
 */
import type { Piece, ReportThresholds } from '@/lib/report/types';

/** Instants (visit starts) at which the person switched to another tool. */
export function switchInstants(
  pieces: readonly Piece[],
  t: Pick<ReportThresholds, 'flickMs' | 'switchResetGapMs'>,
): number[] {
  const out: number[] = [];
  let prevVisitTool: string | null = null;
  let pendingBreak = false;
  // The current run.
  let runTool: string | null = null;
  let runStart = 0;
  let runEnd = 0;
  let runMs = 0;
  let runBreakBefore = false;

  const closeRun = (): void => {
    if (runTool === null) return;
    if (runMs < t.flickMs) {
      pendingBreak ||= runBreakBefore;
      return;
    }
    const breakBefore = pendingBreak || runBreakBefore;
    pendingBreak = false;
    if (prevVisitTool !== null && !breakBefore && runTool !== prevVisitTool) out.push(runStart);
    prevVisitTool = runTool;
  };

  for (const p of pieces) {
    const gap = runTool === null ? 0 : p.start - runEnd;
    if (runTool !== null && p.toolId === runTool && gap <= t.switchResetGapMs) {
      runEnd = p.end;
      runMs += p.end - p.start;
      continue;
    }
    closeRun();
    runBreakBefore = runTool !== null && gap > t.switchResetGapMs;
    runTool = p.toolId;
    runStart = p.start;
    runEnd = p.end;
    runMs = p.end - p.start;
  }
  closeRun();
  return out;
}

export interface Block {
  start: number;
  end: number;
  ms: number;
}

/** Creative blocks in time order (blocks with less than `flickMs` of creative time are left out). */
export function creativeBlockList(
  pieces: readonly Piece[],
  t: Pick<ReportThresholds, 'flickMs' | 'blockGapToleranceMs' | 'blockInterruptionMs'>,
): Block[] {
  const out: Block[] = [];
  let cur: Block | null = null;
  let interruption = 0;
  let lastEnd = -Infinity;
  const close = (): void => {
    if (cur && cur.ms >= t.flickMs) out.push(cur);
    cur = null;
    interruption = 0;
  };
  for (const p of pieces) {
    if (cur && p.start - lastEnd > t.blockGapToleranceMs) close();
    const ms = p.end - p.start;
    if (p.class === 'creative') {
      if (!cur) cur = { start: p.start, end: p.end, ms: 0 };
      cur.end = p.end;
      cur.ms += ms;
      interruption = 0;
    } else if (cur) {
      interruption += ms;
      if (interruption >= Math.max(t.flickMs, t.blockInterruptionMs)) close();
    }
    lastEnd = p.end;
  }
  close();
  return out;
}
