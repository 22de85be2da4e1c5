export interface EmptyStateProps {
  onOpenSettings?: () => void;
  settingsHref?: string;
}

/** What a new install shows before anything was recorded: what will appear, and why nothing leaves the machine. */
export function EmptyState({ settingsHref }: EmptyStateProps) {
  return (
    <section className="card empty" aria-labelledby="empty-title" data-testid="empty-state">
      <h2 id="empty-title">Your first week starts now</h2>
      <p className="muted">
        Creative Ratio notes which site is in front of you while you work — just the site and a path shape like{' '}
        <code>docs.google.com/document</code>, never page titles, contents or full addresses. Keep working as usual;
        this page fills in by itself.
      </p>
      <div>
        <h3>What will appear here</h3>
        <ul>
          <li>
            Your creative share: how much of your classified time went to writing, design, research and building, versus
            meetings, chat, project tools and admin.
          </li>
          <li>
            Where that sits against two survey lines — 50%, a good day for 42% of surveyed marketers, and 25%, the
            reality for 38% of them — and your own target.
          </li>
          <li>
            Each day as a stacked bar, a 12-week trend, the tools that took your time, and signals of fragmentation:
            meeting and chat hours, context switches, your longest uninterrupted creative block.
          </li>
          <li>Sites Creative Ratio does not recognise yet, with one-click buttons to classify them.</li>
        </ul>
      </div>
      <div>
        <h3>Nothing is sent anywhere</h3>
        <p className="muted">
          Everything is stored in this browser profile only. There is no account, no server and no analytics; the
          extension makes no network requests at all. You can pause tracking, exclude sites, or delete everything at any
          time
          {settingsHref ? (
            <>
              {' '}
              in <a href={settingsHref}>Settings</a>
            </>
          ) : null}
          .
        </p>
      </div>
    </section>
  );
}
