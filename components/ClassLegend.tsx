import { CLASS_IDS, CLASS_META } from '@/lib/classify/kinds';
import { benchmarkWords, GOOD_DAY, TYPICAL } from '@/lib/report/benchmarks';
import type { ClassName } from '@/lib/model';

export const CLASS_ORDER: readonly ClassName[] = CLASS_IDS;

/** The person-facing names of the four classes ("Not work" for neutral). */
export const CLASS_LABEL: Readonly<Record<ClassName, string>> = {
  creative: CLASS_META.creative.name,
  coordination: CLASS_META.coordination.name,
  neutral: CLASS_META.neutral.name,
  unclassified: CLASS_META.unclassified.name,
};

/** How each class is drawn besides its colour, said in words for the legend. */
export const CLASS_PATTERN: Record<ClassName, string> = {
  creative: 'solid',
  coordination: 'striped',
  neutral: 'dotted',
  unclassified: 'cross-hatched',
};

export function Swatch({ cls }: { cls: ClassName }) {
  return <span className={`swatch fill-${cls}`} aria-hidden="true" />;
}

/** A reference line in the legend: drawn as a line, dashed or dotted, in `color`. */
export interface LegendLine {
  key: string;
  swatch: 'line' | 'dashed' | 'dotted';
  color: string;
  label: string;
}

export interface ClassLegendProps {
  classes?: readonly ClassName[];
  /** Say the pattern in words too ("Coordination (striped)"). */
  withPattern?: boolean;
  extra?: LegendLine[];
}

/** The survey's two levels (50% dashed, 25% dotted) as legend entries, in the survey's words. */
export function surveyLegend(fmt: { share: (v: number) => string }): LegendLine[] {
  return [
    {
      key: 'good',
      swatch: 'dashed',
      color: 'var(--bench-good)',
      label: `${fmt.share(GOOD_DAY)} — ${benchmarkWords('good', fmt.share)}`,
    },
    {
      key: 'typical',
      swatch: 'dotted',
      color: 'var(--bench-typical)',
      label: `${fmt.share(TYPICAL)} — ${benchmarkWords('typical', fmt.share)}`,
    },
  ];
}

/** Legend for class colours and patterns, plus optional reference lines. */
export function ClassLegend({ classes = CLASS_ORDER, withPattern = true, extra = [] }: ClassLegendProps) {
  return (
    <ul className="legend" aria-label="Legend">
      {classes.map((c) => (
        <li key={c}>
          <Swatch cls={c} />
          {CLASS_LABEL[c]}
          {withPattern ? <span className="visually-hidden"> ({CLASS_PATTERN[c]})</span> : null}
        </li>
      ))}
      {extra.map((e) => (
        <li key={e.key} style={{ color: e.color }}>
          <span className={`swatch-line ${e.swatch === 'line' ? '' : e.swatch}`} aria-hidden="true" />
          <span className="legend-label">{e.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** A class (and kind). `guess`: drawn dashed and labelled "guess", for classes guessed from the address. */
export function ClassBadge({
  cls,
  kindName,
  guess,
  title,
}: {
  cls: ClassName;
  kindName?: string;
  guess?: boolean;
  title?: string;
}) {
  return (
    <span className="badge" data-class={cls} data-guess={guess ? 'true' : undefined} title={title}>
      {guess ? <span className="guess-tag">Guess</span> : null}
      <Swatch cls={cls} />
      {CLASS_LABEL[cls]}
      {kindName ? <span className="badge-kind">· {kindName}</span> : null}
    </span>
  );
}
