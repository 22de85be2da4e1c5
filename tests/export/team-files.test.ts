// The team view's file list: validation one by one, duplicate variants (copies, the same data under
// another name or date, overlapping identical weeks), look-alike names, removal, the kept copy.
import { describe, expect, it } from 'vitest';
import { serializeTeamExport, type TeamExport } from '@/lib/export/team-format';
import {
  EMPTY_TEAM_FILES,
  addTeamFile,
  checkTeamFileSize,
  nameKey,
  rejectTeamFile,
  removeTeamFile,
  restoreKept,
  serializeKept,
  teamPeople,
  type TeamFilesState,
} from '@/lib/export/team-files';
import { buildTeamView } from '@/lib/export/team-view';
import { teamDoc, teamWeek } from './helpers';

const NOW = new Date(2025, 3, 2, 12).getTime();

/** One person's data: weeks of March 10..31 with `writing` hours of creative time. */
function weeks(writing: number, starts = ['2025-03-17', '2025-03-24']) {
  return starts.map((s, i) => teamWeek(s, { writing: writing + i, meetings: 2 }));
}

let n = 0;
const id = () => `f${++n}`;

function load(...files: Array<[string, TeamExport | string]>): TeamFilesState {
  return files.reduce(
    (s, [name, doc]) => addTeamFile(s, id(), name, typeof doc === 'string' ? doc : serializeTeamExport(doc), NOW),
    EMPTY_TEAM_FILES,
  );
}
const flags = (s: TeamFilesState) => s.files.map((f) => [f.fileName, f.flag]);

describe('team files', () => {
  it('keeps good files, lists invalid ones with the reason', () => {
    const s = load(
      ['alex.json', teamDoc(weeks(3), { alias: 'Alex' })],
      ['broken.json', '{"format":"creative-ratio-team"'],
      ['b.json', teamDoc(weeks(6))],
      ['notes.txt', 'hello'],
    );
    expect(s.files.map((f) => [f.fileName, f.name, f.flag])).toEqual([
      ['alex.json', 'Alex', null],
      ['b.json', 'b', null],
    ]);
    expect(s.rejected.map((r) => [r.fileName, r.reason])).toEqual([
      ['broken.json', 'This is not a team export: it is not valid JSON.'],
      ['notes.txt', 'This is not a team export: it is not valid JSON.'],
    ]);
    expect(teamPeople(s)).toHaveLength(2);
  });

  it('checks dates against the clock it is given (a year ahead at most)', () => {
    const s = addTeamFile(
      EMPTY_TEAM_FILES,
      'x',
      'future.json',
      serializeTeamExport(teamDoc(weeks(3, ['2027-03-15']), { exportedAt: '2027-03-30' })),
      NOW,
    );
    expect(s.rejected[0]!.reason).toMatch(
      /"exportedAt" must be a date from 2000-01-01 to a year from today \(2026-04-03\)/,
    );
  });

  describe('duplicates are flagged and never counted twice', () => {
    const base = teamDoc(weeks(3), { alias: 'Alex' });
    const variants: Array<[string, TeamExport | string, RegExp]> = [
      ['the same file again', base, /A copy of the export in “alex\.json”/],
      [
        'a copy re-indented under another file name',
        JSON.stringify(JSON.parse(serializeTeamExport(base))),
        /A copy of the export/,
      ],
      [
        'the same data, re-exported without the name',
        teamDoc(weeks(3)),
        /Same data as “alex\.json” \(another name or export date\)/,
      ],
      [
        'the same data under another name and date',
        teamDoc(weeks(3), { alias: 'Jordan', exportedAt: '2025-04-01' }),
        /Same data as “alex\.json”/,
      ],
      [
        'the same data with not-work time and active days shared',
        teamDoc(
          weeks(3).map((w) => ({
            ...w,
            neutralMs: 3_600_000,
            byKind: { ...w.byKind, personal: 3_600_000 },
            activeDays: 4,
          })),
        ),
        /Same data as/,
      ],
      [
        'overlapping weeks of one person (one identical week, one new)',
        teamDoc(
          weeks(3, ['2025-03-24', '2025-03-31']).map((w, i) => (i === 0 ? weeks(3)[1]! : w)),
          { exportedAt: '2025-04-07' },
        ),
        /Shares an identical week with “alex\.json”/,
      ],
    ];
    it.each(variants)('%s', (_name, doc, flag) => {
      const s = load(['alex.json', base], ['other.json', doc]);
      expect(s.files[1]!.flag).toMatch(flag);
      expect(s.files[1]!.person).toBe(s.files[0]!.id);
      expect(teamPeople(s)).toHaveLength(1);
    });

    it('a later identical week counts once; new weeks are added to that person', () => {
      const later = teamDoc([weeks(3)[1]!, teamWeek('2025-03-31', { writing: 9, meetings: 1 })], {
        exportedAt: '2025-04-08',
      });
      const s = addTeamFile(
        load(['alex.json', base]),
        'x',
        'later.json',
        serializeTeamExport(later),
        NOW + 7 * 86_400_000,
      );
      const [p] = teamPeople(s);
      expect(p!.weeks.map((w) => w.weekStart)).toEqual(['2025-03-17', '2025-03-24', '2025-03-31']);
    });

    it('different people with the same small or empty week are not taken for one person', () => {
      const tiny = () => teamDoc([teamWeek('2025-03-24', { writing: 0.5 })]);
      const s = load(['a.json', tiny()], ['b.json', tiny()]);
      expect(flags(s)).toEqual([
        ['a.json', null],
        ['b.json', null],
      ]);
    });

    it('duplicates cannot defeat the minimum group size: 4 people in 8 files stay 4', () => {
      const docs = [1, 2, 3, 4].map((h) => teamDoc(weeks(h * 2)));
      const s = load(
        ...docs.map((d, i) => [`p${i}.json`, d] as [string, TeamExport]),
        ...docs.map(
          (d, i) =>
            [`p${i}-renamed.json`, { ...d, exportId: teamDoc([]).exportId, alias: 'x' }] as [string, TeamExport],
        ),
      );
      expect(s.files).toHaveLength(8);
      expect(teamPeople(s)).toHaveLength(4);
      expect(buildTeamView(teamPeople(s)).stats).toBeNull();
    });
  });

  describe('look-alike names', () => {
    it.each([
      ['zero-width space', 'Al\u200bex'],
      ['right-to-left override', '\u202eAlex'],
      ['bidi isolate', '\u2066Alex\u2069'],
      ['word joiner and soft hyphen', 'Al\u2060e\u00adx'],
      ['letter case', 'ALEX'],
      ['full-width letters', 'Ａｌｅｘ'],
    ])('%s: flagged as the same person', (_what, alias) => {
      const s = load(['alex.json', teamDoc(weeks(3), { alias: 'Alex' })], ['other.json', teamDoc(weeks(7), { alias })]);
      expect(s.files[1]!.flag).toMatch(/looks the same as “alex\.json”'s/);
      expect(s.files[1]!.name).not.toMatch(/[\p{Cf}]/u);
      expect(teamPeople(s)).toHaveLength(1);
    });

    it('the same alias twice is one person (the message says what to do if it is not)', () => {
      const s = load(
        ['a.json', teamDoc(weeks(3), { alias: 'Alex' })],
        ['b.json', teamDoc(weeks(7), { alias: 'Alex' })],
      );
      expect(s.files[1]!.flag).toMatch(/same name as “a\.json”.*export again without a name/);
    });

    it('file names that differ only by invisible characters too; identical unnamed file names from older versions are told apart by data', () => {
      const s = load(['team.json', teamDoc(weeks(3))], ['te\u200bam.json', teamDoc(weeks(7))]);
      expect(s.files[1]!.flag).toMatch(/looks the same/);
      expect(s.files[1]!.name).toBe('team');
      const old = load(
        ['creative-ratio-team-me-2025-04-02.json', teamDoc(weeks(3))],
        ['creative-ratio-team-me-2025-04-02.json', teamDoc(weeks(7))],
      );
      expect(flags(old).map(([, f]) => f)).toEqual([null, null]);
    });

    it('nameKey folds what looks alike', () => {
      expect(nameKey('\u202eAl\u200bex ')).toBe(nameKey('alex'));
      expect(nameKey('Alex')).not.toBe(nameKey('Alexa'));
    });
  });

  it('removing a file checks the rest again (a flag never points at a file that is gone)', () => {
    let s = load(['a.json', teamDoc(weeks(3))], ['b.json', teamDoc(weeks(3))], ['c.json', teamDoc(weeks(5))]);
    expect(flags(s)[1]![1]).toMatch(/Same data as “a\.json”/);
    s = removeTeamFile(s, s.files[0]!.id, NOW);
    expect(flags(s)).toEqual([
      ['b.json', null],
      ['c.json', null],
    ]);
  });

  it('refuses files over 1 MB before reading them', () => {
    expect(checkTeamFileSize(1_000)).toBeNull();
    expect(checkTeamFileSize(2_500_000)).toMatch(/too large \(2\.5 MB/);
    const s = rejectTeamFile(EMPTY_TEAM_FILES, 'x', 'huge.json', checkTeamFileSize(2_500_000)!);
    expect(s.rejected).toHaveLength(1);
    expect(removeTeamFile(s, 'x', NOW).rejected).toHaveLength(0);
  });

  it('keeps only the validated files and validates them again when restoring', () => {
    const s = load(
      ['a.json', teamDoc(weeks(1), { alias: 'Alex' })],
      ['b.json', teamDoc(weeks(2))],
      ['a2.json', teamDoc(weeks(1))],
    );
    const kept = serializeKept(s);
    const back = restoreKept(kept, id, NOW);
    expect(back.files.map((f) => [f.fileName, f.name, f.flag, f.export])).toEqual(
      s.files.map((f) => [f.fileName, f.name, f.flag, f.export]),
    );
    // Tampered storage: the bad entry is dropped, the rest survives.
    const tampered = JSON.parse(kept) as { files: Array<{ text: string }> };
    tampered.files[0]!.text = tampered.files[0]!.text.replace('"version": 2', '"version": 9');
    expect(restoreKept(JSON.stringify(tampered), id, NOW).files.map((f) => f.name)).toEqual(['b', 'a2']);
    for (const junk of [
      null,
      '',
      'nope',
      '{"files":3}',
      '{"files":[null,1,{"fileName":2}]}',
      '{"__proto__":{"files":[]}}',
    ]) {
      expect(restoreKept(junk, id, NOW)).toEqual(EMPTY_TEAM_FILES);
    }
  });
});

describe('the synthetic team (screenshots, demo, e2e)', () => {
  it('is valid, distinct people, all counted, with team figures', async () => {
    const { demoTeamFiles } = await import('@/lib/export/team-demo');
    const files = demoTeamFiles(NOW, { count: 7, aliases: ['Priya', 'Sam'] });
    const s = files.reduce((st, f) => addTeamFile(st, id(), f.fileName, f.text, NOW), EMPTY_TEAM_FILES);
    expect(s.rejected).toEqual([]);
    expect(s.files.map((f) => f.flag)).toEqual(Array(7).fill(null));
    expect(new Set(files.map((f) => f.fileName)).size).toBe(7);
    const view = buildTeamView(teamPeople(s));
    expect(view.stats!.shares).toHaveLength(7);
    expect(view.stats!.weeks.every((w) => w.share !== null)).toBe(true);
    // Deterministic.
    expect(demoTeamFiles(NOW, { count: 7, aliases: ['Priya', 'Sam'] })).toEqual(files);
  });
});
