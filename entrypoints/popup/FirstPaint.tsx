import { useMemo, useState } from 'react';
import { buildLiveClassifier, useRegexEngineFor } from '@/components/data/build-classifier';
import { useEarlyRead } from '@/components/data/early-data';
import { useFormatters } from '@/components/hooks';
import { settingsFromStored } from '@/lib/settings';
import { todayFromEarly, todayView } from '@/lib/ui/today';
import { PopupHead, TodayCard } from './Today';

/**
 * The popup's first paint: today's numbers from the early raw read (started by the boot script,
 * entrypoints/popup-boot.ts), drawn while the rest of the popup — Dexie, the live queries, the
 * current site and the controls — is still loading (main.tsx). The full popup replaces it with the
 * same numbers and keeps them live.
 */
export function FirstPaint() {
  const [now] = useState(() => Date.now());
  const fmt = useFormatters();
  const early = useEarlyRead();
  const settings = useMemo(() => (early ? settingsFromStored(early.settings) : undefined), [early]);
  const ready = useRegexEngineFor(early?.rules);
  const classifier = useMemo(() => (early && ready ? buildLiveClassifier(early.rules) : undefined), [early, ready]);
  const today = useMemo(() => {
    const rows = todayFromEarly(early, now);
    return rows && settings && classifier ? todayView(rows, settings, classifier.report, now) : undefined;
  }, [early, now, settings, classifier]);
  return (
    <main className="popup-main" aria-labelledby="popup-title">
      <PopupHead now={now} fmt={fmt} />
      <TodayCard today={today} settings={settings} fmt={fmt} />
    </main>
  );
}
