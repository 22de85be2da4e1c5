import { BenchmarkSource } from '@/components/BenchmarkSource';
import { Stat } from '@/components/Stat';
import type { TeamStats, TeamView } from '@/lib/export/team-view';
import { benchmarkWords, GOOD_DAY, TYPICAL } from '@/lib/report/benchmarks';
import type { TeamFormatters } from './format';

function verdict(stats: TeamStats, fmt: TeamFormatters): string {
  if (stats.share === null) return 'Nobody has classified time in these files yet.';
  const p = Math.round(stats.share.median * 100);
  if (p >= Math.round(GOOD_DAY * 100))
    return `The team's median is at or above ${fmt.share(GOOD_DAY)}, ${benchmarkWords('good', fmt.share)}.`;
  if (p <= Math.round(TYPICAL * 100))
    return `The team's median is at or below ${fmt.share(TYPICAL)}, ${benchmarkWords('typical', fmt.share)}.`;
  return `The team's median is between ${fmt.share(TYPICAL)} and ${fmt.share(GOOD_DAY)}.`;
}

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);

/** The team in a few numbers: median creative share and range, the survey comparison, weeks covered, the survey source. */
export function TeamHeadline({ view, stats, fmt }: { view: TeamView; stats: TeamStats; fmt: TeamFormatters }) {
  const first = view.weekKeys[0];
  const last = view.weekKeys[view.weekKeys.length - 1];
  const b = stats.bands;
  return (
    <section className="card stack" aria-labelledby="team-headline-title" data-testid="team-headline">
      <div className="card-head flush">
        <h2 id="team-headline-title">The team at a glance</h2>
        <p>
          Creative share = creative ÷ (creative + coordination), over each person&apos;s weeks. Only the team&apos;s
          figures, never anyone&apos;s own.
        </p>
      </div>
      <ul className="stats">
        <Stat
          label="Team median creative share"
          value={fmt.share(stats.share?.median ?? null)}
          help={`of ${people(view.counted)}`}
          valueTestId="team-median"
        />
        <Stat
          label="Range"
          value={stats.share ? `${fmt.share(stats.share.min)} – ${fmt.share(stats.share.max)}` : '–'}
          help="lowest to highest in the team"
          valueTestId="team-range"
        />
        <Stat
          label={`At or above ${fmt.share(GOOD_DAY)}`}
          value={`${b.good} of ${view.counted}`}
          help="people"
          valueTestId="team-good"
        />
        <Stat
          label={`At or below ${fmt.share(TYPICAL)}`}
          value={`${b.typical} of ${view.counted}`}
          help="people"
          valueTestId="team-typical"
        />
        <Stat
          label="Weeks covered"
          value={view.weekKeys.length}
          help={first && last ? `${fmt.week(first)} – ${fmt.week(last)}` : '–'}
        />
      </ul>
      <p className="headline-verdict" data-testid="team-verdict">
        {verdict(stats, fmt)} {people(b.good)} at or above {fmt.share(GOOD_DAY)}, {people(b.between)} between,{' '}
        {people(b.typical)} at or below {fmt.share(TYPICAL)}
        {b.none ? `; ${people(b.none)} without classified time` : ''}.
      </p>
      <BenchmarkSource />
    </section>
  );
}
