import { useRef, useState } from 'react';
import type { Formatters } from '@/components/hooks';
import { INSIGHT_SPANS, InsightsSection } from '@/components/InsightsSection';
import { useInsightsData } from '@/components/data/insights';
import type { WeekData } from '@/components/data/week-data';
import { useNearViewport } from '@/components/use-near-viewport';
import type { ReportClassifier } from '@/lib/report';
import type { Settings, WeekDay } from '@/lib/settings';

export interface InsightsProps {
  data: WeekData;
  weekStartsOn: WeekDay;
  settings: Settings;
  classifier: ReportClassifier;
  now: number;
  current: boolean;
  fmt: Formatters;
}

/** The dashboard's patterns over the last weeks: read once the section comes near the viewport. */
export function Insights({ data, weekStartsOn, settings, classifier, now, current, fmt }: InsightsProps) {
  const ref = useRef<HTMLDivElement | null>(null);
  const near = useNearViewport(ref);
  const [span, setSpan] = useState<number>(INSIGHT_SPANS[0]);
  const insights = useInsightsData(near, data, span, weekStartsOn, settings, classifier, now);
  return (
    <InsightsSection
      insights={insights}
      near={near}
      sectionRef={ref}
      span={span}
      onSpan={setSpan}
      weekStartsOn={weekStartsOn}
      settings={settings}
      current={current}
      fmt={fmt}
    />
  );
}
