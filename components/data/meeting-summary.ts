/**
 * The preview's "Count as creative…" on a recurring series or an organizer: a row's rule is saved
 * like one added in Settings (re-applied to stored meetings and subscriptions), and the preview
 * plans again with it (calendar-import.ts re-plans when the rules change).
 */
import { useCallback, useState } from 'react';
import {
  DEFAULT_MEETING_CLASS_SETTINGS,
  MAX_MEETING_CLASS_RULES,
  type MeetingClassRule,
  type MeetingClassSettings,
} from '@/lib/calendar/meeting-classes';
import { meetingRuleTarget } from '@/components/calendar/MeetingClassRules';
import type { CreativeRatioDB } from '@/lib/db';
import { applyMeetingClasses } from './meeting-classes';
import { useSettings } from './settings';
import { useSaveSettings } from './use-save-settings';

export interface MeetingSummaryRules {
  /** The meeting rules in force (the view marks rows a rule already decides). */
  rules: readonly MeetingClassRule[];
  busy: boolean;
  status: string | null;
  onAdd: (rule: MeetingClassRule) => void;
  onRemove: (rule: MeetingClassRule) => void;
}

const name = (r: MeetingClassRule) =>
  r.match === 'series' ? `“${r.label ?? 'the series'}”` : `meetings organised by ${r.value}`;

/** Null until the settings are read. */
export function useMeetingSummaryRules(db: CreativeRatioDB): MeetingSummaryRules | null {
  const settings = useSettings();
  const { save } = useSaveSettings();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const current: MeetingClassSettings = settings?.meetingClasses ?? DEFAULT_MEETING_CLASS_SETTINGS;

  const apply = useCallback(
    async (next: MeetingClassSettings, done: string) => {
      setBusy(true);
      try {
        const r = await applyMeetingClasses(db, next, (meetingClasses) => save({ meetingClasses }));
        setStatus(r === 'Not saved.' ? 'Not saved.' : done);
      } catch (e) {
        setStatus(`Not applied: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        setBusy(false);
      }
    },
    [db, save],
  );

  if (!settings) return null;
  return {
    rules: current.rules,
    busy,
    status,
    onAdd: (rule) => {
      if (current.rules.length >= MAX_MEETING_CLASS_RULES) {
        setStatus(`At most ${MAX_MEETING_CLASS_RULES} rules: delete one in Settings → Calendar first.`);
        return;
      }
      const rest = current.rules.filter((r) => !(r.match === rule.match && r.value === rule.value));
      void apply(
        { ...current, rules: [rule, ...rest] },
        `Added a rule: ${name(rule)} → ${meetingRuleTarget(rule)}. Undo removes it.`,
      );
    },
    onRemove: (rule) =>
      void apply(
        { ...current, rules: current.rules.filter((r) => r.id !== rule.id) },
        `Removed the rule for ${name(rule)}.`,
      ),
  };
}
