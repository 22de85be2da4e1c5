import { useState, useId, type DragEvent } from 'react';
import { Banner } from '@/components/Banner';
import { ImportProgress } from '@/components/calendar/ImportProgress';
import { RecordList } from '@/components/RecordList';
import { useFormatters } from '@/components/hooks';
import type { CalendarImportState } from '@/components/data/calendar-import';
import { formatDateNear, formatDateRange } from '@/lib/ui/date-range';
import { ImportPreview } from './calendar/ImportPreview';
import { SubscribeForm, SubscriptionList } from './calendar/Subscriptions';
import './calendar.css';

export { PlanSummary } from './calendar/PlanSummary';

export interface CalendarImportProps {
  /** The section's state and actions (`useCalendarImport`, components/data/calendar-import.ts). */
  state: CalendarImportState;
  /** The time the dates are told relative to. */
  now: number;
}

/**
 * Meetings from a calendar: subscribe to a private address (refreshed every hour) or import an
 * .ics file (Google Calendar, Outlook, Apple Calendar); preview, import; list and remove.
 * Mount inside a card that has its own heading (e.g. Settings → "Calendar").
 */
export function CalendarImport({ state: s, now }: CalendarImportProps) {
  const fmt = useFormatters();
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const busy = s.stage.kind === 'reading' || s.stage.kind === 'importing';
  const subscribed = new Set((s.subscriptions ?? []).map((x) => x.importId));

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files?.[0];
    if (file && !busy) s.pickFile(file);
  };

  return (
    <div className="stack calendar-import" data-testid="calendar-import">
      <p className="muted">
        Meetings outside the browser (phone, meeting rooms, desktop apps) count once you subscribe to your calendar or
        import it. Only meeting times are kept — never attendees, descriptions, places or links.
      </p>

      <SubscribeForm state={s} />

      <div
        className="cal-dropzone"
        data-dragging={dragging ? 'true' : undefined}
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="calendar-dropzone"
      >
        <div className="field">
          <label htmlFor={`${id}-file`}>Calendar file (.ics)</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".ics,.ical,.icalendar,text/calendar"
            disabled={busy}
            aria-describedby={`${id}-file-help`}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) s.pickFile(file);
              e.target.value = '';
            }}
            data-testid="calendar-file"
          />
          <span id={`${id}-file-help`} className="field-help">
            Or drop the file here. Export it from Google Calendar, Outlook or Apple Calendar (Settings → Calendar help
            explains how). A file does not update itself: import it again when your calendar changes.
          </span>
        </div>
      </div>

      <div role="status" aria-live="polite" className="cal-status" data-testid="calendar-status">
        {s.stage.kind === 'reading' ? (
          <ImportProgress fileName={s.stage.label} done={s.stage.done} onCancel={s.cancel} />
        ) : null}
        {s.stage.kind === 'importing' ? 'Importing…' : null}
        {s.status ? (
          <Banner tone={s.status.tone} live={false}>
            {s.status.text}
          </Banner>
        ) : null}
      </div>

      {s.stage.kind === 'error' ? (
        <Banner tone="error" title={`${s.stage.label} could not be imported.`}>
          {s.stage.message}
        </Banner>
      ) : null}

      <ImportPreview state={s} now={now} />

      <SubscriptionList state={s} now={now} />

      <RecordList
        title="Imported calendar files"
        items={s.imports?.filter((i) => !subscribed.has(i.importId))}
        itemKey={(i) => i.importId}
        empty="No calendar file imported."
        renderItem={(i) => (
          <div className="stack gap-2 cal-import-info">
            <strong>{i.name}</strong>
            <span className="subtle">
              {formatDateRange(i.start, i.end, now, fmt.locale)} · {i.count} stretch{i.count === 1 ? '' : 'es'} of
              meeting time
              {i.importedAt !== null
                ? ` · imported ${formatDateNear(i.importedAt, now, fmt.locale)}, ${fmt.clock(i.importedAt)}`
                : ''}
            </span>
          </div>
        )}
        deleteLabel={(i) => `Delete the import ${i.name}`}
        confirmLabel={(i) => `Delete ${i.name}?`}
        confirmText="Delete these meetings?"
        onDelete={(i) => void s.remove(i.importId)}
        testId="calendar-imports"
        rowTestId="calendar-import-row"
        rowData={(i) => ({ 'data-import-id': i.importId })}
      />
    </div>
  );
}
