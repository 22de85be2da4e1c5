/**
 * The weekly review in plain words, computed from a WeekReport: every sentence states numbers
 * from the report, and sentences whose numbers are missing are left out (an empty week says
 * only that it is empty). Each fact is stated once: the totals and the creative share in the
 * overview, then what coordination went to (not its total again), the benchmarks (not the share
 * again), multitasking in meetings (not their time again), the best day only when its share
 * differs from the week's, and time not classified yet. Text is English; numbers, percentages,
 * day names and times follow `locale` (Intl).
 */
import { GOOD_DAY, TYPICAL, benchmarkWords, placeShare } from '@/lib/report/benchmarks';
import { formatDuration, formatPercent, formatPoints } from '@/lib/report/format';
import { blockRuleWords } from '@/lib/report/fragmentation';
import type { ToolRow, WeekComparison, WeekReport } from '@/lib/report/types';

const MIN = 60_000;

export interface ReviewOptions {
  locale: string;
  /** `compareWeeks(trend)` for this week; omitted → no change sentence. */
  comparison?: WeekComparison | null;
  /** How many coordination tools to name (default 3). */
  topTools?: number;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

function unsignedPoints(points: number, locale: string): string {
  return formatPoints(Math.abs(points), locale).replace(/^\+/, '');
}

/** Coordination tools other than meetings, merged per tool, most time first. */
function coordinationTools(rows: readonly ToolRow[]): Array<{ tool: string; ms: number }> {
  const byTool = new Map<string, { tool: string; ms: number }>();
  for (const r of rows) {
    if (r.class !== 'coordination' || r.kind === 'meetings') continue;
    const cur = byTool.get(r.toolId);
    if (cur) cur.ms += r.ms;
    else byTool.set(r.toolId, { tool: r.tool, ms: r.ms });
  }
  return [...byTool.values()].sort((a, b) => b.ms - a.ms);
}

/** Paragraphs of the weekly review, ready to render one `<p>` each. */
export function buildWeeklyReview(report: WeekReport, options: ReviewOptions): string[] {
  const { locale } = options;
  const dur = (ms: number): string => formatDuration(ms, locale);
  /**
   * Where most of `total` went, as the end of a sentence: `all` (all of it) or `most` (with its
   * time) followed by the biggest part's name; nothing when that part is under a minute.
   */
  const whereMost = (top: { ms: number; name: string } | undefined, total: number, all: string, most: string) =>
    !top || top.ms < MIN ? '' : top.ms >= total ? `, ${all} ${top.name}` : `, ${most} ${top.name} (${dur(top.ms)})`;
  const pct = (share: number): string => formatPercent(share, locale);
  const num = (n: number, digits = 0): string =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long' });
  const dateFmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const timeFmt = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
  const dayName = (day: string): string => {
    const d = report.days.find((x) => x.day === day);
    return weekday.format(d ? d.start : report.weekStart);
  };
  const weekOf = dateFmt.format(report.weekStart);
  const t = report.totals;

  if (!report.hasData) {
    return [
      report.current
        ? `No time has been recorded so far in the week of ${weekOf}.`
        : `No time was recorded in the week of ${weekOf}.`,
    ];
  }

  const paragraphs: string[][] = [];
  const intro = report.current ? `So far in the week of ${weekOf}` : `In the week of ${weekOf}`;

  // Where coordination went: meetings and the top tools (their total is stated in 1, not again).
  const coordination: Array<{ name: string; ms: number }> = [];
  if (t.coordination >= MIN) {
    if (report.meetingMs >= MIN) coordination.push({ name: 'meetings', ms: report.meetingMs });
    for (const tool of coordinationTools(report.byTool).slice(0, options.topTools ?? 3)) {
      if (tool.ms >= MIN) coordination.push({ name: tool.tool, ms: tool.ms });
    }
  }
  const allCoordination =
    coordination.length === 1 && coordination[0]!.ms >= t.coordination ? coordination[0]!.name : null;

  // 1. Overview: the totals and the share (time not classified yet is stated in 5).
  const p1: string[] = [];
  if (report.classifiedMs === 0) {
    p1.push(`${intro} none of your tracked time was classified as creative or coordination yet.`);
    if (t.neutral >= MIN) p1.push(`${dur(t.neutral)} of it was personal.`);
  } else {
    p1.push(
      `${intro} creative work took ${dur(t.creative)} and coordination ${dur(t.coordination)}${allCoordination ? ` (all of it ${allCoordination})` : ''}: a creative share of ${pct(report.creativeShare ?? 0)}.`,
    );
    if (t.neutral >= MIN) p1.push(`Another ${dur(t.neutral)} was personal.`);
  }
  if (report.countOnlyInside) p1.push('Only time inside your working hours is counted.');
  paragraphs.push(p1);

  // 2. Where coordination went; creative blocks.
  const p2: string[] = [];
  if (coordination.length > 0 && !allCoordination)
    p2.push(`Where coordination went: ${coordination.map((i) => `${i.name} ${dur(i.ms)}`).join(', ')}.`);
  const longest = report.longestCreativeBlock;
  if (longest && longest.ms >= MIN) {
    p2.push(
      `Longest creative block: ${dur(longest.ms)} on ${dayName(longest.day)}, from ${timeFmt.format(longest.start)}.`,
    );
    const c = report.creativeBlocks;
    if (c.atLeast25 === 0) p2.push('No creative block reached 25 min.');
    else {
      let s = `You had ${num(c.atLeast25)} creative ${plural(c.atLeast25, 'block', 'blocks')} of 25 min or more`;
      if (c.atLeast90 > 0) s += `, ${num(c.atLeast50)} of 50 min or more and ${num(c.atLeast90)} of 90 min or more`;
      else if (c.atLeast50 > 0) s += ` and ${num(c.atLeast50)} of 50 min or more`;
      p2.push(`${s}.`);
    }
    p2.push(blockRuleWords(report.thresholds).split(';')[0]! + '.');
  }
  paragraphs.push(p2);

  // 3. Benchmarks, target and change (the share itself is in 1).
  const p3: string[] = [];
  if (report.creativeShare !== null) {
    const place = placeShare(report.creativeShare, report.targetShare);
    const good = `${pct(GOOD_DAY)}, ${benchmarkWords('good', pct)}`;
    const typical = `${pct(TYPICAL)}, ${benchmarkWords('typical', pct)}`;
    if (place.band === 'at-or-above-good-day') p3.push(`Your creative share reaches ${good}.`);
    else if (place.band === 'between') p3.push(`Your creative share sits between ${typical}, and ${good}.`);
    else p3.push(`Your creative share is at or below ${typical}.`);
    if (place.vsTarget === 'at') p3.push(`That is right on your ${pct(place.target)} target.`);
    else
      p3.push(
        `That is ${unsignedPoints(place.toTargetPts, locale)} ${place.vsTarget} your ${pct(place.target)} target.`,
      );
  }
  const cmp = options.comparison;
  if (cmp) {
    const parts: string[] = [];
    if (cmp.vsLastWeekPts !== null && cmp.lastWeekShare !== null)
      parts.push(`${formatPoints(cmp.vsLastWeekPts, locale)} vs last week (${pct(cmp.lastWeekShare)})`);
    if (cmp.vsAveragePts !== null && cmp.previousAverage !== null)
      parts.push(
        `${formatPoints(cmp.vsAveragePts, locale)} vs your average of the previous ${num(cmp.averageWeeks)} ${plural(cmp.averageWeeks, 'week', 'weeks')} (${pct(cmp.previousAverage)})`,
      );
    if (parts.length > 0) p3.push(`Change: ${parts.join(', ')}.`);
  }
  paragraphs.push(p3);

  // 4. Attention: switches and multitasking in meetings (meeting time is in 2).
  const p4: string[] = [];
  if (report.switchesPerHour !== null) {
    p4.push(
      `You switched tools ${num(report.switchesPerHour, 1)} times per active hour (${num(report.switches)} ${plural(report.switches, 'switch', 'switches')} in ${dur(report.trackedMs)}).`,
    );
  }
  if (report.multitaskMs >= MIN || report.meetingMs >= MIN) {
    const top = report.multitaskByTool[0];
    const where = whereMost(top && { ms: top.ms, name: top.tool }, report.multitaskMs, 'all of it in', 'mostly');
    p4.push(`During meetings you spent ${dur(report.multitaskMs)} in other tools${where}.`);
  }
  paragraphs.push(p4);

  // 5. Best day (when it stands out from the week's share, stated in 1); what is left to classify.
  const p5: string[] = [];
  if (report.bestDay) {
    const d = report.days.find((x) => x.day === report.bestDay);
    if (d && d.creativeShare !== null && pct(d.creativeShare) !== pct(report.creativeShare ?? 0))
      p5.push(`Your most creative day was ${dayName(d.day)}, at ${pct(d.creativeShare)} creative.`);
  }
  if (t.unclassified >= MIN) {
    const top = report.unclassified[0];
    const where = whereMost(top && { ms: top.ms, name: top.host }, t.unclassified, 'all of it on', 'most on');
    p5.push(`${dur(t.unclassified)} was not classified yet${where}; classifying it makes the ratio more accurate.`);
  }
  paragraphs.push(p5);

  return paragraphs.filter((p) => p.length > 0).map((p) => p.join(' '));
}
