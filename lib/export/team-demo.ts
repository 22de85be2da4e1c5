/**
 * Synthetic team export files for the screenshots, the demo and the real-browser tests: `count`
 * people, each with their own creative share, mix of coordination and fragmentation, over the
 * `weeks` whole weeks before `now`. Deterministic (seeded), pure, valid for the team view's parser.
 */
import { format } from 'date-fns';
import type { KindId } from '@/lib/model';
import { teamExportRange } from './team';
import {
  TEAM_FORMAT,
  TEAM_FORMAT_VERSION,
  TEAM_KINDS,
  serializeTeamExport,
  teamExportFileName,
  type TeamExport,
  type TeamWeek,
} from './team-format';
import { createRng } from '@/lib/demo/rng';

const MIN = 60_000;

const COORDINATION: readonly KindId[] = ['meetings', 'messaging', 'project', 'reporting', 'admin'];
const CREATIVE: readonly KindId[] = ['writing', 'design', 'research', 'building', 'ai'];

/** Split `totalMin` minutes over `kinds` by `weights` in whole minutes (largest remainder). */
function split(totalMin: number, kinds: readonly KindId[], weights: readonly number[]): Map<KindId, number> {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (totalMin * w) / sum);
  const floors = exact.map(Math.floor);
  let left = totalMin - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return new Map(kinds.map((k, i) => [k, floors[i]!]));
}

export interface DemoTeamFile {
  fileName: string;
  text: string;
  export: TeamExport;
}

export interface DemoTeamOptions {
  count?: number;
  weeks?: number;
  seed?: number;
  /** Aliases for the first files (the rest stay unnamed, as by default). */
  aliases?: readonly string[];
}

/** `count` people's team exports (default 7 people, 6 weeks), made at `now`. */
export function demoTeamFiles(now: number, options: DemoTeamOptions = {}): DemoTeamFile[] {
  const { count = 7, weeks = 6, seed = 42, aliases = [] } = options;
  const rand = createRng(seed);
  const range = teamExportRange(now, 1, weeks);
  const exportedAt = format(now, 'yyyy-MM-dd');
  const files: DemoTeamFile[] = [];
  for (let p = 0; p < count; p++) {
    // People differ: a base creative share from ~15% to ~65%, more or fewer meetings, longer or shorter blocks.
    const base = 0.15 + (0.5 * (p + rand())) / count;
    const weights = COORDINATION.map((k) =>
      k === 'meetings' ? 3 + 4 * rand() : k === 'messaging' ? 2 + 3 * rand() : 0.3 + 1.5 * rand(),
    );
    const creativeWeights = CREATIVE.map(() => 0.2 + rand());
    const focus = 0.5 + 1.5 * rand();
    const teamWeeks: TeamWeek[] = range.weeks.map((weekStart, w) => {
      const drift = 0.03 * w * (rand() - 0.3);
      const share = Math.min(0.85, Math.max(0.05, base + drift + 0.08 * (rand() - 0.5)));
      const classifiedMin = Math.round((28 + 10 * rand()) * 60);
      const creativeMin = Math.round(classifiedMin * share);
      const coordinationMin = classifiedMin - creativeMin;
      const unclassifiedMin = Math.round(60 * 2 * rand());
      const byKind = Object.fromEntries(TEAM_KINDS.map((k) => [k, 0])) as Record<KindId, number>;
      for (const [k, m] of split(coordinationMin, COORDINATION, weights)) byKind[k] = m * MIN;
      for (const [k, m] of split(creativeMin, CREATIVE, creativeWeights)) byKind[k] = m * MIN;
      byKind.unknown = unclassifiedMin * MIN;
      const blocks50 = Math.max(0, Math.round(focus * share * 8 * (0.6 + 0.8 * rand()) - 1));
      const blocks25 = blocks50 + Math.round(2 + 4 * rand());
      const blocks90 = Math.min(blocks50, Math.round(blocks50 * 0.3 * rand()));
      const longest = Math.min(creativeMin, Math.round(25 + focus * 50 * share * 2 + 20 * rand()));
      return {
        weekStart,
        creativeMs: creativeMin * MIN,
        coordinationMs: coordinationMin * MIN,
        neutralMs: null,
        unclassifiedMs: unclassifiedMin * MIN,
        byKind,
        meetingMs: byKind.meetings,
        messagingMs: byKind.messaging,
        multitaskMs: Math.round((byKind.meetings * 0.15 * rand()) / MIN) * MIN,
        contextSwitchesPerHour: Math.round((4 + 10 * (1 - share) * rand()) * 10) / 10,
        longestCreativeBlockMs: longest * MIN,
        blocks25,
        blocks50,
        blocks90,
        activeDays: null,
      };
    });
    const exportId = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
    const doc: TeamExport = {
      format: TEAM_FORMAT,
      version: TEAM_FORMAT_VERSION,
      exportId,
      exportedAt,
      weekStartsOn: 1,
      weeks: teamWeeks,
      alias: aliases[p] ?? '',
    };
    files.push({
      fileName: teamExportFileName(doc.alias, exportedAt, exportId),
      text: serializeTeamExport(doc),
      export: doc,
    });
  }
  return files;
}
