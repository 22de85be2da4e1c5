// The team view's file list: validation one by one, duplicates, names, renaming, the kept copy.
import { describe, expect, it } from 'vitest';
import { TEAM_KINDS, serializeTeamExport, type TeamExport, type TeamWeek } from '@/lib/export/team-format';
import {
  EMPTY_TEAM_FILES,
  addTeamFile,
  checkTeamFileSize,
  rejectTeamFile,
  removeTeamFile,
  renameTeamFile,
  restoreKept,
  serializeKept,
  teamMembers,
  uniqueName,
  type TeamFilesState,
} from '@/lib/export/team-files';
import type { KindId } from '@/lib/model';
import { HOUR } from './helpers';

function doc(alias: string, writingHours: number): TeamExport {
  const byKind = Object.fromEntries(TEAM_KINDS.map((k) => [k, 0])) as Record<KindId, number>;
  byKind.writing = writingHours * HOUR;
  byKind.meetings = 2 * HOUR;
  const w: TeamWeek = {
    weekStart: '2025-03-24',
    creativeMs: writingHours * HOUR,
    coordinationMs: 2 * HOUR,
    neutralMs: 0,
    unclassifiedMs: 0,
    byKind,
    meetingMs: 2 * HOUR,
    messagingMs: 0,
    multitaskMs: 0,
    contextSwitchesPerHour: null,
    longestCreativeBlockMs: 0,
    blocks25: 0,
    blocks50: 0,
    blocks90: 0,
    activeDays: 1,
  };
  return { format: 'creative-ratio-team', version: 1, exportedAt: '2025-04-02', weekStartsOn: 1, weeks: [w], alias };
}

let n = 0;
const id = () => `f${++n}`;

function load(...files: Array<[string, string]>): TeamFilesState {
  return files.reduce((s, [name, text]) => addTeamFile(s, id(), name, text), EMPTY_TEAM_FILES);
}

describe('team files', () => {
  it('keeps good files, lists bad ones with the reason, refuses the same data twice', () => {
    const s = load(
      ['alex.json', serializeTeamExport(doc('Alex', 3))],
      ['broken.json', '{"format":"creative-ratio-team"'],
      ['sam.json', serializeTeamExport(doc('', 6))],
      ['copy of alex.json', JSON.stringify(doc('Alex', 3), null, 1)],
      ['notes.txt', 'hello'],
    );
    expect(s.files.map((f) => [f.fileName, f.name])).toEqual([
      ['alex.json', 'Alex'],
      ['sam.json', 'sam'],
    ]);
    expect(s.rejected.map((r) => [r.fileName, r.reason])).toEqual([
      ['broken.json', 'This is not a team export: it is not valid JSON.'],
      ['copy of alex.json', 'Same data as “alex.json”, which is already loaded.'],
      ['notes.txt', 'This is not a team export: it is not valid JSON.'],
    ]);
    expect(teamMembers(s).map((m) => m.name)).toEqual(['Alex', 'sam']);
  });

  it('numbers repeated names and lets the lead rename (blank goes back to the default)', () => {
    let s = load(['a.json', serializeTeamExport(doc('Alex', 1))], ['b.json', serializeTeamExport(doc('alex', 2))], ['c.json', serializeTeamExport(doc('', 3))]);
    expect(s.files.map((f) => f.name)).toEqual(['Alex', 'alex (2)', 'c']);
    const [a, b, c] = s.files;
    s = renameTeamFile(s, c!.id, '  Jo\u0000 Smith ');
    expect(s.files[2]!.name).toBe('Jo Smith');
    s = renameTeamFile(s, b!.id, 'jo smith');
    expect(s.files[1]!.name).toBe('jo smith (2)');
    s = renameTeamFile(s, c!.id, '   ');
    expect(s.files[2]!.name).toBe('c');
    s = removeTeamFile(s, a!.id);
    expect(s.files.map((f) => f.name)).toEqual(['jo smith (2)', 'c']);
    expect(uniqueName('X', ['x', 'X (2)'])).toBe('X (3)');
  });

  it('refuses files over 1 MB before reading them', () => {
    expect(checkTeamFileSize(1_000)).toBeNull();
    expect(checkTeamFileSize(2_500_000)).toMatch(/too large \(2\.5 MB/);
    const s = rejectTeamFile(EMPTY_TEAM_FILES, 'x', 'huge.json', checkTeamFileSize(2_500_000)!);
    expect(s.rejected).toHaveLength(1);
    expect(removeTeamFile(s, 'x').rejected).toHaveLength(0);
  });

  it('keeps only validated exports and names, and validates them again when restoring', () => {
    let s = load(['a.json', serializeTeamExport(doc('Alex', 1))], ['b.json', serializeTeamExport(doc('', 2))]);
    s = renameTeamFile(s, s.files[1]!.id, 'Bea');
    const kept = serializeKept(s);
    const back = restoreKept(kept, id);
    expect(back.files.map((f) => [f.fileName, f.name, f.export])).toEqual(s.files.map((f) => [f.fileName, f.name, f.export]));
    // Tampered storage: the bad entry is dropped, the rest survives.
    const tampered = JSON.parse(kept) as { files: Array<{ text: string }> };
    tampered.files[0]!.text = tampered.files[0]!.text.replace('"version": 1', '"version": 9');
    expect(restoreKept(JSON.stringify(tampered), id).files.map((f) => f.name)).toEqual(['Bea']);
    for (const junk of [null, '', 'nope', '{"files":3}', '{"files":[null,1,{"fileName":2}]}', '{"__proto__":{"files":[]}}']) {
      expect(restoreKept(junk, id)).toEqual(EMPTY_TEAM_FILES);
    }
  });
});
