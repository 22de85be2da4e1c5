import type { ClassName } from '@/lib/model';
import { CLASS_LABEL } from './ClassLegend';

export const RECLASSIFY_CHOICES: readonly ClassName[] = ['creative', 'coordination', 'neutral'];

export interface ClassifyButtonsProps {
  /** What it is for, e.g. "example.com" — part of each button's accessible name. */
  subject: string;
  current?: ClassName;
  onChoose: (cls: ClassName) => void;
  disabled?: boolean;
  size?: 'sm' | 'md';
  /** Leave out the pattern swatches (narrow places; the words carry the meaning). */
  plain?: boolean;
}

/** One click to say what a site is: creative, coordination or not work. */
export function ClassifyButtons({ subject, current, onChoose, disabled, size = 'sm', plain }: ClassifyButtonsProps) {
  return (
    <div className="row gap-6" role="group" aria-label={`Classify ${subject}`}>
      {RECLASSIFY_CHOICES.map((c) => (
        <button
          key={c}
          type="button"
          className={`btn btn-class-${c} ${size === 'sm' ? 'btn-sm' : ''}`}
          aria-pressed={current === c}
          disabled={disabled}
          aria-label={`${CLASS_LABEL[c]}: count ${subject} as ${CLASS_LABEL[c].toLowerCase()}`}
          title={`Count ${subject} as ${CLASS_LABEL[c].toLowerCase()}`}
          onClick={() => onChoose(c)}
          data-class={c}
        >
          {plain ? null : <span className={`swatch fill-${c}`} aria-hidden="true" />}
          {CLASS_LABEL[c]}
        </button>
      ))}
    </div>
  );
}
