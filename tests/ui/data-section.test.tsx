// @vitest-environment happy-dom
/**
 * Settings → Your data: a shorter retention that would delete recorded time is confirmed first,
 * saying how much goes, with a backup offered before (issue #15 §6).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/db';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { DataSection } from '@/entrypoints/options/DataSection';

const downloads = vi.hoisted(() => [] as string[]);
vi.mock('@/components/files', async (original) => ({
  ...(await original<typeof import('@/components/files')>()),
  downloadText: (_data: unknown, name: string) => downloads.push(name),
}));

afterEach(cleanup);

const H = 3_600_000;
const DAY = 24 * H;

describe('DataSection retention', () => {
  // One test: the section uses the page's database singleton (getDb), bound to one fake IndexedDB.
  it('asks before a shorter retention deletes history, says how much, offers a backup; Cancel keeps it, the yes saves it', async () => {
    const now = Date.now();
    const db = getDb();
    const old = (daysAgo: number, hours: number) => {
      const start = now - daysAgo * DAY;
      return {
        start,
        end: start + hours * H,
        day: new Date(start).toISOString().slice(0, 10),
        host: 'docs.google.com',
        path: '',
        source: 'browser' as const,
        lane: 'focus' as const,
      };
    };
    // 100 and 200 days ago (deleted by keeping 1 or 3 months), and yesterday (kept).
    await db.segments.bulkAdd([old(100, 2), old(200, 1.5), old(1, 3)]);
    const save = vi.fn(async () => true);
    render(<DataSection settings={{ ...DEFAULT_SETTINGS, retentionMonths: null }} now={now} save={save} />);

    const select = screen.getByLabelText('Keep recorded time for');
    fireEvent.change(select, { target: { value: '3' } });
    const confirm = await screen.findByTestId('retention-confirm');
    expect(confirm.textContent).toMatch(
      /^Keeping 3 months deletes 2 days of recorded time \(3\.5 h, from .+ to .+\)\. This cannot be undone; download a backup first/,
    );
    expect(save).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('retention-backup'));
    await waitFor(() =>
      expect(screen.getByTestId('retention-backup-note').textContent).toMatch(
        /^Saved creative-ratio-backup-.*\.json \(\d+ kB\): 3 stretches of time/,
      ),
    );
    expect(downloads).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('retention-confirm')).toBeNull();
    expect(save).not.toHaveBeenCalled();
    expect(await db.segments.count()).toBe(3);

    fireEvent.change(select, { target: { value: '3' } });
    fireEvent.click(await screen.findByTestId('retention-confirm-button'));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ retentionMonths: 3 }));

    // A longer retention, or one that deletes nothing, is saved at once.
    save.mockClear();
    fireEvent.change(select, { target: { value: '36' } });
    await waitFor(() => expect(save).toHaveBeenCalledWith({ retentionMonths: 36 }));
    expect(screen.queryByTestId('retention-confirm')).toBeNull();
  });
});
