import { BenchmarkSource } from '@/components/BenchmarkSource';
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
        <li className="stat">
          <span className="stat-label">Team median creative share</span>
          <span className="stat-value" data-testid="team-median">
            {fmt.share(stats.share?.median ?? null)}
          </span>
          <span className="stat-help">of {people(view.counted)}</span>
        </li>
        <li className="stat">
          <span className="stat-label">Range</span>
          <span className="stat-value" data-testid="team-range">
            {stats.share ? `${fmt.share(stats.share.min)} – ${fmt.share(stats.share.max)}` : '–'}
          </span>
          <span className="stat-help">lowest to highest in the team</span>
        </li>
        <li className="stat">
          <span className="stat-label">At or above {fmt.share(GOOD_DAY)}</span>
          <span className="stat-value" data-testid="team-good">
            {b.good} of {view.counted}
          </span>
          <span className="stat-help">people</span>
        </li>
        <li className="stat">
          <span className="stat-label">At or below {fmt.share(TYPICAL)}</span>
          <span className="stat-value" data-testid="team-typical">
            {b.typical} of {view.counted}
          </span>
          <span className="stat-help">people</span>
        </li>
        <li className="stat">
          <span className="stat-label">Weeks covered</span>
          <span className="stat-value">{view.weekKeys.length}</span>
          <span className="stat-help">{first && last ? `${fmt.week(first)} – ${fmt.week(last)}` : '–'}</span>
        </li>
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
