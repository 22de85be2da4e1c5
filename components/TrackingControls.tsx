import { PAUSE_CHOICES, type TrackingView } from '@/lib/ui/tracking';
import { Banner } from './Banner';

export interface TrackingControlsProps {
  view: TrackingView;
  onPause: (minutes: number | null) => void;
  onResume: () => void;
  busy?: boolean;
  /** A failure to reach the tracker (message reply). */
  actionError?: string | null;
  compact?: boolean;
  /** Show the state pill (off when the page shows it elsewhere, e.g. the popup header). */
  showStatus?: boolean;
}

/** Pause for 30 min / 1 h / until resumed, or resume; says the current state in words. */
export function TrackingControls({
  view,
  onPause,
  onResume,
  busy,
  actionError,
  compact,
  showStatus = true,
}: TrackingControlsProps) {
  const paused = view.state === 'paused';
  return (
    <div className={compact ? 'stack gap-8' : 'stack'} data-testid="tracking-controls">
      {showStatus || paused ? (
        <div className="row">
          <span
            className="status-pill"
            data-state={paused ? 'paused' : 'tracking'}
            role="status"
            data-testid="tracking-state"
          >
            {view.label}
          </span>
          {paused ? (
            <button
              type="button"
              className="btn btn-primary btn-sm"
              onClick={onResume}
              disabled={busy}
              data-testid="resume"
            >
              Resume tracking
            </button>
          ) : null}
        </div>
      ) : null}
      {!paused ? (
        <div className="row gap-6" role="group" aria-label="Pause tracking">
          <span className="subtle">{compact ? 'Pause:' : 'Pause tracking:'}</span>
          {PAUSE_CHOICES.map((c) => (
            <button
              key={c.label}
              type="button"
              className="btn btn-sm"
              onClick={() => onPause(c.minutes)}
              disabled={busy}
            >
              {c.label}
            </button>
          ))}
        </div>
      ) : null}
      {actionError ? (
        <Banner tone="error" title="The tracker did not respond.">
          {actionError}
        </Banner>
      ) : null}
    </div>
  );
}

/** The database problem the background reported, in words, with when it started. */
export function DatabaseError({ view, formatClock }: { view: TrackingView; formatClock: (t: number) => string }) {
  if (!view.error) return null;
  const { message, since, pending } = view.error;
  return (
    <Banner tone="error" title="Creative Ratio cannot save your time right now.">
      {message}
      {since ? ` (since ${formatClock(since)})` : ''}
      {pending > 0
        ? ` ${pending} stretch${pending === 1 ? '' : 'es'} of time wait${pending === 1 ? 's' : ''} to be saved and will be retried.`
        : ''}
    </Banner>
  );
}
