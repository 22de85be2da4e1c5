/**
 * Every table of the database is either in a backup or, on purpose and with a reason, not
 * (NOT_BACKED_UP in lib/db/backup.ts). A table added to lib/db/schema.ts fails here until someone
 * decides: add it to BACKUP_TABLES (lib/export/backup.ts: schema, merge rule, restore) or list it as
 * this browser's own or derived data.
 */
import { describe, expect, it } from 'vitest';
import { CreativeRatioDB } from '@/lib/db/schema';
import { SCHEMA_VERSION } from '@/lib/db/names';
import { NOT_BACKED_UP } from '@/lib/db/backup';
import { BACKUP_TABLES } from '@/lib/export/backup';

const db = new CreativeRatioDB(`coverage-${Math.random()}`);
const tables = db.tables.map((t) => t.name).sort();

describe('what a backup holds', () => {
  it('reads the schema of the newest version', () => {
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(tables).toContain('segments');
  });

  it.each(tables)('table "%s" is backed up or listed as not backed up, with a reason', (table) => {
    const backedUp = (BACKUP_TABLES as readonly string[]).includes(table);
    const reason = (NOT_BACKED_UP as Record<string, string>)[table];
    expect(
      backedUp || reason !== undefined,
      `The table "${table}" is in neither BACKUP_TABLES (lib/export/backup.ts) nor NOT_BACKED_UP (lib/db/backup.ts): ` +
        'a backup would silently leave it out. Back it up (row schema, merge rule, restore) or say why not.',
    ).toBe(true);
    expect(backedUp && reason !== undefined, `"${table}" is in both lists`).toBe(false);
    if (reason !== undefined) expect(reason).toMatch(/\w{4,}/);
  });

  it('carries the calendar meetings and skipped occurrences; leaves out only this browser’s state and derived data', () => {
    expect(BACKUP_TABLES).toEqual(expect.arrayContaining(['meetings', 'meetingSkips']));
    expect(Object.keys(NOT_BACKED_UP).sort()).toEqual(['packs', 'status', 'tracker']);
  });

  it('names no table the schema does not have', () => {
    expect([...BACKUP_TABLES, ...Object.keys(NOT_BACKED_UP)].filter((t) => !tables.includes(t))).toEqual([]);
  });
});
