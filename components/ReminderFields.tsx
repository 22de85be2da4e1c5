import type { Settings } from '@/lib/settings';
import { WeeklyAlertFields } from './WeeklyAlertFields';

export interface ReminderFieldsProps {
  reminder: Settings['reminder'];
  locale: string;
  /** Asks for the notifications permission from the click that turns it on (lib/browser/notifications.ts). */
  onEnable?: () => Promise<boolean>;
  onChange: (reminder: Settings['reminder']) => void;
}

/** The optional weekly review reminder: on/off, day and hour (a system notification). */
export function ReminderFields({ reminder, locale, onChange, onEnable }: ReminderFieldsProps) {
  return (
    <WeeklyAlertFields
      value={reminder}
      locale={locale}
      onChange={onChange}
      onEnable={onEnable}
      legend="Weekly review reminder"
      checkLabel="Remind me to review my week"
      dayWord="Every"
      help="A system notification from your browser. It opens this review; nothing is sent anywhere."
      testId="reminder"
    />
  );
}
