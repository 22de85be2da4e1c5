/**
 * Classifier speed with the full catalog and 1,000 personal rules.
 *
 *   npx vitest bench --run bench/classify.bench.ts
 *
 * Each task classifies one URL's host + path shape BATCH times, so the per-call time is the task's
 * time ÷ BATCH (timer resolution is too coarse for one sub-microsecond call). "uncached" turns
 * memoisation off, so every call normalises the input, walks the maps, tests the regexes and sorts.
 */
import { bench, describe } from 'vitest';
import { classifyUrl, createClassifier, validateRule } from '@/lib/classify';
import { thousandRules } from './rules-fixture';
import { loadRegexEngine } from '@/lib/classify/regex-engine';
import { CATALOG } from '@/lib/classify/catalog';
import { compileCatalog } from '@/lib/classify/compile-catalog';
import { vendorDomains } from '@/lib/classify/vendor-domains';

// The pages load the regex engine before classifying rules that hold a regex.
await loadRegexEngine();
import { toPageRef } from '@/lib/url/normalize';

export const BATCH = 1_000;

const rules = thousandRules();
const URL_UNDER_TEST = 'https://acme.atlassian.net/wiki/spaces/MKT/pages/123456/Q3+Messaging';
const ref = toPageRef(URL_UNDER_TEST);
if (!ref) throw new Error('bad benchmark URL');
const { host, path } = ref;

const cached = createClassifier(rules);
const uncached = createClassifier(rules, { cacheLimit: 0 });
const at = Date.now();
cached.classify(host, path, at);

describe(`classify one URL (catalog + ${rules.length} rules), ${BATCH} calls per run`, () => {
  bench('cached: classify(host, path)', () => {
    for (let n = 0; n < BATCH; n += 1) cached.classify(host, path, at);
  });

  bench('uncached: classify(host, path) with memoisation off', () => {
    for (let n = 0; n < BATCH; n += 1) uncached.classify(host, path, at);
  });

  bench('uncached: unknown host (no rule matches) with memoisation off', () => {
    for (let n = 0; n < BATCH; n += 1) uncached.classify('intranet.acme.example', '/projects/*/brief', at);
  });

  bench('cached: classifyUrl(url) (includes URL parsing)', () => {
    for (let n = 0; n < BATCH; n += 1) classifyUrl(URL_UNDER_TEST, cached, at);
  });

  bench(
    'validate: validateRule on each of the 1,000 rules (part of the compile)',
    () => {
      for (const r of rules) validateRule(r, { now: 0, regexEngine: null });
    },
    { iterations: 20 },
  );
  bench(
    'compile: createClassifier(1,000 rules)',
    () => {
      createClassifier(rules);
    },
    { iterations: 20 },
  );
});

// What every page and the service worker pay once at start (issue #13). A fresh copy of the catalog
// array each run, so nothing memoised per catalog is reused.
describe(`compile the catalog (${CATALOG.length} tools), once per run`, () => {
  bench(
    'compile: compileCatalog(catalog)',
    () => {
      compileCatalog([...CATALOG]);
    },
    { iterations: 50 },
  );
  bench(
    'compile: compileCatalog(catalog), then every tool compiled (the index read whole)',
    () => {
      void compileCatalog([...CATALOG]).index.exact.size;
    },
    { iterations: 50 },
  );
  bench(
    'compile: vendorDomains(catalog) (part of the compile)',
    () => {
      vendorDomains([...CATALOG]);
    },
    { iterations: 50 },
  );
});
