import { CommitField } from '@/components/CommitField';
import { SettingsSection } from '@/components/SettingsSection';
import { BLOCK_INTERRUPTION_LIMITS, ENOUGH_DATA_LIMITS, type Settings } from '@/lib/settings';
import { BenchmarkSource } from '@/components/BenchmarkSource';
import { parseInterruptionMinutes, parseTargetPercent, parseThresholdHours } from '@/lib/ui/settings-form';
import './TargetSection.css';

/** The target creative share (slider and exact value): on the settings page and the welcome page. */
export function TargetSection({
  settings,
  share,
  save,
}: {
  settings: Settings;
  share: (v: number | null) => string;
  save: (p: Partial<Settings>) => Promise<boolean>;
}) {
  const pct = Math.round(settings.targetShare * 1000) / 10;
  return (
    <SettingsSection
      id="target"
      title="Target creative share"
      description="Shown as a line beside the two survey benchmarks on every chart."
    >
      <div className="row target-row">
        <div className="field target-range-field">
          <label htmlFor="target-range">Target: {share(settings.targetShare)} of classified time is creative</label>
          <input
            id="target-range"
            type="range"
            min={0}
            max={100}
            step={5}
            value={Math.round(pct)}
            onChange={(e) => void save({ targetShare: Number(e.target.value) / 100 })}
            aria-valuetext={share(settings.targetShare)}
          />
        </div>
        <CommitField
          label="Exact value"
          value={String(pct)}
          parse={parseTargetPercent}
          onCommit={(v) => void save({ targetShare: v })}
          suffix="%"
          inputMode="decimal"
          width={80}
          testId="target-percent"
        />
      </div>
      <fieldset>
        <legend>Enough data before comparing</legend>
        <p className="field-help">
          Until a day or a week has this much creative and coordination time, the pages show the time gathered and say
          it is too early to compare, instead of a share that a few minutes could swing.
        </p>
        <div className="row target-row">
          <CommitField
            label="A day needs"
            value={String(settings.enoughData.dayMinutes / 60)}
            parse={(v) => parseThresholdHours(v, ENOUGH_DATA_LIMITS.dayMinutes.max)}
            onCommit={(dayMinutes) => void save({ enoughData: { ...settings.enoughData, dayMinutes } })}
            suffix="hours"
            inputMode="decimal"
            width={70}
            testId="enough-day"
          />
          <CommitField
            label="A week needs"
            value={String(settings.enoughData.weekMinutes / 60)}
            parse={(v) => parseThresholdHours(v, ENOUGH_DATA_LIMITS.weekMinutes.max)}
            onCommit={(weekMinutes) => void save({ enoughData: { ...settings.enoughData, weekMinutes } })}
            suffix="hours"
            inputMode="decimal"
            width={70}
            testId="enough-week"
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Creative blocks</legend>
        <p className="field-help">
          A glance at chat or a quick reply shorter than this, between two stretches of creative work, does not end a
          creative block (0 = every interruption ends it). Used for the blocks on the dashboard, in the weekly review
          and in the team export.
        </p>
        <CommitField
          label="Short interruptions under"
          value={String(settings.blockInterruptionMinutes)}
          parse={(v) => parseInterruptionMinutes(v, BLOCK_INTERRUPTION_LIMITS.min, BLOCK_INTERRUPTION_LIMITS.max)}
          onCommit={(blockInterruptionMinutes) => void save({ blockInterruptionMinutes })}
          suffix="min don't break a block"
          inputMode="decimal"
          width={70}
          testId="block-interruption"
        />
      </fieldset>
      <BenchmarkSource />
    </SettingsSection>
  );
}
