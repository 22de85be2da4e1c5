import { BenchmarkSource } from '@/components/BenchmarkSource';
import { GOOD_DAY, TYPICAL } from '@/lib/report/benchmarks';
import type { TeamView } from '@/lib/export/team-view';
import type { TeamFormatters } from './format';

function verdict(view: TeamView, fmt: TeamFormatters): string {
  if (view.median === null) return 'Nobody has classified time in these files yet.';
  const p = Math.round(view.median * 100);
  if (p >= Math.round(GOOD_DAY * 100)) return `The team's median is at or above a good day's ${fmt.share(GOOD_DAY)}.`;
  if (p <= Math.round(TYPICAL * 100)) return `The team's median is at or below the typical ${fmt.share(TYPICAL)}.`;
  return `The team's median is between the typical ${fmt.share(TYPICAL)} and a good day's ${fmt.share(GOOD_DAY)}.`;
}

/** The team in a few numbers: median creative share and range, people, weeks, meeting hours; the survey source. */
export function TeamHeadline({ view, fmt }: { view: TeamView; fmt: TeamFormatters }) {
  const first = view.weeks[0]?.week;
  const last = view.weeks[view.weeks.length - 1]?.week;
  return (
    <section className="card stack" aria-labelledby="team-headline-title" data-testid="team-headline">
      <div className="card-head" style={{ marginBottom: 0 }}>
        <h2 id="team-headline-title">The team at a glance</h2>
        <p>Creative share = creative ÷ (creative + coordination), over each person&apos;s weeks.</p>
      </div>
      <ul className="stats" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        <li className="stat">
          <span className="stat-label">Team median creative share</span>
          <span className="stat-value" data-testid="team-median">
            {fmt.share(view.median)}
          </span>
          <span className="stat-help">of {view.n} {view.n === 1 ? 'person' : 'people'} with classified time</span>
        </li>
        <li className="stat">
          <span className="stat-label">Range</span>
          <span className="stat-value" data-testid="team-range">
            {view.min === null || view.max === null ? '–' : `${fmt.share(view.min)} – ${fmt.share(view.max)}`}
          </span>
          <span className="stat-help">lowest to highest person</span>
        </li>
        <li className="stat">
          <span className="stat-label">Meetings per person</span>
          <span className="stat-value" data-testid="team-meeting-median">
            {view.meetingMedianMsPerWeek === null ? '–' : `${fmt.hours(view.meetingMedianMsPerWeek)} / week`}
          </span>
          <span className="stat-help">median of each person&apos;s weekly average</span>
        </li>
        <li className="stat">
          <span className="stat-label">Weeks covered</span>
          <span className="stat-value">{view.weeks.length}</span>
          <span className="stat-help">{first && last ? `${fmt.week(first)} – ${fmt.week(last)}` : '–'}</span>
        </li>
      </ul>
      <p className="headline-verdict" data-testid="team-verdict">
        {verdict(view, fmt)} At or above {fmt.share(GOOD_DAY)}: {view.bands.people.good} · between: {view.bands.people.between} · at or below{' '}
        {fmt.share(TYPICAL)}: {view.bands.people.typical}
        {view.bands.people.none ? ` · no classified time: ${view.bands.people.none}` : ''}.
      </p>
      <BenchmarkSource />
    </section>
  );
}
