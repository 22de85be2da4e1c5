import { useState } from 'react';
import { useSettings } from '@/components/data/settings';
import { useSaveSettings } from '@/components/use-save-settings';
import {
  DEFAULT_MEETING_CLASS_SETTINGS,
  MAX_MEETING_CLASS_RULES,
  type MeetingClassRule,
  type MeetingClassSettings,
} from '@/lib/calendar/meeting-classes';
import type { ImportPlan } from '@/lib/calendar/plan-import';
import { getDb, type CreativeRatioDB } from '@/lib/db';
import { applyMeetingClasses, meetingRuleTarget } from './MeetingClassRules';
import { MeetingSummaryView } from './SeriesTable';

/**
 * The preview's recurring meetings and organizers, wired to the settings: a row's rule is saved
 * like one added in Settings (re-applied to stored meetings and subscriptions), and the preview
 * plans again with it (use-calendar-import.ts re-plans when the rules change).
 */
export function MeetingSummarySection({
  plan,
  planning,
  db,
}: {
  plan: ImportPlan;
  planning: boolean;
  db?: CreativeRatioDB;
}) {
  const settings = useSettings();
  const { save } = useSaveSettings();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  if (!plan.summary || !settings) return null;
  const current: MeetingClassSettings = settings.meetingClasses ?? DEFAULT_MEETING_CLASS_SETTINGS;

  const apply = async (next: MeetingClassSettings, done: string) => {
    setBusy(true);
    try {
      const r = await applyMeetingClasses(db ?? getDb(), next, (meetingClasses) => save({ meetingClasses }));
      setStatus(r === 'Not saved.' ? 'Not saved.' : done);
    } catch (e) {
      setStatus(`Not applied: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const name = (r: MeetingClassRule) =>
    r.match === 'series' ? `“${r.label ?? 'the series'}”` : `meetings organised by ${r.value}`;

  return (
    <MeetingSummaryView
      plan={{ ...plan, summary: plan.summary }}
      rules={current.rules}
      busy={busy || planning}
      status={status}
      onAdd={(rule) => {
        if (current.rules.length >= MAX_MEETING_CLASS_RULES) {
          setStatus(`At most ${MAX_MEETING_CLASS_RULES} rules: delete one in Settings → Calendar first.`);
          return;
        }
        const rest = current.rules.filter((r) => !(r.match === rule.match && r.value === rule.value));
        void apply(
          { ...current, rules: [rule, ...rest] },
          `Added a rule: ${name(rule)} → ${meetingRuleTarget(rule)}. Undo removes it.`,
        );
      }}
      onRemove={(rule) =>
        void apply(
          { ...current, rules: current.rules.filter((r) => r.id !== rule.id) },
          `Removed the rule for ${name(rule)}.`,
        )
      }
    />
  );
}
