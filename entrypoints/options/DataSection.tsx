import { useState } from 'react';
import { Banner } from '@/components/Banner';
import { downloadBackup } from '@/components/data/backup';
import { useFormatters } from '@/components/hooks';
import { SettingsSection } from '@/components/SettingsSection';
import { useClassifier } from '@/components/data/classifier';
import { downloadText } from '@/components/files';
import { sendToBackground } from '@/lib/browser/ui';
import { deleteAllData, deleteSegmentsBefore, getDb } from '@/lib/db';
import { forgetAllWeeks, pruneWeekCaches } from '@/components/data/week-data';
import { segmentsStartingIn } from '@/lib/db/read/queries';
import { useRetentionCounts } from '@/components/data/queries';
import { buildDailyToolCsv, buildSegmentsCsv, csvFileName } from '@/lib/export/csv';
import type { Settings } from '@/lib/settings';
import {
  DELETE_CONFIRM_WORD,
  RETENTION_CHOICES,
  deleteConfirmed,
  retentionCutoff,
  retentionLabel,
  retentionLoss,
  retentionShortens,
  type RetentionLoss,
} from '@/lib/ui/settings-form';

export interface DataSectionProps {
  settings: Settings;
  now: number;
  save: (patch: Partial<Settings>) => Promise<boolean>;
}

type Result = { tone: 'success' | 'error' | 'warning'; text: string } | null;

/** A shorter retention that would delete recorded time, waiting for the person's yes. */
interface PendingRetention {
  months: number;
  cutoff: number;
  loss: RetentionLoss;
}

/** Retention (delete data older than N months) and deleting everything, with confirmation. */
export function DataSection({ settings, now, save }: DataSectionProps) {
  const db = getDb();
  const fmt = useFormatters();
  const months = settings.retentionMonths;
  const cutoff = months === null ? null : retentionCutoff(months, now);
  // Rounded to the minute so the live query does not restart on every clock tick.
  const cutoffKey = cutoff === null ? null : Math.floor(cutoff / 60_000) * 60_000;
  const { olderCount, since } = useRetentionCounts(cutoffKey, db);
  const [result, setResult] = useState<Result>(null);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingRetention | null>(null);
  const [backupNote, setBackupNote] = useState<Result>(null);
  const classifier = useClassifier();

  /** A retention that deletes history is confirmed first, saying how much goes; anything else is saved at once. */
  const chooseRetention = async (next: number | null) => {
    setResult(null);
    setBackupNote(null);
    setPending(null);
    if (next !== null && retentionShortens(months, next)) {
      const at = Date.now();
      const cut = retentionCutoff(next, at);
      const loss = retentionLoss(await segmentsStartingIn(db, 0, cut), cut);
      if (loss.stretches > 0) {
        setPending({ months: next, cutoff: cut, loss });
        return;
      }
    }
    await save({ retentionMonths: next });
  };

  const exportCsv = async (what: 'daily-tools' | 'segments') => {
    if (!classifier) return;
    setBusy(true);
    setResult(null);
    try {
      const at = Date.now();
      const segments = await segmentsStartingIn(db, 0, Number.MAX_SAFE_INTEGER);
      const text =
        what === 'segments'
          ? buildSegmentsCsv(segments, classifier.report)
          : buildDailyToolCsv(segments, classifier.report, at);
      const name = csvFileName(what, at);
      downloadText(text, name, 'text/csv;charset=utf-8');
      const rows = text.split('\r\n').length - 2;
      setResult({
        tone: 'success',
        text: `Saved ${name}: ${rows.toLocaleString(fmt.locale)} row${rows === 1 ? '' : 's'}.`,
      });
    } catch (err) {
      setResult({
        tone: 'error',
        text: `The CSV could not be made: ${err instanceof Error ? err.message : String(err)}`,
      });
    } finally {
      setBusy(false);
    }
  };

  const applyRetention = async () => {
    if (cutoffKey === null) return;
    setBusy(true);
    try {
      const n = await deleteSegmentsBefore(db, cutoffKey);
      await pruneWeekCaches(cutoffKey, Date.now());
      setResult({
        tone: 'success',
        text: `Deleted ${n.toLocaleString(fmt.locale)} recorded stretch${n === 1 ? '' : 'es'} older than ${retentionLabel(months)}.`,
      });
    } catch (err) {
      setResult({ tone: 'error', text: `Nothing was deleted: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setBusy(false);
    }
  };

  const deleteEverything = async () => {
    if (!deleteConfirmed(typed)) return;
    setBusy(true);
    try {
      await deleteAllData(db);
      // The pages' summary cache is derived from the deleted data: it goes too.
      await forgetAllWeeks();
      await sendToBackground({ type: 'data-deleted' });
      await sendToBackground({ type: 'settings-changed' });
      setConfirming(false);
      setTyped('');
      setResult({
        tone: 'success',
        text: 'All data was deleted: recorded time, review notes, your rules and settings. Tracking goes on from now.',
      });
    } catch (err) {
      setResult({ tone: 'error', text: `Nothing was deleted: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsSection
      id="data"
      title="Your data"
      description={
        <>
          Stored only in this browser profile{since ? `, since ${fmt.date(since)}` : ''}. Creative Ratio never sends
          anything anywhere.
        </>
      }
    >
      <div className="field">
        <label htmlFor="retention">Keep recorded time for</label>
        <div className="row">
          <select
            id="retention"
            value={months === null ? 'all' : String(months)}
            onChange={(e) => void chooseRetention(e.target.value === 'all' ? null : Number(e.target.value))}
            disabled={pending !== null}
            data-testid="retention"
          >
            {RETENTION_CHOICES.map((m) => (
              <option key={m ?? 'all'} value={m === null ? 'all' : String(m)}>
                {retentionLabel(m)}
              </option>
            ))}
          </select>
          {cutoff !== null ? (
            <button type="button" className="btn" disabled={busy || !olderCount} onClick={() => void applyRetention()}>
              Delete older data now
            </button>
          ) : null}
        </div>
        {pending ? (
          <div
            className="confirm-box stack gap-8"
            role="group"
            aria-labelledby="retention-confirm-title"
            data-testid="retention-confirm"
          >
            <p id="retention-confirm-title">
              <strong>
                Keeping {retentionLabel(pending.months)} deletes {pending.loss.days.toLocaleString(fmt.locale)} day
                {pending.loss.days === 1 ? '' : 's'} of recorded time ({fmt.hours(pending.loss.ms)}
                {pending.loss.from !== null
                  ? `, from ${fmt.date(pending.loss.from)} to ${fmt.date(pending.cutoff)}`
                  : ''}
                ).
              </strong>{' '}
              This cannot be undone; download a backup first if you may want it back.
            </p>
            <div className="row">
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() => {
                  setBusy(true);
                  void downloadBackup(db)
                    .then(setBackupNote)
                    .finally(() => setBusy(false));
                }}
                data-testid="retention-backup"
              >
                Download a backup
              </button>
              <button
                type="button"
                className="btn btn-danger-solid"
                disabled={busy}
                onClick={() => {
                  const next = pending.months;
                  setPending(null);
                  void save({ retentionMonths: next }).then((ok) => {
                    if (ok)
                      setResult({
                        tone: 'success',
                        text: `Now keeping ${retentionLabel(next)}: the older time is deleted within a day, or now with "Delete older data now".`,
                      });
                  });
                }}
                data-testid="retention-confirm-button"
              >
                Delete it and keep {retentionLabel(pending.months)}
              </button>
              <button type="button" className="btn" onClick={() => setPending(null)}>
                Cancel
              </button>
            </div>
            {backupNote ? (
              <span
                className={backupNote.tone === 'error' ? 'field-error' : 'field-help'}
                role="status"
                data-testid="retention-backup-note"
              >
                {backupNote.text}
              </span>
            ) : null}
          </div>
        ) : null}
        <span className="field-help">
          {cutoff === null
            ? 'Nothing is deleted automatically.'
            : `Time recorded before ${fmt.date(cutoff)} is deleted automatically once a day${
                olderCount
                  ? ` (${olderCount.toLocaleString(fmt.locale)} stretch${olderCount === 1 ? '' : 'es'} right now)`
                  : ''
              }.`}
        </span>
      </div>

      <div className="field" data-testid="csv-export">
        <span className="field-label" id="csv-export-label">
          Export as CSV
        </span>
        <div className="row" role="group" aria-labelledby="csv-export-label">
          <button
            type="button"
            className="btn"
            disabled={busy || !classifier}
            onClick={() => void exportCsv('daily-tools')}
            data-testid="csv-daily"
          >
            Minutes by day, tool and class
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy || !classifier}
            onClick={() => void exportCsv('segments')}
            data-testid="csv-segments"
          >
            Every recorded stretch
          </button>
        </div>
        <span className="field-help">
          For Excel, Numbers or Google Sheets: UTF-8, ISO dates, whole numbers. The second file has each stretch&apos;s
          start, end, site and path shape, class, kind and source. They include the sites you use: keep them private.
        </span>
      </div>

      <div className="card card-flat danger-zone">
        <div className="stack gap-10">
          <h3>Delete all data</h3>
          <p className="muted">
            Deletes every recorded minute, every review note, your classification rules and your settings. This cannot
            be undone.
          </p>
          {!confirming ? (
            <div>
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => setConfirming(true)}
                data-testid="delete-all"
              >
                Delete all data…
              </button>
            </div>
          ) : (
            <form
              className="stack gap-8"
              onSubmit={(e) => {
                e.preventDefault();
                void deleteEverything();
              }}
            >
              <div className="field">
                <label htmlFor="confirm-delete">
                  Type <code>{DELETE_CONFIRM_WORD}</code> to confirm
                </label>
                <input
                  id="confirm-delete"
                  type="text"
                  value={typed}
                  autoComplete="off"
                  autoFocus
                  className="delete-confirm-input"
                  onChange={(e) => setTyped(e.target.value)}
                  data-testid="delete-confirm-input"
                />
              </div>
              <div className="row">
                <button
                  type="submit"
                  className="btn btn-danger-solid"
                  disabled={busy || !deleteConfirmed(typed)}
                  data-testid="delete-confirm"
                >
                  Delete everything
                </button>
                <button
                  type="button"
                  className="btn"
                  onClick={() => {
                    setConfirming(false);
                    setTyped('');
                  }}
                >
                  Cancel
                </button>
              </div>
            </form>
          )}
        </div>
      </div>
      {result ? (
        <Banner tone={result.tone} title={result.tone === 'success' ? 'Done.' : 'Something went wrong.'}>
          {result.text}
        </Banner>
      ) : null}
    </SettingsSection>
  );
}
