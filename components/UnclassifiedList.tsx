import type { ClassName } from '@/lib/model';
import type { UnclassifiedRow } from '@/lib/report';
import { Banner } from './Banner';
import { ClassifyButtons } from './ClassifyButtons';
import { CLASS_LABEL } from './ClassLegend';

export interface LastClassified {
  host: string;
  cls: ClassName;
  /** Removes the rule that was just created. */
  undo: () => void;
}

export interface UnclassifiedListProps {
  rows: readonly UnclassifiedRow[];
  formatDuration: (ms: number) => string;
  onClassify: (host: string, cls: ClassName) => void;
  last: LastClassified | null;
  error: string | null;
  busy: boolean;
  limit?: number;
  rulesHref: string;
}

/** Sites with the most unclassified time this week, each with one-click classification (a host rule). */
export function UnclassifiedList({ rows, formatDuration, onClassify, last, error, busy, limit = 10, rulesHref }: UnclassifiedListProps) {
  const shown = rows.slice(0, limit);
  return (
    <section className="card" aria-labelledby="unclassified-title" data-testid="unclassified">
      <div className="card-head">
        <h2 id="unclassified-title">Not classified yet</h2>
        <p>
          One click adds a rule for the whole site; every chart updates at once. Finer rules in <a href={rulesHref}>Settings</a>.
        </p>
      </div>
      <div aria-live="polite">
        {last ? (
          <div className="banner banner-success" style={{ marginBottom: 10 }}>
            <span className="banner-icon" aria-hidden="true">
              ✓
            </span>
            <div className="row" style={{ flex: 1 }}>
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
      {error ? <Banner tone="error" title="Not saved.">{error}</Banner> : null}
      {shown.length === 0 ? (
        <p className="muted" data-testid="unclassified-empty">
          Every site this week is classified.
        </p>
      ) : (
        <ul className="list" data-testid="unclassified-list">
          {shown.map((r) => (
            <li key={r.host} data-host={r.host}>
              <div style={{ flex: '1 1 200px', minWidth: 0 }}>
                <div className="host">{r.host}</div>
                <div className="subtle">
                  {formatDuration(r.ms)}
                  {r.path ? (
                    <>
                      {' '}
                      · mostly <code>{r.path}</code>
                    </>
                  ) : null}
                </div>
              </div>
              <ClassifyButtons subject={r.host} onChoose={(cls) => onClassify(r.host, cls)} disabled={busy} />
            </li>
          ))}
        </ul>
      )}
      {rows.length > limit ? <p className="subtle" style={{ marginTop: 8 }}>{rows.length - limit} more sites with less time.</p> : null}
    </section>
  );
}
