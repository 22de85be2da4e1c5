import { useId } from 'react';
import { DEFAULT_MIN_GROUP, LOWEST_MIN_GROUP, type TeamView } from '@/lib/export/team-view';

const CHOICES = Array.from({ length: DEFAULT_MIN_GROUP - LOWEST_MIN_GROUP + 1 }, (_, i) => DEFAULT_MIN_GROUP - i);

/** The minimum group size (5, lowered by the lead to 4 or 3, never below). */
export function MinGroupField({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  const id = useId();
  return (
    <div className="field team-min-group">
      <label htmlFor={id}>Minimum group size</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid="team-min-group">
        {CHOICES.map((n) => (
          <option key={n} value={n}>
            {n} people{n === DEFAULT_MIN_GROUP ? ' (recommended)' : ''}
          </option>
        ))}
      </select>
      <span className="field-help">No figure is shown for fewer people than this, for the team or for any week.</span>
    </div>
  );
}

/** Under the minimum group size: no figure, and how many more files are needed. */
export function TeamFloorNotice({ view }: { view: TeamView }) {
  const more = view.needed;
  return (
    <section className="card stack" aria-labelledby="team-floor-title" data-testid="team-floor">
      <h2 id="team-floor-title">
        {more === 1 ? 'One more person needed' : `${more} more people needed`} before anything is shown
      </h2>
      <p>
        So far: {view.counted === 1 ? 'one person' : `${view.counted} people`} with classified time, out of the{' '}
        {view.minGroup} needed. The team view shows figures only for a group of at least {view.minGroup}, so that
        nobody&apos;s week can be read from them. Ask {more === 1 ? 'one more person' : `${more} more people`} to drop a
        team export into the shared folder.
      </p>
      {view.people > view.counted ? (
        <p className="subtle">Files without any classified time do not count towards the group.</p>
      ) : null}
    </section>
  );
}
