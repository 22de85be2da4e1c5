// @vitest-environment happy-dom
// TeamExport (range, alias, the exact JSON preview, download) and BackupRestore (confirmation with
// counts, replace/merge, result, errors that change nothing, backup download).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupCard, TeamExportCard } from '@/entrypoints/options/cards';
import { CreativeRatioDB } from '@/lib/db';
import { serializeBackup } from '@/lib/export/backup';
import { parseTeamExport } from '@/lib/export/team-format';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { HOUR, local, rule, seg } from './helpers';

let db: CreativeRatioDB;
let blobs: Blob[];
const realCreate = URL.createObjectURL;
const realRevoke = URL.revokeObjectURL;

beforeEach(async () => {
  db = new CreativeRatioDB(`components-${Math.random()}`);
  await db.open();
  blobs = [];
  URL.createObjectURL = vi.fn((b: Blob) => {
    blobs.push(b);
    return `blob:test/${blobs.length}`;
  }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  cleanup();
  URL.createObjectURL = realCreate;
  URL.revokeObjectURL = realRevoke;
});

function choose(input: HTMLElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

// Wednesday 2 April 2025: the last complete week starts Monday 24 March.
const NOW = local(2025, 4, 2, 12);

async function seedPerson(): Promise<void> {
  await db.settings.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, weekStartsOn: 1 } });
  await db.rules.add(rule(1, 0, 'secret-crm.example', 'coordination', { kind: 'admin', tool: 'Secret CRM' }));
  await db.segments.bulkAdd([
    seg(local(2025, 3, 24, 9), 120, 'docs.google.com', { path: '/document/d/*/edit' }),
    seg(local(2025, 3, 24, 13), 60, 'secret-crm.example', { path: '/deals' }),
    seg(local(2025, 3, 25, 10), 30, '', {
      source: 'calendar',
      label: 'Board prep with Jane',
      override: { class: 'coordination', kind: 'meetings' },
    }),
    seg(local(2025, 3, 31, 9), 60, 'docs.google.com', { path: '/document/d/*/edit' }),
  ]);
}

describe('TeamExport', () => {
  it('previews in words what the lead will see and, behind a toggle, exactly the file it downloads', async () => {
    await seedPerson();
    render(<TeamExportCard db={db} now={NOW} />);
    const preview = await screen.findByTestId('team-export-preview');
    await waitFor(() => expect(preview.textContent).toContain('"writing": 7200000'));
    const first = parseTeamExport(preview.textContent!, { now: NOW });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    // Nothing extra by default: no name, no not-work time, no days.
    expect(preview.textContent).not.toMatch(/"alias"|"neutralMs"|"personal"|"activeDays"/);
    // In words, before the file: what the lead will see (hours and share, not milliseconds).
    const words = screen.getByTestId('team-export-words').textContent!;
    expect(words).toContain('nothing at all until at least 5 people');
    expect(words).toContain('with no name');
    expect(words).toContain(
      'Week of Mar 24: 57% creative — 2 h creative, 1.5 h coordination (Meetings & calendar 30 min, Admin & CRM upkeep 1 h)',
    );
    expect(words).not.toMatch(/\d{6,}/);
    // The exact file is behind a toggle, closed.
    expect(preview.closest('details')!.open).toBe(false);
    expect(first.export.weeks.map((w) => w.weekStart)).toEqual([
      '2025-03-03',
      '2025-03-10',
      '2025-03-17',
      '2025-03-24',
    ]);
    expect(first.export.weeks[3]).toMatchObject({
      creativeMs: 2 * HOUR,
      coordinationMs: 1.5 * HOUR,
      meetingMs: 0.5 * HOUR,
    });
    for (const secret of ['docs.google.com', 'secret-crm', 'Secret CRM', 'Board prep', 'Jane', '/deals', '/document'])
      expect(preview.textContent).not.toContain(secret);

    fireEvent.click(screen.getByTestId('team-export-notwork'));
    fireEvent.click(screen.getByTestId('team-export-days'));
    await waitFor(() => expect(preview.textContent).toContain('"activeDays": 2'));
    expect(preview.textContent).toContain('"neutralMs": 0');
    expect(screen.getByTestId('team-export-words').textContent).toContain('0 min not work');
    expect(screen.getByTestId('team-export-words').textContent).toContain('tracked on 2 days');
    fireEvent.change(screen.getByLabelText('Name in the file (optional, empty by default)'), {
      target: { value: 'Alex M.' },
    });
    fireEvent.change(screen.getByLabelText('Weeks'), { target: { value: '12' } });
    // Right after the change the file is not shown (its weeks are being read), never the 4 weeks before.
    const shown = () => screen.queryByTestId('team-export-preview')?.textContent ?? null;
    expect(shown()).toBeNull();
    await waitFor(() => expect(shown()).toContain('"alias": "Alex M."'));
    await waitFor(() => {
      const twelve = parseTeamExport(shown()!, { now: NOW });
      expect(twelve.ok && twelve.export.weeks.length).toBe(12);
    });

    const download = screen.getByTestId('team-export-download');
    expect(download.textContent).toBe('Download creative-ratio-team-alex-m-2025-04-02.json');
    fireEvent.click(download);
    expect(blobs).toHaveLength(1);
    const saved = await blobs[0]!.text();
    expect(screen.getByTestId('team-export-status').textContent).toMatch(
      /^Saved creative-ratio-team-alex-m-2025-04-02\.json\. .*sends nothing\.$/,
    );
    // The next download gets a new random id; nothing else changes.
    const next = screen.getByTestId('team-export-preview').textContent!;
    const id = (t: string) => /"exportId": "([0-9a-f]{32})"/.exec(t)![1];
    expect(id(next)).not.toBe(id(saved));
    expect(next.replace(id(next)!, '')).toBe(saved.replace(id(saved)!, ''));
    expect(screen.getByRole('link', { name: 'Open the team view' }).getAttribute('href')).toBe('./team.html');
  });

  it('moves the range with "Ending with the week of"', async () => {
    await seedPerson();
    render(<TeamExportCard db={db} now={NOW} />);
    const last = (await screen.findByLabelText('Ending with the week of')) as HTMLSelectElement;
    await waitFor(() => expect(last.options.length).toBe(52));
    expect(last.options[0]!.textContent).toMatch(/Mar 24, 2025 \(last complete week\)$/);
    fireEvent.change(screen.getByLabelText('Weeks'), { target: { value: '1' } });
    fireEvent.change(last, { target: { value: last.options[1]!.value } });
    await waitFor(() => {
      const r = parseTeamExport(screen.getByTestId('team-export-preview').textContent!, { now: NOW });
      expect(r.ok && r.export.weeks.map((w) => w.weekStart)).toEqual(['2025-03-17']);
    });
    expect(screen.getByTestId('team-export-status').textContent).toBe('These weeks have no tracked time.');
  });
});

describe('BackupRestore', () => {
  const T0 = local(2025, 3, 24, 9);
  const backupFile = () =>
    serializeBackup(
      {
        segments: [
          seg(T0, 60, 'docs.google.com', { id: 1 }),
          seg(T0 + HOUR, 30, 'app.slack.com', { id: 2 }),
          seg(T0 + 2 * HOUR, 15, 'x.example', { id: 3 }),
        ],
        rules: [rule(1, 0, 'x.example', 'creative', { kind: 'design' })],
        settings: [{ key: 'settings', value: { ...DEFAULT_SETTINGS, targetShare: 0.35 } }],
        reviews: [{ week: '2025-03-24', note: 'Good week.', updatedAt: T0 }],
        plans: [
          {
            week: '2025-03-31',
            blocks: [{ id: 'b1', start: T0 + 7 * 24 * HOUR, end: T0 + 7 * 24 * HOUR + 90 * 60_000, kind: 'writing' }],
            intent: 'Two mornings of writing.',
            updatedAt: T0,
          },
        ],
      },
      { now: T0, schemaVersion: 1 },
    ).parts.join('');

  it('shows the counts, defaults to the safe Merge, replaces only after an explicit confirmation, reports the result and notifies (issue #15)', async () => {
    await db.segments.add(seg(T0 + 5 * HOUR, 10, 'old.example'));
    const after = vi.fn(async () => undefined);
    render(<BackupCard db={db} afterRestore={after} />);
    choose(
      screen.getByLabelText('Restore from a backup file'),
      new File([backupFile()], 'my-backup.json', { type: 'application/json' }),
    );

    const confirm = await screen.findByTestId('restore-confirm');
    expect(within(confirm).getByTestId('restore-counts').textContent).toBe(
      '3 stretches of time, 1 rule, settings, 1 review note, 1 focus plan, 0 calendar meetings (0 skipped)',
    );
    await waitFor(() =>
      expect(confirm.textContent).toContain(
        'This browser now has 1 stretch of time, 0 rules, no settings, 0 review notes, 0 focus plans, 0 calendar meetings (0 skipped).',
      ),
    );
    expect(await db.segments.count()).toBe(1);
    expect((within(confirm).getByTestId('restore-mode-merge') as HTMLInputElement).checked).toBe(true);
    expect((within(confirm).getByTestId('restore-mode-replace') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(within(confirm).getByTestId('restore-mode-replace'));
    const button = within(confirm).getByTestId('restore-confirm-button') as HTMLButtonElement;
    expect(button.textContent).toBe('Replace my data with this backup');
    expect(button.disabled).toBe(true);
    const ack = within(confirm).getByTestId('restore-replace-confirm');
    expect(ack.closest('label')!.textContent).toContain(
      'Yes, delete what is stored now (1 stretch of time, 0 rules, no settings, 0 review notes, 0 focus plans, 0 calendar meetings (0 skipped)).',
    );
    fireEvent.click(ack);
    expect(button.disabled).toBe(false);

    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() =>
      expect(screen.getByTestId('restore-result').textContent).toBe(
        'Restored 3 stretches of time, 1 rule, settings, 1 review note, 1 focus plan, 0 calendar meetings (0 skipped).',
      ),
    );
    expect(after).toHaveBeenCalledTimes(1);
    expect(await db.segments.count()).toBe(3);
    expect((await db.settings.get('settings'))!.value.targetShare).toBe(0.35);
    expect((await db.plans.get('2025-03-31'))?.intent).toBe('Two mornings of writing.');
  });

  it('merges when asked, skipping what is already there', async () => {
    await db.segments.add(seg(T0, 60, 'docs.google.com'));
    render(<BackupCard db={db} afterRestore={async () => undefined} />);
    choose(screen.getByLabelText('Restore from a backup file'), new File([backupFile()], 'b.json'));
    await screen.findByTestId('restore-confirm');
    const button = screen.getByTestId('restore-confirm-button');
    expect(button.textContent).toBe('Merge this backup into my data');
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() =>
      expect(screen.getByTestId('restore-result').textContent).toMatch(
        /^Merged: 2 stretches of time added \(1 already there\); 1 rule added/,
      ),
    );
    expect(await db.segments.count()).toBe(3);
  });

  it('counts calendar meetings and skipped ones in plain words, and says what an older backup lacks', async () => {
    const fixture = (name: string) =>
      new File([readFileSync(path.join(import.meta.dirname, '../fixtures/backup', name), 'utf8')], name);
    render(<BackupCard db={db} afterRestore={async () => undefined} />);
    choose(screen.getByLabelText('Restore from a backup file'), fixture('backup-v3.json'));
    const confirm = await screen.findByTestId('restore-confirm');
    expect(within(confirm).getByTestId('restore-counts').textContent).toBe(
      '7 stretches of time, 1 rule, settings, 1 review note, 1 focus plan, 5 calendar meetings (1 skipped)',
    );
    expect(within(confirm).queryByTestId('restore-old-format')).toBeNull();

    choose(screen.getByLabelText('Restore from a backup file'), fixture('backup-v2.json'));
    await waitFor(() => expect(screen.getByTestId('restore-confirm').textContent).toContain('backup-v2.json'));
    expect(screen.getByTestId('restore-old-format').textContent).toBe(
      'This backup was made before calendar meetings were backed up: it has none, and a merge keeps yours. ' +
        'Its calendar time is restored as it was; to mark one of those meetings skipped or judge it again, ' +
        'import that calendar again or refresh its subscription.',
    );
    choose(screen.getByLabelText('Restore from a backup file'), fixture('backup-v1.json'));
    await waitFor(() => expect(screen.getByTestId('restore-confirm').textContent).toContain('backup-v1.json'));
    expect(screen.getByTestId('restore-old-format').textContent).toMatch(
      /^This backup was made before focus plans and calendar meetings were backed up/,
    );
  });

  it('refuses a damaged file with the reason and changes nothing; cancel leaves everything as it was', async () => {
    await db.segments.add(seg(T0 + 5 * HOUR, 10, 'old.example'));
    const after = vi.fn(async () => undefined);
    render(<BackupCard db={db} afterRestore={after} />);
    const input = screen.getByLabelText('Restore from a backup file');
    choose(input, new File([backupFile().replace('"note":"Good week."', '"note":"Edited."')], 'edited.json'));
    await waitFor(() =>
      expect(screen.getByTestId('restore-error').textContent).toBe(
        'The backup is damaged or was edited: its checksum does not match its contents. Nothing was changed.',
      ),
    );
    choose(input, new File([backupFile()], 'ok.json'));
    await screen.findByTestId('restore-confirm');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('restore-confirm')).toBeNull();
    choose(input, new File(['{"format":"creative-ratio-team","version":1}'], 'team.json'));
    await waitFor(() =>
      expect(screen.getByTestId('restore-error').textContent).toMatch(
        /team export \(weekly totals only\), not a backup/,
      ),
    );
    expect(after).not.toHaveBeenCalled();
    expect(await db.segments.count()).toBe(1);
  });

  it('downloads a backup that restores', async () => {
    await db.segments.bulkAdd([seg(T0, 60, 'docs.google.com'), seg(T0 + HOUR, 60, 'app.slack.com')]);
    render(<BackupCard db={db} afterRestore={async () => undefined} />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('backup-download'));
    });
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(
      await screen.findByText(
        /^Saved creative-ratio-backup-\d{4}-\d{2}-\d{2}\.json \(1 kB\): 2 stretches of time, 0 rules, no settings, 0 review notes, 0 focus plans, 0 calendar meetings \(0 skipped\)\.$/,
      ),
    ).toBeTruthy();
    const text = await blobs[0]!.text();
    expect(JSON.parse(text)).toMatchObject({ format: 'creative-ratio-backup', counts: { segments: 2 } });
  });
});
