import type { ReactNode } from 'react';
import './PageShell.css';

export type NavPage = 'dashboard' | 'review' | 'options' | 'team' | 'welcome';

/** The pages in the header; the team view (opened from Settings) is listed only while it is open. */
const NAV: { page: NavPage; label: string; onlyWhenCurrent?: boolean }[] = [
  { page: 'dashboard', label: 'Week' },
  { page: 'review', label: 'Weekly review' },
  { page: 'options', label: 'Settings' },
  { page: 'team', label: 'Team view', onlyWhenCurrent: true },
  { page: 'welcome', label: 'Welcome', onlyWhenCurrent: true },
];

export interface PageShellProps {
  current: NavPage;
  /** Query string (e.g. `?week=2025-03-03`) carried between pages so the chosen week follows the person. */
  carry?: string;
  /** Right side of the header (tracking status). */
  status?: ReactNode;
  children: ReactNode;
}

/** Header with the product name and the page navigation, then the page's main landmark. */
export function PageShell({ current, carry = '', status, children }: PageShellProps) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <a className="brand" href={`./dashboard.html${carry}`}>
            <img src="/icon/32.png" alt="" width={24} height={24} />
            <span>Creative Ratio</span>
          </a>
          <nav className="app-nav" aria-label="Pages">
            <ul>
              {NAV.filter((item) => !item.onlyWhenCurrent || item.page === current).map((item) => (
                <li key={item.page}>
                  <a
                    href={`./${item.page}.html${item.page === 'options' || item.page === 'team' || item.page === 'welcome' ? '' : carry}`}
                    aria-current={item.page === current ? 'page' : undefined}
                  >
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-status">{status}</div>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
