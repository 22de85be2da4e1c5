/**
 * Progress of reading a calendar file (in a Web Worker, lib/calendar/worker-client.ts), with a
 * Cancel button that stops it. Announced politely to screen readers by its label.
 */
import { useId } from 'react';

export interface ImportProgressProps {
  fileName: string;
  /** 0…1. */
  done: number;
  onCancel: () => void;
}

export function ImportProgress({ fileName, done, onCancel }: ImportProgressProps) {
  const id = useId();
  const pct = Math.round(Math.min(1, Math.max(0, done)) * 100);
  return (
    <div className="row cal-progress" data-testid="calendar-progress">
      <label htmlFor={id}>Reading {fileName}…</label>
      <progress id={id} max={100} value={pct} aria-valuetext={`${pct} %`}>
        {pct} %
      </progress>
      <span className="subtle" aria-hidden="true">
        {pct} %
      </span>
      <button type="button" className="btn btn-sm" onClick={onCancel} data-testid="calendar-progress-cancel">
        Cancel
      </button>
    </div>
  );
}
