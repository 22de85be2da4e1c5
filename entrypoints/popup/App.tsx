import { useEffect, useId, useMemo, useState } from 'react';
import { Banner } from '@/components/Banner';
import { ClassBadge, CLASS_LABEL } from '@/components/ClassLegend';
import { ClassifyButtons } from '@/components/ClassifyButtons';
import { useClassifier } from '@/components/data/classifier';
import type { LiveClassifier } from '@/components/data/build-classifier';
import { useFormatters, useNow } from '@/components/hooks';
import { useSettings, useTracking } from '@/components/data/settings';
import { createQuickRule, removeRule } from '@/components/data/rule-actions';
import { DatabaseError, TrackingControls } from '@/components/TrackingControls';
import { KINDS } from '@/lib/classify/kinds';
import { getCurrentTab, openPage, sendToBackground, type CurrentTab } from '@/lib/browser/ui';
import type { BackgroundMessage } from '@/lib/messages';
import type { ClassName } from '@/lib/model';
import { scopeChoices, siteView } from '@/lib/ui/popup';
import { confirmRule } from '@/lib/ui/guess';
import { useToday } from '@/components/data/today';
import { PopupHead, TodayCard } from './Today';

export function App() {
  const now = useNow(15_000);
  const settings = useSettings();
  const fmt = useFormatters();
  const tracking = useTracking(now);
  const live = useClassifier();
  const today = useToday(now, settings, live?.report);
  const [tab, setTab] = useState<CurrentTab | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    getCurrentTab()
      .then(setTab)
      .catch(() => setTab(null));
  }, []);

  const send = async (message: BackgroundMessage) => {
    setBusy(true);
    const reply = await sendToBackground(message);
    setBusy(false);
    setActionError(reply.ok ? null : (reply.error ?? 'Unknown error.'));
  };

  const open = (page: 'dashboard' | 'options' | 'review', suffix = '') => {
    void openPage(page, suffix).then(() => window.close());
  };

  return (
    <main className="popup-main" aria-labelledby="popup-title">
      <PopupHead now={now} fmt={fmt}>
        {tracking ? (
          <span
            className="status-pill"
            data-state={tracking.error ? 'error' : tracking.state === 'paused' ? 'paused' : 'tracking'}
            data-testid="popup-status"
          >
            {tracking.error ? 'Not saving' : tracking.state === 'paused' ? 'Paused' : tracking.label}
          </span>
        ) : null}
      </PopupHead>

      {tracking ? <DatabaseError view={tracking} formatClock={fmt.clock} /> : null}
      {tracking?.notice ? (
        <Banner tone="warning" title="Some time was not counted.">
          <span data-testid="popup-clock-notice">{tracking.notice}</span>
        </Banner>
      ) : null}

      <TodayCard today={today} settings={settings} fmt={fmt} />

      <CurrentSite tab={tab} live={live} now={now} />

      {tracking ? (
        <section className="card popup-tracking" aria-label="Pause or resume tracking">
          <TrackingControls
            view={tracking}
            compact
            showStatus={false}
            busy={busy}
            actionError={actionError}
            onPause={(minutes) => void send({ type: 'pause', minutes })}
            onResume={() => void send({ type: 'resume' })}
          />
        </section>
      ) : null}

      <nav className="popup-foot" aria-label="Open">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => open('dashboard')}
          data-testid="open-dashboard"
        >
          Dashboard
        </button>
        <button type="button" className="btn" onClick={() => open('review')}>
          Review
        </button>
        <button type="button" className="btn" onClick={() => open('options')}>
          Settings
        </button>
      </nav>
    </main>
  );
}

function CurrentSite({
  tab,
  live,
  now,
}: {
  tab: CurrentTab | null | undefined;
  live: LiveClassifier | undefined;
  now: number;
}) {
  const scopeId = useId();
  const [changing, setChanging] = useState(false);
  const [scope, setScope] = useState('host');
  const [saved, setSaved] = useState<{ id: number; cls: ClassName; label: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const page = tab?.page ?? null;
  const classification = useMemo(
    () => (page && live ? live.classifier.classify(page.host, page.path, now) : null),
    [page, live, now],
  );
  const scopes = useMemo(() => (page ? scopeChoices(page) : []), [page]);

  if (tab === undefined || (page && !classification)) return null;
  if (!page || !classification) {
    return (
      <section className="card" aria-label="This page" data-testid="popup-site">
        <p className="muted">
          {tab?.incognito ? 'Private windows are never tracked.' : 'This page is not a website, so it is not tracked.'}
        </p>
      </section>
    );
  }
  const site = siteView(page, classification);
  const chosen = scopes.find((s) => s.value === scope) ?? scopes[0]!;
  const showButtons = site.unknown || changing;

  const reclassify = async (cls: ClassName) => {
    setError(null);
    try {
      const id = await createQuickRule({ match: chosen.match, cls });
      setSaved({ id, cls, label: chosen.label });
      setChanging(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const confirmGuess = async () => {
    if (!classification.guess) return;
    const r = confirmRule(page.host, classification.guess, classification.class, classification.kind);
    setError(null);
    try {
      const id = await createQuickRule({ match: r.match, cls: r.cls, kind: r.kind });
      setSaved({ id, cls: r.cls, label: r.scope });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section className="card stack gap-6" aria-labelledby="site-title" data-testid="popup-site">
      <h2 id="site-title" className="site-title">
        {site.unknown ? site.host : site.tool}
      </h2>
      <div className="site-line">
        <ClassBadge
          cls={classification.class}
          kindName={classification.class === 'unclassified' ? undefined : KINDS[classification.kind].name}
          guess={site.guessed}
        />
        <span className="subtle">
          <span className="mono wrap-anywhere">{site.unknown ? site.path || '/' : `${site.host}${site.path}`}</span>
        </span>
      </div>
      {/* Just saved: the saved line (with Undo) says who decided; changing: the choices replace the
          reason. Either way the popup stays within Chrome's 600 px. */}
      {saved || changing ? null : (
        <p className={site.guessed ? 'guess-reason' : 'subtle'} data-testid={site.guessed ? 'popup-guess' : undefined}>
          {site.decidedBy}.
        </p>
      )}
      <div aria-live="polite">
        {saved ? (
          <div className="row small" data-testid="popup-saved">
            <span>
              ✓ {saved.label.replace(/^All of /, '')} now counts as {CLASS_LABEL[saved.cls].toLowerCase()}.
            </span>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              onClick={() => {
                const id = saved.id;
                setSaved(null);
                void removeRule(id).catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
              }}
            >
              Undo
            </button>
          </div>
        ) : null}
      </div>
      {showButtons ? (
        <div className="stack gap-8 site-actions">
          <div className="row row-nowrap">
            <label htmlFor={scopeId} className="small semibold nowrap">
              {site.unknown ? 'Classify' : 'Count'}
            </label>
            {scopes.length > 1 ? (
              <select
                id={scopeId}
                className="popup-scope"
                value={chosen.value}
                title={chosen.label}
                onChange={(e) => setScope(e.target.value)}
                data-testid="popup-scope"
              >
                {scopes.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            ) : (
              <span id={scopeId} className="small muted site-scope-only">
                {chosen.label}
              </span>
            )}
            <span className="small semibold">as:</span>
          </div>
          <ClassifyButtons
            subject={chosen.label.replace(/^(All of|Only) /, '')}
            current={site.unknown ? undefined : classification.class}
            onChoose={(c) => void reclassify(c)}
            plain
          />
        </div>
      ) : saved ? null : (
        <div className="row gap-6">
          {site.guessed ? (
            <button
              type="button"
              className={`btn btn-sm btn-class-${classification.class}`}
              onClick={() => void confirmGuess()}
              data-testid="popup-confirm-guess"
            >
              ✓ Yes, {KINDS[classification.kind].name.toLowerCase()}
            </button>
          ) : null}
          <button type="button" className="btn btn-sm" onClick={() => setChanging(true)} data-testid="popup-change">
            {site.guessed ? 'No, change it' : 'Not right? Change it'}
          </button>
        </div>
      )}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
