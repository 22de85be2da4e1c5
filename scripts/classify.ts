/**
 * Classify URLs from the command line exactly as the extension does (createClassifier + classifyUrl):
 * with the built-in catalog, and optionally a rules export file on top — checked by the same import
 * the Settings page runs, so a rules file can be tested before it is shared.
 *
 *   npm run classify -- <url> [url…]                     aligned table: URL, tool, class, kind, rule
 *   npm run classify -- --json <url> [url…]              one JSON array, one object per URL in input order
 *   npm run classify -- --rules rules.json <url> [url…]  the file's rules over the catalog
 *
 * Bad URLs are reported (class "unclassified" with an error) and never make the command fail; an
 * invalid rules file prints the import's errors and exits 1.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  classifyUrl,
  createClassifier,
  loadRegexEngine,
  parseRulesImport,
  type UrlClassification,
  type UserRule,
} from '../lib/classify';

const USAGE = `Usage: npm run classify -- [--json] [--rules FILE] <url> [url…]

Classifies each URL with Creative Ratio's built-in catalog and prints the tool, class, kind and the
rule that matched. URLs may omit https://.

Options:
  --rules FILE  also use the rules of a rules export file (Settings → Classification rules → Export),
                exactly as the extension would after importing it; an invalid file prints why and exits 1
  --json        print one JSON array: [{ "url", "tool", "class", "kind", "rule" (, "error") }, …]
  --help        show this message`;

/** Pad to a display width, cutting long cells with an ellipsis. */
function cell(text: string, width: number): string {
  const t = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return t.padEnd(width);
}

export function formatTable(rows: readonly UrlClassification[]): string {
  const headers = ['URL', 'TOOL', 'CLASS', 'KIND', 'RULE'];
  const cells = rows.map((r) => [
    r.url,
    r.error ? '—' : r.tool,
    r.class,
    r.kind,
    r.error ? `error: ${r.error}` : r.rule,
  ]);
  const limits = [60, 32, 12, 10, 90];
  const widths = headers.map((h, i) =>
    Math.min(limits[i] as number, Math.max(h.length, ...cells.map((c) => (c[i] as string).length))),
  );
  const line = (values: string[]): string =>
    values
      .map((v, i) => (i === values.length - 1 ? v : cell(v, widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export interface RunOptions {
  /** Read a rules file (default: readFileSync as UTF-8). */
  readFile?: (path: string) => string;
  /** "Now" for the import's date checks and rules' "only from" (default Date.now()). */
  now?: number;
}

/** Split the arguments: flags, the rules file, the URLs; or a usage error. */
function parseArgs(
  argv: readonly string[],
): { json: boolean; help: boolean; rules: string | null; urls: string[] } | { error: string } {
  let json = false;
  let help = false;
  let rules: string | null = null;
  const urls: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] as string;
    if (a === '--') continue;
    if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') help = true;
    else if (a === '--rules' || a.startsWith('--rules=')) {
      const file = a === '--rules' ? argv[(i += 1)] : a.slice('--rules='.length);
      if (file === undefined || file === '') return { error: '--rules needs a file name.' };
      rules = file;
    } else if (/^--?[a-z]/i.test(a)) return { error: `Unknown option ${a}` };
    else urls.push(a);
  }
  return { json, help, rules, urls };
}

/** The rules of a rules file as the extension stores them after an import (ids 1…n, orders 0…n-1). */
async function rulesFromFile(path: string, options: RunOptions, err: (s: string) => void): Promise<UserRule[] | null> {
  let text: string;
  try {
    text = (options.readFile ?? ((p: string) => readFileSync(p, 'utf8')))(path);
  } catch (error) {
    err(`Could not read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const engine = await loadRegexEngine();
  const parsed = parseRulesImport(text, { now: options.now, regexEngine: engine });
  if (!parsed.ok) {
    err(`Nothing was imported from ${path}:\n${parsed.errors.map((e) => `  ${e.message}`).join('\n')}`);
    return null;
  }
  return parsed.rules.map((rule, i) => ({ ...rule, id: i + 1 }));
}

export async function run(
  argv: readonly string[],
  out: (s: string) => void,
  err: (s: string) => void,
  options: RunOptions = {},
): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    err(`${args.error}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    out(USAGE);
    return 0;
  }
  if (args.urls.length === 0) {
    err(USAGE);
    return 2;
  }
  let rules: UserRule[] = [];
  if (args.rules !== null) {
    const loaded = await rulesFromFile(args.rules, options, err);
    if (loaded === null) return 1;
    rules = loaded;
  }
  const classifier = createClassifier(rules, {
    regexEngine: rules.length ? await loadRegexEngine() : null,
    ...(options.now !== undefined ? { now: () => options.now as number } : {}),
  });
  const rows = args.urls.map((url) => classifyUrl(url, classifier));
  out(args.json ? JSON.stringify(rows, null, 2) : formatTable(rows));
  return 0;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  process.exitCode = await run(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  );
}
