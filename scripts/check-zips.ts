/**
 * `npm run zip` checks what it made: the Chrome and Firefox packages and the Firefox sources zip,
 * named with the version, each with what a store needs and nothing it must not get (screenshots,
 * tests and their fixtures, build output, dependencies). Exits non-zero with the reasons otherwise.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipEntryNames } from './zip-listing.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const problems: string[] = [];

function check(file: string, must: RegExp[], mustNot: RegExp[]): void {
  const full = path.join(root, '.output', file);
  let names: string[];
  try {
    names = zipEntryNames(readFileSync(full));
  } catch (error) {
    problems.push(`${file}: ${(error as Error).message}`);
    return;
  }
  for (const pattern of must)
    if (!names.some((n) => pattern.test(n))) problems.push(`${file}: nothing matches ${pattern}`);
  for (const pattern of mustNot)
    for (const n of names.filter((n) => pattern.test(n))) problems.push(`${file}: must not contain ${n}`);
  console.log(
    `${file.padEnd(36)} ${String(names.length).padStart(4)} files ${(statSync(full).size / 1024).toFixed(0).padStart(6)} KiB`,
  );
}

const packageMust = [/^manifest\.json$/, /^popup\.html$/, /^dashboard\.html$/, /^options\.html$/, /^icon\/128\.png$/];
const neverShipped = [/(^|\/)node_modules\//, /(^|\/)tests?\//, /\.map$/, /(^|\/)docs\/screenshots\//, /(^|\/)\./];
check(`${name}-${version}-chrome.zip`, [...packageMust, /^background\.js$/], neverShipped);
check(`${name}-${version}-firefox.zip`, [...packageMust, /^background\.js$/], neverShipped);
check(
  `${name}-${version}-sources.zip`,
  [
    /^package\.json$/,
    /^package-lock\.json$/,
    /^wxt\.config\.ts$/,
    /^tsconfig\.json$/,
    /^entrypoints\//,
    /^lib\//,
    /^components\//,
    /^public\//,
    /^README\.md$/,
    /^docs\/store\.md$/,
  ],
  [
    /(^|\/)node_modules\//,
    /^tests\//,
    /^bench\//,
    /^docs\/.*\.png$/,
    /^test-results\//,
    /\.(test|spec)\.tsx?$/,
    /(^|\/)\./,
    /\.zip$/,
  ],
);

if (problems.length > 0) {
  console.error(`check-zips: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `check-zips: the ${version} packages are ready for the Chrome Web Store and addons.mozilla.org (.output/).`,
);
