// @vitest-environment happy-dom
// One source for the class colours: CLASS_META; the stylesheet only picks light or dark from it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLASS_IDS, CLASS_META } from '@/lib/classify/kinds';
import { classColorProperties } from '@/lib/ui/class-colors';
import { installClassColors } from '@/components/class-colors';

const css = readFileSync('components/styles.css', 'utf8');

describe('class colours', () => {
  it('are CLASS_META’s light and dark colours, as custom properties', () => {
    expect(Object.fromEntries(classColorProperties())).toEqual(
      Object.fromEntries(
        CLASS_IDS.flatMap((c) => [
          [`--${c}-light`, CLASS_META[c].color],
          [`--${c}-dark`, CLASS_META[c].colorDark],
        ]),
      ),
    );
  });

  it('are set on the page root when a page starts', () => {
    const root = document.createElement('html');
    installClassColors(root);
    for (const c of CLASS_IDS) {
      expect(root.style.getPropertyValue(`--${c}-light`).toUpperCase()).toBe(CLASS_META[c].color.toUpperCase());
      expect(root.style.getPropertyValue(`--${c}-dark`).toUpperCase()).toBe(CLASS_META[c].colorDark.toUpperCase());
    }
    // Importing the module did it for this document already.
    expect(document.documentElement.style.getPropertyValue('--creative-light').toUpperCase()).toBe(
      CLASS_META.creative.color.toUpperCase(),
    );
  });

  it('are not written again in the stylesheet: it picks the light or the dark one', () => {
    for (const c of CLASS_IDS) {
      const defs = [...css.matchAll(new RegExp(`--${c}:\\s*([^;]+);`, 'g'))].map((m) => m[1]);
      expect(defs).toEqual([`var(--${c}-light)`, `var(--${c}-dark)`]);
      for (const color of [CLASS_META[c].color, CLASS_META[c].colorDark])
        expect(css.toLowerCase()).not.toContain(color.toLowerCase());
    }
  });
});
