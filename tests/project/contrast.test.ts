/**
 * Colour contrast and label size of the stylesheet (issue #15 §6): every text colour meets WCAG AA
 * (4.5:1) on every background it is drawn on, in light and in dark, and no text is set below 12 px.
 * Reads the custom properties straight from the base stylesheet (components/styles.css, the one place
 * colours are defined) and the font sizes from every stylesheet, so a regression there fails.
 */
import { describe, expect, it } from 'vitest';
import { classColorProperties } from '@/lib/ui/class-colors';
import { BASE, read, stylesheets } from './stylesheets';

const css = read(BASE);

/** The custom properties of the first `:root { … }` after `from` (the light block, or the dark one inside its media query). */
export function rootVars(text: string, from = 0): Record<string, string> {
  const start = text.indexOf(':root', from);
  const open = text.indexOf('{', start);
  const close = text.indexOf('}', open);
  const out: Record<string, string> = {};
  for (const m of text.slice(open + 1, close).matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out[m[1]!] = m[2]!.trim();
  return out;
}

/** `#rgb` / `#rrggbb` → [r, g, b] in 0..255. */
export function hex(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) throw new Error(`not a hex colour: ${color}`);
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG 2.x relative luminance and contrast ratio. */
export function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = hex(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The class colours come from lib/classify/kinds.ts (set on each page's root at start); the stylesheet picks them with var(). */
const classColors = Object.fromEntries(classColorProperties());

/** Follow `var(--x)` references to a colour. */
function resolved(vars: Record<string, string>): Record<string, string> {
  const all = { ...classColors, ...vars };
  const value = (v: string, depth = 0): string => {
    const m = /^var\((--[\w-]+)\)$/.exec(v.trim());
    return m && depth < 10 && all[m[1]!] !== undefined ? value(all[m[1]!]!, depth + 1) : v;
  };
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, value(v)]));
}

const light = resolved(rootVars(css));
const dark = resolved({ ...rootVars(css), ...rootVars(css, css.indexOf('@media (prefers-color-scheme: dark)')) });

/** Text colours and the backgrounds each is drawn on (cards, page, table stripes, chips, banners). */
const SURFACES = ['--bg', '--surface', '--surface-2', '--surface-3'];
const PAIRS: Array<[string, string[]]> = [
  ['--text', SURFACES],
  ['--text-2', SURFACES],
  ['--text-3', SURFACES],
  ['--unclassified-ink', SURFACES],
  ['--accent', ['--bg', '--surface', '--surface-2', '--accent-soft']],
  ['--on-accent', ['--accent']],
  ['--danger', ['--bg', '--surface', '--danger-soft']],
  ['--success', ['--bg', '--surface', '--success-soft']],
  ['--warning', ['--bg', '--surface', '--warning-soft']],
  ['--bench-good', ['--bg', '--surface']],
  ['--bench-typical', ['--bg', '--surface']],
  ['--target', ['--bg', '--surface']],
  ['--creative', ['--surface', '--creative-soft']],
  ['--coordination', ['--surface', '--coordination-soft']],
];

describe('contrast of the stylesheet colours (WCAG AA, 4.5:1)', () => {
  it('the contrast formula: black on white is 21:1, a colour on itself 1:1, #767676 on white just passes', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#6b7584', '#6b7584')).toBe(1);
    expect(contrast('#767676', '#fff')).toBeGreaterThan(4.5);
    expect(contrast('#777777', '#fff')).toBeLessThan(4.5);
  });

  it('reads both colour schemes from the stylesheet', () => {
    expect(Object.keys(light).length).toBeGreaterThan(30);
    expect(dark['--bg']).not.toBe(light['--bg']);
  });

  for (const [scheme, vars] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it.each(PAIRS)(`${scheme}: %s on %j`, (fg, bgs) => {
      const low = bgs
        .map((bg) => ({ bg, ratio: Math.round(contrast(vars[fg]!, vars[bg]!) * 100) / 100 }))
        .filter((r) => r.ratio < 4.5);
      expect(low, `${fg} ${vars[fg]}`).toEqual([]);
    });
  }
});

describe('text size', () => {
  it('no font-size below 12 px in any stylesheet', () => {
    const small: string[] = [];
    const files = stylesheets();
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = read(file);
      for (const m of text.matchAll(/font(?:-size)?\s*:[^;]*?(\d+(?:\.\d+)?)px/g))
        if (Number(m[1]) < 12) small.push(`${file}: ${m[0]}`);
    }
    expect(small).toEqual([]);
  });
});
