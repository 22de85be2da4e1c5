import type { ClassName } from '@/lib/model';
import type { BasisView, HeadlineView } from '@/lib/ui/headline';
import { BenchmarkSource } from './BenchmarkSource';
import { CLASS_LABEL, CLASS_ORDER, Swatch } from './ClassLegend';
import { ShareScale } from './ShareScale';
import './Headline.css';

export interface HeadlineProps {
  view: HeadlineView;
  /** Earlier weeks are still being summarised: the changes are not known yet. */
  comparing?: boolean;
  totals: Record<ClassName, number>;
  goodDay: number;
  typical: number;
  target: number;
  formatShare: (v: number) => string;
  formatHours: (ms: number) => string;
  isCurrentWeek: boolean;
  countOnlyInside: boolean;
  /** How much of the tracked time is firmly classified (vs guessed or not classified yet). */
  basis?: BasisView | null;
}

/** This week's creative share, how it moved, and where it sits against the benchmarks and the target. */
export function Headline({
  view,
  comparing,
  totals,
  goodDay,
  typical,
  target,
  formatShare,
  formatHours,
  isCurrentWeek,
  countOnlyInside,
  basis,
}: HeadlineProps) {
  return (
    <section className="card" aria-labelledby="headline-title" data-testid="headline">
      <div className="headline">
        <div>
          <h2 id="headline-title" className="subtle headline-title">
            Creative share {isCurrentWeek ? 'so far this week' : 'that week'}
          </h2>
          <div
            className="big-share headline-share"
            data-testid="headline-share"
            data-early={view.early ? 'true' : undefined}
          >
            {view.early ? view.early.gathered : view.shareText}
          </div>
          <p className="big-share-label">
            {view.early ? 'classified — too early to compare' : 'of classified time was creative'}
            {countOnlyInside ? <span className="subtle"> (working hours only)</span> : null}
          </p>
          {basis ? (
            <p className="headline-basis subtle" data-testid="headline-basis" data-firm={basis.firmPct}>
              <strong>{basis.text}.</strong> {basis.detail}
            </p>
          ) : null}
          <ul className="deltas" data-testid="headline-deltas">
            {view.deltas.map((d) => (
              <li
                key={d.key}
                className="delta"
                data-direction={comparing ? 'none' : d.direction}
                title={comparing ? undefined : d.description}
              >
                <strong>{comparing ? '…' : d.value}</strong>
                <span>{d.label}</span>
                <span className="visually-hidden">. {comparing ? 'Comparing with earlier weeks.' : d.description}</span>
              </li>
            ))}
          </ul>
        </div>
        <div className="stack gap-10">
          <p className="headline-verdict" data-testid="headline-verdict">
            {view.benchmarkSentence} <span className="muted">{view.targetSentence}</span>
          </p>
          <ShareScale
            share={view.share}
            goodDay={goodDay}
            typical={typical}
            target={target}
            formatShare={formatShare}
            label="This week's creative share against the survey benchmarks and your target"
          />
          <BenchmarkSource />
          <dl className="totals" data-testid="headline-totals">
            {CLASS_ORDER.map((c) => (
              <div key={c} className="total">
                <dt className="total-label">
                  <Swatch cls={c} />
                  {CLASS_LABEL[c]}
                </dt>
                <dd className="total-value">{formatHours(totals[c])}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
    </section>
  );
}
