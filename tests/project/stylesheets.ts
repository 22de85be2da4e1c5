/**
 * The project's stylesheets for the style tests: the base (components/styles.css: tokens, reset and
 * shared primitives) and every CSS file next to a component or a page (components/, entrypoints/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const BASE = 'components/styles.css';

/** Repository-relative paths of the files under `dirs` whose names end with one of `exts`, sorted. */
export function sourceFiles(dirs: string[], exts: string[]): string[] {
  return dirs
    .flatMap((dir) =>
      readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((f) => path.posix.join(dir, f)),
    )
    .filter((f) => exts.some((e) => f.endsWith(e)))
    .sort();
}

/** Every stylesheet of the pages, the base first. */
export function stylesheets(): string[] {
  return [BASE, ...sourceFiles(['components', 'entrypoints'], ['.css']).filter((f) => f !== BASE)];
}

export function read(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8');
}

/** The text without comments (kept the same length is not needed: callers only search it). */
export function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}
