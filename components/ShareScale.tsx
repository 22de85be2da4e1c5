import { clampShare, scaleMarkers } from '@/lib/ui/scale';
import './ShareScale.css';

export interface ShareScaleProps {
  /** Creative share 0..1, or null when nothing was classified yet. */
  share: number | null;
  goodDay: number;
  typical: number;
  target: number;
  formatShare: (share: number) => string;
  /** Accessible name, e.g. "This week's creative share against the survey benchmarks". */
  label: string;
  /** Name the measured share in the legend too (off where a big number already says it). */
  legendShare?: boolean;
  /** Short benchmark names ("a good day for 42%"): the popup. */
  short?: boolean;
}

const LINE_STYLE = { good: 'dashed', typical: 'dotted', target: 'line' } as const;

/**
 * A 0–100 % scale of creative share with the two survey benchmarks (dashed: good day 50 %,
 * dotted: typical 25 %), the person's target (solid), and a dot for the measured share.
 * Each line carries its percentage on the scale and its name in the legend below it.
 */
export function ShareScale({
  share,
  goodDay,
  typical,
  target,
  formatShare,
  label,
  legendShare = true,
  short,
}: ShareScaleProps) {
  const markers = scaleMarkers({ goodDay, typical, target, formatShare, short });
  const description =
    `${share === null ? 'No classified time yet.' : `Creative share ${formatShare(share)}.`} ` +
    markers.map((m) => `${m.label}: ${m.name}`).join('; ') +
    '.';
  return (
    <div className="ratio-scale" data-testid="share-scale">
      <div role="img" aria-label={`${label}. ${description}`}>
        <div className="ratio-track">
          {share !== null ? (
            <span className="ratio-fill fill-creative" style={{ width: `${clampShare(share) * 100}%` }} />
          ) : null}
          {markers.map((m) => (
            <span
              key={m.kind}
              className="ratio-marker"
              data-kind={m.kind}
              style={{ left: `${clampShare(m.at) * 100}%` }}
            />
          ))}
          {share !== null ? <span className="ratio-you" style={{ left: `${clampShare(share) * 100}%` }} /> : null}
        </div>
        <div className="ratio-labels" aria-hidden="true" data-rows={markers.some((m) => m.row === 1) ? 2 : 1}>
          {markers.map((m) => (
            <span key={m.kind} data-kind={m.kind} data-row={m.row} style={{ left: `${clampShare(m.at) * 100}%` }}>
              {m.label}
            </span>
          ))}
        </div>
      </div>
      <ul className="legend ratio-legend" aria-hidden="true">
        {share !== null && legendShare ? (
          <li>
            <span className="swatch fill-creative ratio-you-swatch" />
            You {formatShare(share)}
          </li>
        ) : null}
        {markers.map((m) => (
          <li key={m.kind} data-kind={m.kind}>
            <span className={`swatch-line ${LINE_STYLE[m.kind] === 'line' ? '' : LINE_STYLE[m.kind]}`} />
            <span className="legend-label">
              {m.label} — {m.name}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
