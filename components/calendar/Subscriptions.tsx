import { useEffect, useId, useState, type FormEvent } from 'react';
import { Banner } from '@/components/Banner';
import { RecordList } from '@/components/RecordList';
import { useFormatters } from '@/components/hooks';
import { CALENDAR_VENDORS } from '@/lib/calendar/calendar-hosts';
import { nextRefreshAt } from '@/lib/calendar/subscription';
import { maskSubscriptionUrl, VENDOR_NAMES } from '@/lib/calendar/subscription-url';
import { formatDateNear, formatDateRange } from '@/lib/ui/date-range';
import type { CalendarImportState } from '@/components/data/calendar-import';
import './Subscriptions.css';
import './PlanSummary.css'; // its problem list (.cal-problems) is drawn like the import summary's

/** Paste a private calendar address; the click asks the browser for that one host. */
export function SubscribeForm({ state: s }: { state: CalendarImportState }) {
  const id = useId();
  const [address, setAddress] = useState('');
  const busy = s.stage.kind === 'reading' || s.stage.kind === 'importing';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    s.subscribe(address);
  };
  // The address is a secret: clear the field once it has been read.
  useEffect(() => {
    if (s.stage.kind === 'preview') setAddress('');
  }, [s.stage.kind]);
  return (
    <form className="stack gap-6" onSubmit={onSubmit} data-testid="calendar-subscribe-form">
      <div className="cal-subscribe-row">
        <div className="field">
          <label htmlFor={`${id}-address`}>Subscribe to a calendar (private address)</label>
          <input
            id={`${id}-address`}
            type="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://calendar.google.com/calendar/ical/…/basic.ics"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            aria-describedby={`${id}-address-help`}
            data-testid="calendar-address"
          />
        </div>
        <button type="submit" className="btn" disabled={busy || address.trim() === ''} data-testid="calendar-subscribe">
          Subscribe
        </button>
      </div>
      <span id={`${id}-address-help`} className="field-help">
        Supported: {VENDOR_NAMES}. Creative Ratio reads it every hour, from that one site only, and asks your browser’s
        permission for it now. Any other calendar (Yahoo, Nextcloud, a company server…): download the .ics and import
        the file below.
      </span>
      <details className="table-toggle">
        <summary>Where do I find the address?</summary>
        <ul className="cal-problems">
          {CALENDAR_VENDORS.map((v) => (
            <li key={v.id}>
              <strong>{v.name}</strong>: {v.where}
            </li>
          ))}
        </ul>
      </details>
    </form>
  );
}

/** The subscriptions: masked address, what was imported, last and next refresh, any error; Refresh now, Remove. */
export function SubscriptionList({ state: s, now }: { state: CalendarImportState; now: number }) {
  const fmt = useFormatters();
  const { nextAlarm, working, message, refresh, remove } = s.subscriptionList;
  const when = (t: number) => `${formatDateNear(t, now, fmt.locale)}, ${fmt.clock(t)}`;

  const stored = new Map((s.imports ?? []).map((i) => [i.importId, i]));
  return (
    <div className="stack">
      {message ? <Banner tone={message.tone}>{message.text}</Banner> : null}
      <RecordList
        title="Subscribed calendars"
        items={s.subscriptions}
        itemKey={(x) => x.id}
        empty="No subscription. Paste a private calendar address above to keep meetings up to date."
        renderItem={(x) => {
          const info = stored.get(x.importId);
          const next = nextRefreshAt(x.lastAttempt, nextAlarm);
          return (
            <div className="stack gap-2 subscription-name">
              <strong>{x.name}</strong>
              <span className="subtle" data-testid="subscription-address">
                {maskSubscriptionUrl(x.url)}
              </span>
              <span className="subtle" data-testid="subscription-status">
                {info
                  ? `${formatDateRange(info.start, info.end, now, fmt.locale)} · ${info.count} stretch${info.count === 1 ? '' : 'es'} of meeting time`
                  : 'No meetings stored yet'}
                {x.lastSuccess !== null ? ` · last refreshed ${when(x.lastSuccess)}` : ''}
                {next !== null ? ` · next ${when(next)}` : ''}
              </span>
              {x.error ? (
                <span className="field-error" data-testid="subscription-error">
                  Last attempt {when(x.error.at)}: {x.error.message}
                </span>
              ) : null}
            </div>
          );
        }}
        actions={(x) => (
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => void refresh(x)}
            disabled={working !== null}
            data-testid="subscription-refresh"
          >
            {working === x.id ? 'Refreshing…' : 'Refresh now'}
          </button>
        )}
        deleteLabel={(x) => `Remove the subscription ${x.name}`}
        confirmLabel={(x) => `Remove ${x.name}?`}
        confirmText="Stop refreshing and delete its meetings?"
        onDelete={(x) => void remove(x)}
        testId="calendar-subscriptions"
        rowTestId="calendar-subscription-row"
        rowData={(x) => ({ 'data-subscription-id': x.id })}
      />
    </div>
  );
}
