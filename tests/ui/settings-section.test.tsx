// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { SettingsSection } from '@/components/SettingsSection';

afterEach(() => {
  cleanup();
});

it('SettingsSection is a region named by its heading, at the anchor the table of contents links to', () => {
  render(
    <SettingsSection id="share" title="Share with your team" description="Weekly totals only." testId="team-export">
      <button type="button">Download</button>
    </SettingsSection>,
  );
  const region = screen.getByRole('region', { name: 'Share with your team' });
  expect(region.id).toBe('share');
  expect(region.getAttribute('data-testid')).toBe('team-export');
  expect(screen.getByRole('heading', { level: 2 }).id).toBe('share-title');
  expect(region.textContent).toBe('Share with your teamWeekly totals only.Download');
});
