import { useEffect } from 'react';
import { useFormatters } from '@/components/hooks';
import { useSettings } from '@/components/data/settings';
import { PageShell } from '@/components/PageShell';
import { SettingsSection } from '@/components/SettingsSection';
import { TargetSection } from '@/components/TargetSection';
import { useSaveSettings } from '@/components/data/use-save-settings';
import { WeekSection } from '@/components/WeekSection';
import { firstNumbers } from '@/lib/ui/enough-data';

/** Shown once, in a tab of its own, right after install (lib/browser/first-run.ts). Also reachable from Settings. */
export function App() {
  const settings = useSettings();
  const fmt = useFormatters();
  const { state, save } = useSaveSettings();

  useEffect(() => {
    if (settings) document.documentElement.dataset.ready = 'welcome';
  }, [settings]);

  return (
    <PageShell
      current="welcome"
      status={
        state.kind === 'saved' ? (
          <span className="save-state" role="status">
            Saved at {fmt.clock(state.at)}.
          </span>
        ) : null
      }
    >
      <div className="page-title-row">
        <h1>Welcome to Creative Ratio</h1>
        <p className="muted">
          How much of your working week is creative work, and what eats the rest — measured on this computer only.
        </p>
      </div>
      <div className="stack gap-16 welcome">
        <section className="card" aria-labelledby="tracked-title" data-testid="welcome-tracked">
          <div className="card-head">
            <h2 id="tracked-title">What it records, and what it never does</h2>
            <p>Recording starts now, in the background. Pause it any time from the toolbar icon.</p>
          </div>
          <div className="welcome-columns">
            <div>
              <h3>Recorded</h3>
              <ul>
                <li>Time in the active tab of the window you are using, while you are at the computer.</li>
                <li>The site and a path shape (docs.google.com/document) — enough to tell a document from a sheet.</li>
                <li>Video calls in Meet, Zoom or Teams tabs while they play sound.</li>
                <li>Meetings from a calendar you import or subscribe to, and time you add by hand.</li>
              </ul>
            </div>
            <div>
              <h3>Never recorded</h3>
              <ul>
                <li>Page titles, page contents, full addresses (no query strings, no fragments), keystrokes.</li>
                <li>Private (incognito) windows, and any site you exclude in Settings.</li>
                <li>Time away from the keyboard and mouse, or with the screen locked.</li>
              </ul>
              <p className="small">Nothing leaves this computer: no account, no server, no analytics.</p>
            </div>
          </div>
          <p className="small" data-testid="welcome-desktop">
            <strong>Desktop apps are not seen.</strong> Slack, Zoom, Teams, Figma or Outlook running as desktop apps are
            outside the browser, so their time is missing — except meetings, once they come from your calendar.
          </p>
        </section>

        <section className="card" aria-labelledby="pin-title">
          <div className="card-head">
            <h2 id="pin-title">Pin the icon</h2>
            <p>Today&rsquo;s share is one click away in the toolbar.</p>
          </div>
          <ol className="welcome-steps">
            <li>
              Chrome, Edge, Brave: click the puzzle-piece <em>Extensions</em> button right of the address bar, then the
              pin beside Creative Ratio.
            </li>
            <li>
              Firefox: click the <em>Extensions</em> button, then the gear beside Creative Ratio, then{' '}
              <em>Pin to Toolbar</em>.
            </li>
          </ol>
        </section>

        {settings ? (
          <>
            <TargetSection settings={settings} share={fmt.share} save={save} />
            <WeekSection settings={settings} locale={fmt.locale} save={save} />
            <SettingsSection
              id="calendar"
              title="Meetings from your calendar"
              description="Meetings in desktop apps only count when they come from a calendar."
            >
              <p>
                Import an <span className="mono">.ics</span> export from Google Calendar, Outlook or Apple Calendar, or
                subscribe to a calendar&rsquo;s secret address so it stays up to date.
              </p>
              <p>
                <a className="btn" href="./options.html#calendar" data-testid="welcome-calendar">
                  Set up the calendar in Settings
                </a>
              </p>
            </SettingsSection>
            <section className="card" aria-labelledby="first-title" data-testid="welcome-first">
              <div className="card-head">
                <h2 id="first-title">When your first numbers appear</h2>
                <p>Until then the pages show how much time was gathered and say it is too early to compare.</p>
              </div>
              <ul>
                {firstNumbers(settings, fmt.duration).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <p className="row welcome-next">
                <a className="btn btn-primary" href="./dashboard.html">
                  Open the dashboard
                </a>
                <a className="btn" href="./options.html">
                  All settings
                </a>
              </p>
            </section>
          </>
        ) : (
          <p className="muted" role="status">
            Loading your settings…
          </p>
        )}
      </div>
    </PageShell>
  );
}
