import { clampShare, scaleMarkers } from '@/lib/ui/scale';

export interface ShareScaleProps {
  /** Creative share 0..1, or null when nothing was classified yet. */
  share: number | null;
  goodDay: number;
  typical: number;
  target: number;
  formatShare: (share: number) => string;
  /** Accessible name, e.g. "This week's creative share against the survey benchmarks". */
  label: string;
}

/**
 * A 0–100 % scale of creative share with the two survey benchmarks (dashed: good day 50 %,
 * dotted: typical 25 %), the person's target (solid), and a dot for the measured share.
 * Every line is labelled in words under the scale.
 */
export function ShareScale({ share, goodDay, typical, target, formatShare, label }: ShareScaleProps) {
  const markers = scaleMarkers({ goodDay, typical, target, formatShare });
  const description =
    `${share === null ? 'No classified time yet.' : `Creative share ${formatShare(share)}.`} ` +
    markers.map((m) => m.label.replace(' · ', ', ')).join('; ') +
    '.';
  return (
    <div className="ratio-scale" role="img" aria-label={`${label}. ${description}`} data-testid="share-scale">
      <div className="ratio-track">
        {share !== null ? (
          <span className="ratio-fill fill-creative" style={{ width: `${clampShare(share) * 100}%`, opacity: 0.35 }} />
        ) : null}
        {markers.map((m) => (
          <span key={m.kind} className="ratio-marker" data-kind={m.kind} style={{ left: `${clampShare(m.at) * 100}%` }} />
        ))}
        {share !== null ? <span className="ratio-you" style={{ left: `${clampShare(share) * 100}%` }} /> : null}
      </div>
      <div className="ratio-labels" aria-hidden="true">
        {markers.map((m) => (
          <span key={m.kind} data-kind={m.kind} style={{ left: `${clampShare(m.at) * 100}%`, top: m.row === 1 ? 19 : undefined }}>
            {m.label}
          </span>
        ))}
      </div>
    </div>
  );
}
