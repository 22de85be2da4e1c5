// The calendar import's options in the extension's storage (a `status` row), and the one-time move
// of a value an older version left in the page's localStorage.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_OPTIONS, sanitizeImportOptions } from '@/lib/calendar/import-options';
import { CreativeRatioDB, deleteAllData } from '@/lib/db';
import {
  IMPORT_OPTIONS_KEY,
  LEGACY_IMPORT_OPTIONS_KEYS,
  loadImportOptions,
  saveImportOptions,
  type LegacyStorage,
} from '@/lib/db/import-options';
import { createBackup } from '@/lib/db/backup';

const V2 = LEGACY_IMPORT_OPTIONS_KEYS[0].key;
const V1 = LEGACY_IMPORT_OPTIONS_KEYS[1].key;

/** A Map-backed localStorage that records what was removed. */
function fakeStorage(entries: Record<string, string> = {}): LegacyStorage & { map: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    removeItem: (k) => void map.delete(k),
  };
}

let db: CreativeRatioDB;
beforeEach(async () => {
  db = new CreativeRatioDB(`test-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('sanitizeImportOptions', () => {
  it.each([
    ['nothing', undefined, DEFAULT_IMPORT_OPTIONS],
    ['not an object', 'yes', DEFAULT_IMPORT_OPTIONS],
    [
      'every field',
      { keepTitles: true, meetingWords: 'sync', countTentative: false, weeksBack: 4 },
      { keepTitles: true, meetingWords: 'sync', countTentative: false, weeksBack: 4 },
    ],
    [
      'wrong types fall back field by field',
      { keepTitles: 'yes', meetingWords: 3, countTentative: false, weeksBack: 5 },
      { ...DEFAULT_IMPORT_OPTIONS, countTentative: false },
    ],
  ])('%s', (_, value, expected) => {
    expect(sanitizeImportOptions(value)).toEqual(expected);
  });

  it('keeps a version-1 value’s titles and words but not its old defaults (tentative off, 12 weeks)', () => {
    expect(
      sanitizeImportOptions({ keepTitles: true, meetingWords: 'standup', countTentative: false, weeksBack: 12 }, 1),
    ).toEqual({ ...DEFAULT_IMPORT_OPTIONS, keepTitles: true, meetingWords: 'standup' });
  });

  it('cuts the meeting words to 4,000 characters', () => {
    expect(sanitizeImportOptions({ meetingWords: 'x'.repeat(5000) }).meetingWords).toHaveLength(4000);
  });
});

describe('loadImportOptions / saveImportOptions', () => {
  it('gives the defaults when nothing is stored, and what was saved after', async () => {
    expect(await loadImportOptions(db, fakeStorage())).toEqual(DEFAULT_IMPORT_OPTIONS);
    const chosen = { ...DEFAULT_IMPORT_OPTIONS, keepTitles: true, weeksBack: 4 as const };
    await saveImportOptions(db, chosen);
    expect(await loadImportOptions(db)).toEqual(chosen);
    expect(await db.status.get(IMPORT_OPTIONS_KEY as never)).toMatchObject({ options: chosen });
  });

  it('moves a localStorage value into the database once, then removes it from localStorage', async () => {
    const storage = fakeStorage({ [V2]: JSON.stringify({ keepTitles: true, weeksBack: 4, countTentative: false }) });
    const expected = { ...DEFAULT_IMPORT_OPTIONS, keepTitles: true, weeksBack: 4, countTentative: false };
    expect(await loadImportOptions(db, storage)).toEqual(expected);
    expect(storage.map.size).toBe(0);
    // Stored now: read without any localStorage.
    expect(await loadImportOptions(db)).toEqual(expected);
  });

  it('prefers the version-2 value to a version-1 one, and removes both', async () => {
    const storage = fakeStorage({
      [V1]: JSON.stringify({ meetingWords: 'old' }),
      [V2]: JSON.stringify({ meetingWords: 'new' }),
    });
    expect((await loadImportOptions(db, storage)).meetingWords).toBe('new');
    expect([...storage.map.keys()]).toEqual([]);
  });

  it('migrates a version-1 value without its old defaults', async () => {
    const storage = fakeStorage({ [V1]: JSON.stringify({ keepTitles: true, countTentative: false, weeksBack: 12 }) });
    expect(await loadImportOptions(db, storage)).toEqual({ ...DEFAULT_IMPORT_OPTIONS, keepTitles: true });
  });

  it('never lets a leftover localStorage value override options stored since', async () => {
    await saveImportOptions(db, { ...DEFAULT_IMPORT_OPTIONS, weeksBack: 26 });
    const storage = fakeStorage({ [V2]: JSON.stringify({ weeksBack: 4 }) });
    expect((await loadImportOptions(db, storage)).weeksBack).toBe(26);
    // The stored row answers, and the leftover is removed: a page closed between the move's commit and
    // the removal (a reload right after the first load) leaves one behind, and it must not wait forever.
    expect(storage.map.has(V2)).toBe(false);
  });

  it('drops a value that is not JSON, and survives a storage that throws', async () => {
    const broken = fakeStorage({ [V2]: '{not json' });
    expect(await loadImportOptions(db, broken)).toEqual(DEFAULT_IMPORT_OPTIONS);
    expect(broken.map.size).toBe(0);
    const throwing: LegacyStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(await loadImportOptions(db, throwing)).toEqual(DEFAULT_IMPORT_OPTIONS);
  });

  it('stores a damaged value as its defaults', async () => {
    await saveImportOptions(db, { keepTitles: 'yes', meetingWords: 'a', countTentative: true, weeksBack: 7 } as never);
    expect(await loadImportOptions(db)).toEqual({ ...DEFAULT_IMPORT_OPTIONS, meetingWords: 'a' });
  });

  it('belongs to this browser: not in a backup, gone after "Delete all data"', async () => {
    await saveImportOptions(db, { ...DEFAULT_IMPORT_OPTIONS, keepTitles: true });
    const backup = await createBackup(db, { now: Date.now() });
    expect(backup.parts.join('')).not.toContain('keepTitles');
    await deleteAllData(db);
    expect(await loadImportOptions(db)).toEqual(DEFAULT_IMPORT_OPTIONS);
  });
});
