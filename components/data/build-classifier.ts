/**
 * The person's classifier, built from their rules — without reading anything: the popup's first
 * paint builds it from the early read before Dexie is loaded; ./classifier.ts keeps it live.
 */
import { useEffect, useState } from 'react';
// Not the '@/lib/classify' index: it also re-exports what only Settings uses (the rules file, the
// rule validator's messages), which would then count as needed by the popup's first paint (wxt.config.ts).
import { createClassifier, type SkippedRule } from '@/lib/classify/classifier';
import { hasRegexRule, loadedRegexEngine, loadRegexEngine } from '@/lib/classify/regex-engine';
import type { Classifier, UserRule } from '@/lib/classify/types';
import type { ReportClassifier } from '@/lib/report/types';
import { timed } from '@/lib/ui/perf';

export interface LiveClassifier {
  rules: UserRule[];
  classifier: Classifier;
  /** Stored rules the classifier cannot use (e.g. a pattern an older version accepted that RE2 cannot run). */
  skipped: readonly SkippedRule[];
  /** The same classifier in the form the report wants (with the instants where rules start to apply). */
  report: ReportClassifier;
}

export function buildLiveClassifier(rules: UserRule[]): LiveClassifier {
  const classifier = timed('cr:classifier', () => createClassifier(rules));
  const boundaries = [...new Set(rules.map((r) => r.fromTime).filter((t): t is number => typeof t === 'number'))].sort(
    (a, b) => a - b,
  );
  const report: ReportClassifier = {
    classify: (host, path, at) => classifier.classify(host, path, at),
    ...(boundaries.length ? { timeBoundaries: boundaries } : {}),
  };
  return { rules, classifier, report, skipped: classifier.skipped };
}

/**
 * True once the rules can be classified: at once without regex rules; with one, after the
 * linear-time engine (re2js, loaded on demand so it never weighs on a page without regex rules) is in.
 */
export function useRegexEngineFor(rules: readonly UserRule[] | undefined): boolean {
  const needed = rules !== undefined && hasRegexRule(rules);
  const [, setLoaded] = useState(false);
  useEffect(() => {
    if (!needed || loadedRegexEngine()) return;
    let live = true;
    void loadRegexEngine().then(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [needed]);
  return !needed || loadedRegexEngine() !== null;
}
