/**
 * The person's classifier, live: rules are read with useLiveQuery, so adding a rule anywhere
 * (popup, dashboard, settings) reclassifies every chart on every open page at once.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { createClassifier, hasRegexRule, loadedRegexEngine, loadRegexEngine, type SkippedRule } from '@/lib/classify';
import type { Classifier, UserRule } from '@/lib/classify/types';
import { getDb } from '@/lib/db';
import { listRules } from '@/lib/db/rules';
import type { ReportClassifier } from '@/lib/report';
import { useEarlyRead } from './early-data';
import { useStable } from '../hooks';
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
  const boundaries = [...new Set(rules.map((r) => r.fromTime).filter((t): t is number => typeof t === 'number'))].sort((a, b) => a - b);
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

export function useClassifier(): LiveClassifier | undefined {
  const db = getDb();
  const live = useLiveQuery(() => listRules(db), [db]);
  const early = useEarlyRead();
  // Until the live query answers, the page's early read; the same rules keep the same classifier.
  const rules = useStable(live ?? early?.rules);
  const ready = useRegexEngineFor(rules);
  return useMemo(() => (rules && ready ? buildLiveClassifier(rules) : undefined), [rules, ready]);
}
