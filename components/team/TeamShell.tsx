import type { ReactNode } from 'react';

/**
 * The team view's frame: the same header and landmarks as the other pages (PageShell), with the
 * team view as the current page. Links go to the person's own pages in this browser.
 */
export function TeamShell({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <a className="brand" href="./dashboard.html">
            <img src="/icon/32.png" alt="" width={24} height={24} />
            <span>Creative Ratio</span>
          </a>
          <nav className="app-nav" aria-label="Pages">
            <ul>
              <li>
                <a href="./dashboard.html">Week</a>
              </li>
              <li>
                <a href="./review.html">Weekly review</a>
              </li>
              <li>
                <a href="./options.html">Settings</a>
              </li>
              <li>
                <a href="./team.html" aria-current="page">
                  Team view
                </a>
              </li>
            </ul>
          </nav>
          <div className="header-status">
            <span className="subtle">Files stay in this tab. Nothing is uploaded.</span>
          </div>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
