/**
 * The plan against what happened: for each planned focus block, how much of it was creative,
 * and what took the rest (meetings, chat, which tools; personal time; time not classified yet;
 * no time recorded at all). Pure; the pieces come from the week's resolved timeline
 * (lib/report/timeline.ts), so nothing is counted twice.
 *
 * A finished block is kept when at least 70 % of it was creative, partly kept at 30 %, and
 * broken below that. A block that has not started is upcoming; one under way is in progress.
 */
import { KINDS } from '@/lib/classify/kinds';
import type { ClassName, KindId } from '@/lib/model';
import { formatDuration } from '@/lib/report/format';
import { sortBlocks, type PlanBlock } from './types';

export const KEPT_SHARE = 0.7;
export const PARTLY_SHARE = 0.3;

/** A classified stretch of time (a lib/report Piece reduced to what this needs). */
export interface ActualPiece {
  start: number;
  end: number;
  class: ClassName;
  kind: KindId;
  tool: string;
}

export type BlockStatus = 'upcoming' | 'in-progress' | 'kept' | 'partly' | 'broken';

/** One thing that took time from a block. */
export interface Breaker {
  /** `kind:<id>` for coordination kinds, `personal`, `unclassified`, `untracked`. */
  key: string;
  /** "Meetings & calendar", "Personal", "Not classified yet", "No time recorded". */
  label: string;
  ms: number;
  /** Tools in it, most time first (empty for untracked). */
  tools: string[];
}

export interface BlockOutcome {
  block: PlanBlock;
  status: BlockStatus;
  lengthMs: number;
  /** Time of the block up to now. */
  elapsedMs: number;
  creativeMs: number;
  /** What took the rest, most time first (creative time is not listed). */
  breakers: Breaker[];
}

/** Compare each block with the pieces (any order; pieces must not overlap each other). */
export function planVsActual(
  blocks: readonly PlanBlock[],
  pieces: readonly ActualPiece[],
  now: number,
): BlockOutcome[] {
  const sorted = [...pieces].filter((p) => p.end > p.start).sort((a, b) => a.start - b.start);
  return sortBlocks(blocks).map((block) => {
    const lengthMs = Math.max(0, block.end - block.start);
    const until = Math.min(block.end, now);
    const elapsedMs = Math.max(0, until - block.start);
    let creativeMs = 0;
    let covered = 0;
    const by = new Map<string, { label: string; ms: number; tools: Map<string, number> }>();
    const add = (key: string, label: string, ms: number, tool?: string) => {
      let row = by.get(key);
      if (!row) by.set(key, (row = { label, ms: 0, tools: new Map() }));
      row.ms += ms;
      if (tool) row.tools.set(tool, (row.tools.get(tool) ?? 0) + ms);
    };
    for (const p of sorted) {
      if (p.start >= until) break;
      const ms = Math.min(p.end, until) - Math.max(p.start, block.start);
      if (ms <= 0) continue;
      covered += ms;
      if (p.class === 'creative') creativeMs += ms;
      else if (p.class === 'coordination') add(`kind:${p.kind}`, KINDS[p.kind]?.name ?? 'Coordination', ms, p.tool);
      else if (p.class === 'neutral') add('personal', 'Personal', ms, p.tool);
      else add('unclassified', 'Not classified yet', ms, p.tool);
    }
    const untracked = elapsedMs - covered;
    if (untracked >= 60_000) add('untracked', 'No time recorded', untracked);
    const breakers: Breaker[] = [...by.entries()]
      .map(([key, r]) => ({
        key,
        label: r.label,
        ms: r.ms,
        tools: [...r.tools.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t),
      }))
      .sort((a, b) => b.ms - a.ms || (a.key < b.key ? -1 : 1));
    let status: BlockStatus;
    if (now <= block.start) status = 'upcoming';
    else if (now < block.end) status = 'in-progress';
    else if (creativeMs >= KEPT_SHARE * lengthMs) status = 'kept';
    else if (creativeMs >= PARTLY_SHARE * lengthMs) status = 'partly';
    else status = 'broken';
    return { block, status, lengthMs, elapsedMs, creativeMs, breakers };
  });
}

export interface PlanSummary {
  total: number;
  kept: number;
  partly: number;
  broken: number;
  upcoming: number;
  /** What broke or cut blocks most, over the finished blocks that were not kept (null when none). */
  mainBreaker: string | null;
  sentence: string;
}

/** "3 of 5 blocks kept, 1 partly, 1 broken. What got in the way most: Meetings & calendar (45 min)." */
export function summarizePlan(outcomes: readonly BlockOutcome[], locale = 'en'): PlanSummary {
  const count = (s: BlockStatus) => outcomes.filter((o) => o.status === s).length;
  const kept = count('kept');
  const partly = count('partly');
  const broken = count('broken');
  const upcoming = count('upcoming') + count('in-progress');
  const total = outcomes.length;
  const against = new Map<string, number>();
  for (const o of outcomes) {
    if (o.status !== 'partly' && o.status !== 'broken') continue;
    for (const b of o.breakers) against.set(b.label, (against.get(b.label) ?? 0) + b.ms);
  }
  const main = [...against.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? null;
  let sentence: string;
  if (total === 0) sentence = 'No focus blocks were planned for this week.';
  else if (upcoming === total)
    sentence = `${total} focus ${total === 1 ? 'block is' : 'blocks are'} planned; none has started yet.`;
  else {
    const done = total - upcoming;
    const parts = [`${kept} of ${done} ${done === 1 ? 'block' : 'blocks'} kept`];
    if (partly) parts.push(`${partly} partly`);
    if (broken) parts.push(`${broken} broken`);
    sentence = `${parts.join(', ')}${upcoming ? ` (${upcoming} still to come)` : ''}.`;
    if (main) sentence += ` What got in the way most: ${main[0].toLowerCase()} (${formatDuration(main[1], locale)}).`;
  }
  return { total, kept, partly, broken, upcoming, mainBreaker: main ? main[0] : null, sentence };
}
