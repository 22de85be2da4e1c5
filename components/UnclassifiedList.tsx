import type { ClassName } from '@/lib/model';
import type { GuessedRow, UnclassifiedRow } from '@/lib/report';
import { KINDS } from '@/lib/classify/kinds';
import { guessSentence } from '@/lib/ui/guess';
import { Banner } from './Banner';
import { ClassifyButtons } from './ClassifyButtons';
import { ClassBadge, CLASS_LABEL } from './ClassLegend';
import './UnclassifiedList.css';

export interface LastClassified {
  host: string;
  cls: ClassName;
  /** Removes the rule that was just created. */
  undo: () => void;
}

export interface UnclassifiedListProps {
  rows: readonly UnclassifiedRow[];
  /** Sites whose time is only guessed from the address: the guess is the default one-click answer. */
  guessed?: readonly GuessedRow[];
  formatDuration: (ms: number) => string;
  onClassify: (host: string, cls: ClassName) => void;
  /** Confirm a guess: a rule for the guessed class and kind (at the scope the address signal names). */
  onConfirm?: (row: GuessedRow) => void;
  last: LastClassified | null;
  error: string | null;
  busy: boolean;
  limit?: number;
  rulesHref: string;
}

type Row = { type: 'open'; row: UnclassifiedRow } | { type: 'guess'; row: GuessedRow };

/**
 * Sites with the most unclassified or guessed time this week. Unclassified sites get one-click
 * classification (a host rule); guessed ones show the guess and why, with "Yes" as the first button
 * and the classes to correct it.
 */
export function UnclassifiedList({
  rows,
  guessed = [],
  formatDuration,
  onClassify,
  onConfirm,
  last,
  error,
  busy,
  limit = 10,
  rulesHref,
}: UnclassifiedListProps) {
  const all: Row[] = [
    ...rows.map((row) => ({ type: 'open' as const, row })),
    ...guessed.map((row) => ({ type: 'guess' as const, row })),
  ].sort((a, b) => b.row.ms - a.row.ms || (a.row.host < b.row.host ? -1 : 1));
  const shown = all.slice(0, limit);
  return (
    <section className="card" aria-labelledby="unclassified-title" data-testid="unclassified">
      <div className="card-head">
        <h2 id="unclassified-title">{guessed.length > 0 ? 'Not classified yet, or guessed' : 'Not classified yet'}</h2>
        <p>
          One click adds a rule for the whole site
          {guessed.length > 0 ? '; a guess from the address is confirmed with one click' : ''}. Every chart updates at
          once. Finer rules in <a href={rulesHref}>Settings</a>.
        </p>
      </div>
      <div aria-live="polite">
        {last ? (
          <div className="banner banner-success unclassified-done">
            <span className="banner-icon" aria-hidden="true">
              ✓
            </span>
            <div className="row unclassified-done-text">
              <span>
                <strong>{last.host}</strong> now counts as {CLASS_LABEL[last.cls].toLowerCase()}.
              </span>
              <button type="button" className="btn btn-sm" onClick={last.undo}>
                Undo
              </button>
            </div>
          </div>
        ) : null}
      </div>
      {error ? (
        <Banner tone="error" title="Not saved.">
          {error}
        </Banner>
      ) : null}
      {shown.length === 0 ? (
        <p className="muted" data-testid="unclassified-empty">
          Every site this week is classified.
        </p>
      ) : (
        <ul className="list" data-testid="unclassified-list">
          {shown.map((r) =>
            r.type === 'open' ? (
              <li key={`open:${r.row.host}`} data-host={r.row.host}>
                <div className="unclassified-site">
                  <div className="host">{r.row.host}</div>
                  <div className="subtle">
                    {formatDuration(r.row.ms)}
                    {r.row.path ? (
                      <>
                        {' '}
                        · mostly <code>{r.row.path}</code>
                      </>
                    ) : null}
                  </div>
                </div>
                <ClassifyButtons subject={r.row.host} onChoose={(cls) => onClassify(r.row.host, cls)} disabled={busy} />
              </li>
            ) : (
              <GuessItem
                key={`guess:${r.row.host}`}
                row={r.row}
                formatDuration={formatDuration}
                onClassify={onClassify}
                onConfirm={onConfirm}
                busy={busy}
              />
            ),
          )}
        </ul>
      )}
      {all.length > limit ? (
        <p className="subtle unclassified-more">{all.length - limit} more sites with less time.</p>
      ) : null}
    </section>
  );
}

function GuessItem({
  row,
  formatDuration,
  onClassify,
  onConfirm,
  busy,
}: {
  row: GuessedRow;
  formatDuration: (ms: number) => string;
  onClassify: (host: string, cls: ClassName) => void;
  onConfirm?: (row: GuessedRow) => void;
  busy: boolean;
}) {
  const kindName = KINDS[row.kind].name;
  return (
    <li data-host={row.host} data-guess="true">
      <div className="unclassified-site">
        <div className="row">
          <span className="host">{row.host}</span>
          <ClassBadge cls={row.class} kindName={kindName} guess />
        </div>
        <div className="subtle">
          {formatDuration(row.ms)} · mostly <code>{row.path || '/'}</code>
        </div>
        <div className="guess-reason">{guessSentence(row.guess)}</div>
      </div>
      <div className="row gap-6">
        {onConfirm ? (
          <button
            type="button"
            className={`btn btn-sm btn-class-${row.class}`}
            disabled={busy}
            onClick={() => onConfirm(row)}
            aria-label={`Yes: count ${row.host} as ${CLASS_LABEL[row.class].toLowerCase()}, ${kindName.toLowerCase()}`}
            data-testid="confirm-guess"
          >
            ✓ Yes, {kindName.toLowerCase()}
          </button>
        ) : null}
        <ClassifyButtons subject={row.host} onChoose={(cls) => onClassify(row.host, cls)} disabled={busy} plain />
      </div>
    </li>
  );
}
