/**
 * The person's classifier, live: rules are read with useLive (live.ts), so adding a rule anywhere
 * (popup, dashboard, settings) reclassifies every chart on every open page at once.
 */
import { useLive } from './live';
import { useMemo } from 'react';
import { getDb } from '@/lib/db';
import { listRules } from '@/lib/db/rules';
import { buildLiveClassifier, useRegexEngineFor, type LiveClassifier } from './build-classifier';
import { useEarlyRead } from './early-data';
import { useStable } from '../hooks';

export function useClassifier(): LiveClassifier | undefined {
  const db = getDb();
  const live = useLive(() => listRules(db), [db]);
  const early = useEarlyRead();
  // Until the live query answers, the page's early read; the same rules keep the same classifier.
  const rules = useStable(live ?? early?.rules);
  const ready = useRegexEngineFor(rules);
  return useMemo(() => (rules && ready ? buildLiveClassifier(rules) : undefined), [rules, ready]);
}
