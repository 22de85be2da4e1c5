import type { ReactNode } from 'react';

export interface BannerProps {
  tone: 'error' | 'warning' | 'success' | 'info';
  title?: string;
  children?: ReactNode;
  /** Errors interrupt screen readers (role=alert); everything else is polite. */
  live?: boolean;
}

const ICON: Record<BannerProps['tone'], string> = { error: '!', warning: '!', success: '✓', info: 'i' };

/** A message strip. The icon is decorative; the tone is also carried by the words. */
export function Banner({ tone, title, children, live = true }: BannerProps) {
  return (
    <div className={`banner banner-${tone}`} role={live ? (tone === 'error' ? 'alert' : 'status') : undefined}>
      <span className="banner-icon" aria-hidden="true">
        {ICON[tone]}
      </span>
      <div>
        {title ? <strong>{title}</strong> : null}
        {title && children ? ' ' : null}
        {children}
      </div>
    </div>
  );
}
