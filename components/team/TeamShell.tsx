import type { ReactNode } from 'react';
import { PageShell } from '@/components/PageShell';

/**
 * The team view's frame: the same header and landmarks as the other pages, with the team view as
 * the current page. Links go to the person's own pages in this browser.
 */
export function TeamShell({ children }: { children: ReactNode }) {
  return (
    <PageShell current="team" status={<span className="subtle">Files stay in this tab. Nothing is uploaded.</span>}>
      {children}
    </PageShell>
  );
}
