/**
 * Precision on the long tail (issue #14): right / unclassified / wrong class per expected kind.
 * "Right" is the right class (creative, coordination, or — for pages that are not work — neutral or
 * unclassified); "kind right" also needs the kind. "Wrong" is the other work class, or work for a page
 * that is not work, or not-work for a work page: time silently given the wrong class.
 */
import { classifyUrl, createClassifier } from '@/lib/classify';
import type { Classifier } from '@/lib/classify/types';
import type { LongTailCase } from './fixtures/long-tail-types';

export interface Outcome {
  url: string;
  expected: string;
  got: string;
  verdict: 'right' | 'unclassified' | 'wrong';
  kindRight: boolean;
  guessed: boolean;
}

export interface Tally {
  n: number;
  right: number;
  kindRight: number;
  unclassified: number;
  wrong: number;
  guessed: number;
}

export function judge(cases: readonly LongTailCase[], classifier: Classifier = createClassifier([])): Outcome[] {
  return cases.map(([url, cls, kind]) => {
    const r = classifyUrl(url, classifier);
    const guessed = r.rule.startsWith('guessed from the address');
    const got = `${r.class}/${r.kind}`;
    if (cls === 'not-work') {
      const ok = r.class === 'neutral' || r.class === 'unclassified';
      return { url, expected: 'not work', got, verdict: ok ? 'right' : 'wrong', kindRight: ok, guessed };
    }
    if (r.class === 'unclassified')
      return { url, expected: `${cls}/${kind}`, got, verdict: 'unclassified', kindRight: false, guessed };
    const right = r.class === cls;
    return {
      url,
      expected: `${cls}/${kind}`,
      got,
      verdict: right ? 'right' : 'wrong',
      kindRight: right && r.kind === kind,
      guessed,
    };
  });
}

export function tally(outcomes: readonly Outcome[]): Tally {
  const t: Tally = { n: outcomes.length, right: 0, kindRight: 0, unclassified: 0, wrong: 0, guessed: 0 };
  for (const o of outcomes) {
    t[o.verdict] += 1;
    if (o.kindRight) t.kindRight += 1;
    if (o.guessed) t.guessed += 1;
  }
  return t;
}

/** Tallies by expected kind (`not work` for pages that are not work), plus `all`. */
export function byKind(cases: readonly LongTailCase[], outcomes: readonly Outcome[]): Map<string, Tally> {
  const groups = new Map<string, Outcome[]>();
  outcomes.forEach((o, i) => {
    const c = cases[i] as LongTailCase;
    const key = c[1] === 'not-work' ? 'not work' : c[2];
    groups.set(key, [...(groups.get(key) ?? []), o]);
  });
  const out = new Map<string, Tally>();
  for (const [k, os] of groups) out.set(k, tally(os));
  out.set('all', tally(outcomes));
  return out;
}

const pct = (a: number, n: number): string => (n === 0 ? '–' : `${((100 * a) / n).toFixed(1)} %`);

/** A Markdown table of the tallies (docs/classification.md). */
export function table(rows: Map<string, Tally>): string {
  const lines = [
    '| kind | URLs | right class | right kind | unclassified | wrong class | guessed |',
    '| --- | --: | --: | --: | --: | --: | --: |',
  ];
  for (const [k, t] of rows) {
    lines.push(
      `| ${k} | ${t.n} | ${pct(t.right, t.n)} | ${pct(t.kindRight, t.n)} | ${pct(t.unclassified, t.n)} | ${pct(t.wrong, t.n)} | ${pct(t.guessed, t.n)} |`,
    );
  }
  return lines.join('\n');
}
