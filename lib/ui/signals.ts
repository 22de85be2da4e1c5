/**
 * Orchestration signals: what fragments a marketer's week (meetings, chat, switching,
 * short creative blocks, tool sprawl, multitasking in meetings), as tiles and a per-day table. Pure.
 */
import type { WeekReport } from '@/lib/report/types';
import { blockRuleWords } from '@/lib/report/fragmentation';
import { formatDayLabel } from '@/lib/ui/week';

export interface SignalFormat {
  hours: (ms: number) => string;
  duration: (ms: number) => string;
  number: (n: number, digits?: number) => string;
  share: (v: number | null) => string;
  locale?: string;
}

export interface SignalTile {
  key: string;
  label: string;
  value: string;
  help: string;
}

export interface SignalDayRow {
  day: string;
  label: string;
  active: boolean;
  longestBlock: string;
  blocks25: number;
  blocks50: number;
  blocks90: number;
  switchesPerHour: string;
  tools: number;
  meetings: string;
  multitask: string;
}

export interface SignalsView {
  tiles: SignalTile[];
  days: SignalDayRow[];
  /** "Slack 40 min, Gmail 25 min" — what was used during meetings. */
  multitaskTools: string;
  /** The block rule in words, from the thresholds the report used ("Short interruptions under 2 min…"). */
  blockRule: string;
}

export function signalsView(report: WeekReport, fmt: SignalFormat): SignalsView {
  const activeDays = report.days.filter((d) => d.trackedMs > 0);
  const avgTools = activeDays.length ? activeDays.reduce((s, d) => s + d.distinctTools, 0) / activeDays.length : 0;
  const share = (ms: number) => (report.trackedMs > 0 ? fmt.share(ms / report.trackedMs) : fmt.share(null));
  const longest = report.longestCreativeBlock;
  const b = report.creativeBlocks;
  const tiles: SignalTile[] = [
    {
      key: 'meetings',
      label: 'In meetings',
      value: fmt.hours(report.meetingMs),
      help: `${share(report.meetingMs)} of tracked time`,
    },
    {
      key: 'messaging',
      label: 'On chat & email',
      value: fmt.hours(report.messagingMs),
      help: `${share(report.messagingMs)} of tracked time`,
    },
    {
      key: 'switches',
      label: 'Context switches',
      value: report.switchesPerHour === null ? '–' : `${fmt.number(report.switchesPerHour, 1)} / h`,
      help:
        report.switchesPerHour === null
          ? 'Needs at least 15 minutes of activity'
          : `${fmt.number(report.switches, 0)} switches between tools this week`,
    },
    {
      key: 'longest',
      label: 'Longest creative block',
      value: longest ? fmt.duration(longest.ms) : '–',
      help: longest ? `On ${formatDayLabel(longest.day, fmt.locale)}` : 'No uninterrupted creative time yet',
    },
    {
      key: 'blocks',
      label: 'Creative blocks',
      value: `${b.atLeast25} · ${b.atLeast50} · ${b.atLeast90}`,
      help: 'of 25+, 50+ and 90+ minutes',
    },
    {
      key: 'tools',
      label: 'Tools per day',
      value: activeDays.length ? fmt.number(avgTools, 1) : '–',
      help: 'Distinct tools on an average active day',
    },
    {
      key: 'multitask',
      label: 'Multitasking in meetings',
      value: fmt.hours(report.multitaskMs),
      help:
        report.meetingMs > 0
          ? `${fmt.share(report.multitaskMs / report.meetingMs)} of meeting time on other tools`
          : 'Other tools used during calls',
    },
  ];
  const days: SignalDayRow[] = report.days.map((d) => ({
    day: d.day,
    label: formatDayLabel(d.day, fmt.locale),
    active: d.trackedMs > 0,
    longestBlock: d.longestCreativeBlock ? fmt.duration(d.longestCreativeBlock.ms) : '–',
    blocks25: d.creativeBlocks.atLeast25,
    blocks50: d.creativeBlocks.atLeast50,
    blocks90: d.creativeBlocks.atLeast90,
    switchesPerHour: d.switchesPerHour === null ? '–' : fmt.number(d.switchesPerHour, 1),
    tools: d.distinctTools,
    meetings: fmt.hours(d.meetingMs),
    multitask: fmt.hours(d.multitaskMs),
  }));
  const multitaskTools = report.multitaskByTool
    .slice(0, 4)
    .map((t) => `${t.tool} ${fmt.duration(t.ms)}`)
    .join(', ');
  return { tiles, days, multitaskTools, blockRule: blockRuleWords(report.thresholds) };
}
