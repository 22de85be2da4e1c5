import type { ClassName } from '@/lib/model';
import { barParts } from '@/lib/ui/scale';
import { CLASS_LABEL } from './ClassLegend';

export interface ShareBarProps {
  totals: Record<ClassName, number>;
  formatHours: (ms: number) => string;
  label: string;
}

/** A compact stacked bar of time by class, drawn with CSS only (no charting library). */
export function ShareBar({ totals, formatHours, label }: ShareBarProps) {
  const parts = barParts(totals);
  const summary = parts.map((p) => `${CLASS_LABEL[p.cls]} ${formatHours(p.ms)}`).join(', ');
  return (
    <div className="share-bar" role="img" aria-label={`${label}: ${summary}`} data-testid="share-bar">
      {parts
        .filter((p) => p.fraction > 0)
        .map((p) => (
          <span key={p.cls} className={`fill-${p.cls}`} style={{ width: `${p.fraction * 100}%` }} title={`${CLASS_LABEL[p.cls]}: ${formatHours(p.ms)}`} />
        ))}
    </div>
  );
}
