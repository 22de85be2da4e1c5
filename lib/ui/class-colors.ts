/**
 * The class colours as CSS custom properties, from CLASS_META (lib/classify/kinds.ts), the one
 * source of the colours: `--creative-light`, `--creative-dark`, … for each class. The stylesheet
 * picks `--creative` from them for the light or dark scheme, as `.kind-color` does for kinds with
 * `--kind-light` / `--kind-dark`. Pure.
 */
import { CLASS_IDS, CLASS_META } from '@/lib/classify/kinds';

export function classColorProperties(): Array<[name: string, value: string]> {
  return CLASS_IDS.flatMap((cls) => [
    [`--${cls}-light`, CLASS_META[cls].color],
    [`--${cls}-dark`, CLASS_META[cls].colorDark],
  ]);
}
