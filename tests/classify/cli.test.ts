// The CLI: spawned once for --json (the real process, exit code and output), the rest through run().
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatTable, run } from '../../scripts/classify';
import { classifyUrl, createClassifier } from '@/lib/classify';

describe('scripts/classify.ts', () => {
  it('--json prints one array, one object per URL in input order', () => {
    const urls = [
      'https://docs.google.com/document/d/1AbC/edit?x',
      'https://www.figma.com/files/recents',
      'not a url',
      'https://acme.atlassian.net/wiki/spaces/MKT/pages/1/T',
      'chrome://settings',
      'https://unknown.example/x',
    ];
    const r = spawnSync('npx', ['tsx', 'scripts/classify.ts', '--json', ...urls], { encoding: 'utf8' });
    // Exit 0 even with bad URLs.
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        url: urls[0],
        tool: 'Google Docs',
        class: 'creative',
        kind: 'writing',
        rule: 'catalog: Google Docs (docs.google.com/document)',
      },
      { url: urls[1], tool: 'Figma', class: 'coordination', kind: 'admin', rule: 'catalog: Figma (figma.com/files)' },
      { url: urls[2], tool: '', class: 'unclassified', kind: 'unknown', rule: 'none', error: 'Not a valid URL.' },
      {
        url: urls[3],
        tool: 'Confluence',
        class: 'creative',
        kind: 'writing',
        rule: 'catalog: Confluence (*.atlassian.net/wiki)',
      },
      {
        url: urls[4],
        tool: '',
        class: 'unclassified',
        kind: 'unknown',
        rule: 'none',
        error: 'Only http and https pages are tracked.',
      },
      { url: urls[5], tool: 'unknown.example', class: 'unclassified', kind: 'unknown', rule: 'none' },
    ]);
  }, 60_000);

  it('prints usage and exits 2 without URLs (and on unknown options)', async () => {
    const err: string[] = [];
    expect(
      await run(
        [],
        () => {},
        (s) => err.push(s),
      ),
    ).toBe(2);
    expect(err.join('')).toMatch(/^Usage: npm run classify -- \[--json\] \[--rules FILE\] <url>/);
    expect(
      await run(
        ['--nope', 'https://a.com'],
        () => {},
        (s) => err.push(s),
      ),
    ).toBe(2);
    expect(
      await run(
        ['--rules'],
        () => {},
        (s) => err.push(s),
      ),
    ).toBe(2);
    expect(err.join('\n')).toMatch(/--rules needs a file name/);
    const out: string[] = [];
    expect(
      await run(
        ['--help'],
        (s) => out.push(s),
        () => {},
      ),
    ).toBe(0);
    expect(out.join('')).toMatch(/^Usage/);
  });

  it('prints an aligned table and exits 0 even with bad URLs', async () => {
    const out: string[] = [];
    expect(
      await run(
        ['https://meet.google.com/abc-defg-hij', '::bad::'],
        (s) => out.push(s),
        () => {},
      ),
    ).toBe(0);
    const lines = (out[0] as string).split('\n');
    expect(lines[0]).toMatch(/^URL\s+TOOL\s+CLASS\s+KIND\s+RULE$/);
    const toolColumn = (lines[0] as string).indexOf('TOOL');
    expect((lines[2] as string).slice(toolColumn)).toMatch(
      /^Google Meet\s+coordination\s+meetings\s+catalog: Google Meet/,
    );
    expect((lines[3] as string).slice(toolColumn)).toMatch(/^—\s+unclassified\s+unknown\s+error: Not a valid URL\./);
  });

  it('cuts very long URLs in the table', () => {
    const long = `https://docs.google.com/document/d/${'x'.repeat(200)}/edit`;
    const table = formatTable([classifyUrl(long, createClassifier([]))]);
    expect(table.split('\n')[2]).toContain('…');
  });

  describe('--rules FILE', () => {
    const NOW = Date.UTC(2026, 11, 4);
    const file = (rules: unknown[]) =>
      JSON.stringify({ format: 'creative-ratio-rules', version: 1, exportedAt: '2026-12-01T00:00:00.000Z', rules });
    const RULES = [
      {
        match: { type: 'regex', pattern: '^docs\\.google\\.com/document/' },
        class: 'coordination',
        kind: 'reporting',
        order: 1,
        createdAt: NOW,
      },
      {
        match: { type: 'host', host: 'intranet.acme.example' },
        class: 'creative',
        kind: 'writing',
        tool: 'Intranet',
        order: 0,
        createdAt: NOW,
      },
      {
        match: { type: 'regex', pattern: 'a.*b.*a.*b.*a.*b.*a.*b.*a.*b.*a.*b.*c$' },
        class: 'neutral',
        order: 2,
        createdAt: NOW,
      },
    ];
    const runJson = async (argv: string[], files: Record<string, string>) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await run(
        argv,
        (s) => out.push(s),
        (s) => err.push(s),
        {
          now: NOW,
          readFile: (p) =>
            files[p] ??
            (() => {
              throw new Error('ENOENT: no such file');
            })(),
        },
      );
      return { code, out: out.join('\n'), err: err.join('\n') };
    };

    it("classifies with the file's rules over the catalog, labelled as after an import (ids by order)", async () => {
      const r = await runJson(
        [
          '--json',
          '--rules',
          'team.json',
          'https://docs.google.com/document/d/1/edit',
          'intranet.acme.example/x',
          'https://www.figma.com/files/recents',
        ],
        { 'team.json': file(RULES) },
      );
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toEqual([
        {
          url: 'https://docs.google.com/document/d/1/edit',
          tool: 'Google Docs',
          class: 'coordination',
          kind: 'reporting',
          rule: 'rule #2 (regex ^docs\\.google\\.com/document/)',
        },
        {
          url: 'intranet.acme.example/x',
          tool: 'Intranet',
          class: 'creative',
          kind: 'writing',
          rule: 'rule #1 (intranet.acme.example)',
        },
        {
          url: 'https://www.figma.com/files/recents',
          tool: 'Figma',
          class: 'coordination',
          kind: 'admin',
          rule: 'catalog: Figma (figma.com/files)',
        },
      ]);
    });

    it('the issue #11 shape: a long abab… URL under a.*b.*…c$ answers at once', async () => {
      // Path segments of at most 24 characters survive the path shape.
      const ab = 'ab'.repeat(30);
      const seg = 'ab'.repeat(11);
      const started = performance.now();
      const r = await runJson(['--json', '--rules=team.json', `https://${ab}.${ab}.example/${seg}/${seg}/${seg}c`], {
        'team.json': file(RULES),
      });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)[0]).toMatchObject({ class: 'neutral', rule: expect.stringMatching(/^rule #3 /) });
      expect(performance.now() - started).toBeLessThan(2_000);
    });

    it("an invalid file prints the import's errors and exits 1", async () => {
      const bad = file([
        RULES[1],
        { match: { type: 'regex', pattern: '(a)\\1' }, class: 'creative' },
        { match: { type: 'host', host: 'x.com' }, class: 'creative', fromTime: 8.64e15 },
      ]);
      const r = await runJson(['--rules', 'bad.json', 'https://a.com'], { 'bad.json': bad });
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(
        /^Nothing was imported from bad\.json:\n {2}Rule 2 \(pattern "\(a\)\\1"\): Back-references such as \\1 are not supported/,
      );
      expect(r.err).toMatch(
        /\n {2}Rule 3 \(site "x\.com"\): "Only from" must be a date \(epoch milliseconds\), between 2000-01-01 and 2027-12-05\.$/,
      );
    });

    it('a file that is not a rules file, or cannot be read', async () => {
      expect(
        (await runJson(['--rules', 'x.json', 'a.com'], { 'x.json': '{"format":"creative-ratio-backup"}' })).err,
      ).toMatch(/not a Creative Ratio rules file/);
      const missing = await runJson(['--rules', 'missing.json', 'a.com'], {});
      expect(missing.code).toBe(1);
      expect(missing.err).toMatch(/^Could not read missing\.json: ENOENT/);
    });

    it('the real process exits 1 on an invalid file', () => {
      const r = spawnSync('npx', ['tsx', 'scripts/classify.ts', '--rules', 'package.json', 'https://a.com'], {
        encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/Nothing was imported from package\.json/);
    }, 60_000);
  });
});
