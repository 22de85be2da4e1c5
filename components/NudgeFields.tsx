import type { Settings } from '@/lib/settings';
import { WeeklyAlertFields } from './WeeklyAlertFields';

export interface NudgeFieldsProps {
  nudge: Settings['nudge'];
  locale: string;
  /** Asks for the notifications permission from the click that turns it on (lib/browser/notifications.ts). */
  onEnable?: () => Promise<boolean>;
  onChange: (nudge: Settings['nudge']) => void;
}

/** The optional mid-week nudge (lib/report/nudge.ts): on/off, day and hour. Off by default. */
export function NudgeFields({ nudge, locale, onChange, onEnable }: NudgeFieldsProps) {
  return (
    <WeeklyAlertFields
      value={nudge}
      locale={locale}
      onChange={onChange}
      onEnable={onEnable}
      legend="Mid-week nudge"
      checkLabel="Nudge me mid-week when the week falls behind my target"
      dayWord="On"
      help="At most once a week, only on a working day, only when the week has at least half of its “enough data” time and the creative share is 5 points or more below your target. It says how much creative time would reach the target and opens the dashboard."
      testId="nudge"
    />
  );
}
