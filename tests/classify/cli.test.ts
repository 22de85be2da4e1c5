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
      { url: urls[0], tool: 'Google Docs', class: 'creative', kind: 'writing', rule: 'catalog: Google Docs (docs.google.com/document)' },
      { url: urls[1], tool: 'Figma', class: 'coordination', kind: 'admin', rule: 'catalog: Figma (figma.com/files)' },
      { url: urls[2], tool: '', class: 'unclassified', kind: 'unknown', rule: 'none', error: 'Not a valid URL.' },
      { url: urls[3], tool: 'Confluence', class: 'creative', kind: 'writing', rule: 'catalog: Confluence (*.atlassian.net/wiki)' },
      { url: urls[4], tool: '', class: 'unclassified', kind: 'unknown', rule: 'none', error: 'Only http and https pages are tracked.' },
      { url: urls[5], tool: 'unknown.example', class: 'unclassified', kind: 'unknown', rule: 'none' },
    ]);
  }, 60_000);

  it('prints usage and exits 2 without URLs (and on unknown options)', () => {
    const err: string[] = [];
    expect(run([], () => {}, (s) => err.push(s))).toBe(2);
    expect(err.join('')).toMatch(/^Usage: npm run classify -- \[--json\] <url>/);
    expect(run(['--nope', 'https://a.com'], () => {}, (s) => err.push(s))).toBe(2);
    const out: string[] = [];
    expect(run(['--help'], (s) => out.push(s), () => {})).toBe(0);
    expect(out.join('')).toMatch(/^Usage/);
  });

  it('prints an aligned table and exits 0 even with bad URLs', () => {
    const out: string[] = [];
    expect(run(['https://meet.google.com/abc-defg-hij', '::bad::'], (s) => out.push(s), () => {})).toBe(0);
    const lines = (out[0] as string).split('\n');
    expect(lines[0]).toMatch(/^URL\s+TOOL\s+CLASS\s+KIND\s+RULE$/);
    const toolColumn = (lines[0] as string).indexOf('TOOL');
    expect((lines[2] as string).slice(toolColumn)).toMatch(/^Google Meet\s+coordination\s+meetings\s+catalog: Google Meet/);
    expect((lines[3] as string).slice(toolColumn)).toMatch(/^—\s+unclassified\s+unknown\s+error: Not a valid URL\./);
  });

  it('cuts very long URLs in the table', () => {
    const long = `https://docs.google.com/document/d/${'x'.repeat(200)}/edit`;
    const table = formatTable([classifyUrl(long, createClassifier([]))]);
    expect(table.split('\n')[2]).toContain('…');
  });
});
