/**
 * The person's classifier, live: rules are read with useLiveQuery, so adding a rule anywhere
 * (popup, dashboard, settings) reclassifies every chart on every open page at once.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { createClassifier } from '@/lib/classify';
import type { Classifier, UserRule } from '@/lib/classify/types';
import { getDb } from '@/lib/db';
import { listRules } from '@/lib/db/rules';
import type { ReportClassifier } from '@/lib/report';
import { useEarlyRead } from './early-data';
import { useStable } from './hooks';
import { timed } from '@/lib/ui/perf';

export interface LiveClassifier {
  rules: UserRule[];
  classifier: Classifier;
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
  return { rules, classifier, report };
}

export function useClassifier(): LiveClassifier | undefined {
  const db = getDb();
  const live = useLiveQuery(() => listRules(db), [db]);
  const early = useEarlyRead();
  // Until the live query answers, the page's early read; the same rules keep the same classifier.
  const rules = useStable(live ?? early?.rules);
  return useMemo(() => (rules ? buildLiveClassifier(rules) : undefined), [rules]);
}
