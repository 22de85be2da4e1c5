/**
 * The weekly review in plain words, computed from a WeekReport: every sentence states numbers
 * from the report, and sentences whose numbers are missing are left out (an empty week says
 * only that it is empty). Text is English; numbers, percentages, day names and times follow
 * `locale` (Intl).
 */
import { GOOD_DAY, TYPICAL, placeShare } from '@/lib/report/benchmarks';
import { formatDuration, formatPercent, formatPoints } from '@/lib/report/format';
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
  const pct = (share: number): string => formatPercent(share, locale);
  const num = (n: number, digits = 0): string => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
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
  const other = t.neutral + t.unclassified;

  // 1. Overview.
  const p1: string[] = [];
  if (report.classifiedMs === 0) {
    p1.push(`${intro} you tracked ${dur(report.trackedMs)}, none of it classified as creative or coordination yet.`);
  } else {
    p1.push(
      `${intro} creative work took ${dur(t.creative)} and coordination ${dur(t.coordination)}: a creative share of ${pct(report.creativeShare ?? 0)}.`,
    );
    if (other >= MIN) p1.push(`Another ${dur(other)} was personal or not yet classified.`);
  }
  if (report.countOnlyInside) p1.push('Only time inside your working hours is counted.');
  paragraphs.push(p1);

  // 2. Where coordination went; creative blocks.
  const p2: string[] = [];
  if (t.coordination >= MIN) {
    const items: string[] = [];
    if (report.meetingMs >= MIN) items.push(`meetings ${dur(report.meetingMs)}`);
    for (const tool of coordinationTools(report.byTool).slice(0, options.topTools ?? 3)) {
      if (tool.ms >= MIN) items.push(`${tool.tool} ${dur(tool.ms)}`);
    }
    p2.push(items.length > 0 ? `Coordination took ${dur(t.coordination)}: ${items.join(', ')}.` : `Coordination took ${dur(t.coordination)}.`);
  }
  const longest = report.longestCreativeBlock;
  if (longest && longest.ms >= MIN) {
    p2.push(`Longest creative block: ${dur(longest.ms)} on ${dayName(longest.day)}, from ${timeFmt.format(longest.start)}.`);
    const c = report.creativeBlocks;
    if (c.atLeast25 === 0) p2.push('No creative block reached 25 min.');
    else {
      let s = `You had ${num(c.atLeast25)} creative ${plural(c.atLeast25, 'block', 'blocks')} of 25 min or more`;
      if (c.atLeast90 > 0) s += `, ${num(c.atLeast50)} of 50 min or more and ${num(c.atLeast90)} of 90 min or more`;
      else if (c.atLeast50 > 0) s += ` and ${num(c.atLeast50)} of 50 min or more`;
      p2.push(`${s}.`);
    }
  }
  paragraphs.push(p2);

  // 3. Benchmarks, target and change.
  const p3: string[] = [];
  if (report.creativeShare !== null) {
    const place = placeShare(report.creativeShare, report.targetShare);
    const share = pct(report.creativeShare);
    if (place.band === 'at-or-above-good-day')
      p3.push(`At ${share}, your creative share reaches what B2B marketers call a good day (${pct(GOOD_DAY)} creative).`);
    else if (place.band === 'between')
      p3.push(`At ${share}, your creative share sits between what B2B marketers call typical (${pct(TYPICAL)}) and a good day (${pct(GOOD_DAY)}).`);
    else p3.push(`At ${share}, your creative share is at or below what B2B marketers call typical (${pct(TYPICAL)}).`);
    if (place.vsTarget === 'at') p3.push(`That is right on your ${pct(place.target)} target.`);
    else p3.push(`That is ${unsignedPoints(place.toTargetPts, locale)} ${place.vsTarget} your ${pct(place.target)} target.`);
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

  // 4. Attention: switches and multitasking in meetings.
  const p4: string[] = [];
  if (report.switchesPerHour !== null) {
    p4.push(
      `You switched tools ${num(report.switchesPerHour, 1)} times per active hour (${num(report.switches)} ${plural(report.switches, 'switch', 'switches')} in ${dur(report.trackedMs)}).`,
    );
  }
  if (report.multitaskMs >= MIN) {
    const top = report.multitaskByTool[0];
    const mostly = top && top.ms >= MIN ? `, mostly ${top.tool} (${dur(top.ms)})` : '';
    p4.push(`During meetings you spent ${dur(report.multitaskMs)} in other tools${mostly}.`);
  } else if (report.meetingMs >= MIN) {
    p4.push(`No other tool was in the foreground during your ${dur(report.meetingMs)} of meetings.`);
  }
  paragraphs.push(p4);

  // 5. Best day; what is left to classify.
  const p5: string[] = [];
  if (report.bestDay) {
    const d = report.days.find((x) => x.day === report.bestDay);
    if (d && d.creativeShare !== null) p5.push(`Your most creative day was ${dayName(d.day)}, at ${pct(d.creativeShare)} creative.`);
  }
  const unclassifiedMs = report.unclassified.reduce((a, u) => a + u.ms, 0);
  const topHost = report.unclassified[0];
  if (unclassifiedMs >= MIN && topHost) {
    p5.push(`${dur(unclassifiedMs)} on sites not classified yet, most on ${topHost.host} (${dur(topHost.ms)}); classifying them makes the ratio more accurate.`);
  }
  paragraphs.push(p5);

  return paragraphs.filter((p) => p.length > 0).map((p) => p.join(' '));
}
