import type { ReactNode } from 'react';
import './SettingsSection.css';

export interface SettingsSectionProps {
  /** The anchor the settings' table of contents links to; the heading is `${id}-title`. */
  id: string;
  title: ReactNode;
  /** One line under the title. */
  description: ReactNode;
  testId?: string;
  children: ReactNode;
}

/** A card of the settings page: its heading and a line saying what it is for, then its fields, stacked. */
export function SettingsSection({ id, title, description, testId, children }: SettingsSectionProps) {
  return (
    <section id={id} className="card settings-section stack" aria-labelledby={`${id}-title`} data-testid={testId}>
      <div className="card-head flush">
        <h2 id={`${id}-title`}>{title}</h2>
        <p>{description}</p>
      </div>
      {children}
    </section>
  );
}
