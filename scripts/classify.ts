/**
 * Classify URLs from the command line with the built-in catalog, exactly as the extension does
 * (createClassifier([]) + classifyUrl).
 *
 *   npm run classify -- <url> [url…]          aligned table: URL, tool, class, kind, rule
 *   npm run classify -- --json <url> [url…]   one JSON array, one object per URL in input order
 *
 * Bad URLs are reported (class "unclassified" with an error) and never make the command fail.
 */
import { pathToFileURL } from 'node:url';
import { classifyUrl, createClassifier, type UrlClassification } from '../lib/classify';

const USAGE = `Usage: npm run classify -- [--json] <url> [url…]

Classifies each URL with Creative Ratio's built-in catalog and prints the tool, class, kind and the
rule that matched. URLs may omit https://.

Options:
  --json    print one JSON array: [{ "url", "tool", "class", "kind", "rule" (, "error") }, …]
  --help    show this message`;

/** Pad to a display width, cutting long cells with an ellipsis. */
function cell(text: string, width: number): string {
  const t = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return t.padEnd(width);
}

export function formatTable(rows: readonly UrlClassification[]): string {
  const headers = ['URL', 'TOOL', 'CLASS', 'KIND', 'RULE'];
  const cells = rows.map((r) => [r.url, r.error ? '—' : r.tool, r.class, r.kind, r.error ? `error: ${r.error}` : r.rule]);
  const limits = [60, 32, 12, 10, 90];
  const widths = headers.map((h, i) => Math.min(limits[i] as number, Math.max(h.length, ...cells.map((c) => (c[i] as string).length))));
  const line = (values: string[]): string =>
    values
      .map((v, i) => (i === values.length - 1 ? v : cell(v, widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const json = argv.includes('--json');
  if (argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return 0;
  }
  const urls = argv.filter((a) => a !== '--json' && a !== '--');
  const unknownFlag = urls.find((a) => /^--?[a-z]/i.test(a));
  if (unknownFlag !== undefined) {
    err(`Unknown option ${unknownFlag}\n\n${USAGE}`);
    return 2;
  }
  if (urls.length === 0) {
    err(USAGE);
    return 2;
  }
  const classifier = createClassifier([]);
  const rows = urls.map((url) => classifyUrl(url, classifier));
  out(json ? JSON.stringify(rows, null, 2) : formatTable(rows));
  return 0;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  process.exitCode = run(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  );
}
