/**
 * One source for colours (issue #13): every colour is a custom property of the base stylesheet
 * (components/styles.css, light and dark), or a class colour from CLASS_META (lib/classify/kinds.ts,
 * set on the page root by components/class-colors.ts). No other stylesheet and no component writes a
 * colour literal, and every var() a stylesheet uses is defined somewhere.
 */
import { describe, expect, it } from 'vitest';
import { CLASS_IDS, CLASS_META } from '@/lib/classify/kinds';
import { classColorProperties } from '@/lib/ui/class-colors';
import { BASE, read, sourceFiles, stylesheets, withoutComments } from './stylesheets';

/** Colour literals: hex, the colour functions, and CSS named colours (`transparent` and `currentColor` are not colours of ours). */
const NAMED =
  'black|white|red|green|blue|gray|grey|silver|maroon|purple|fuchsia|lime|olive|yellow|navy|teal|aqua|orange|pink|brown|gold|indigo|violet';
const LITERAL = new RegExp(`#[0-9a-f]{3,8}\\b|\\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\\(|\\b(?:${NAMED})\\b`, 'i');

/** `property: value` declarations of a stylesheet (comments removed), with the line they start on. */
function declarations(css: string): Array<{ prop: string; value: string }> {
  const out: Array<{ prop: string; value: string }> = [];
  for (const m of withoutComments(css).matchAll(/([\w-]+)\s*:\s*([^;{}]+);/g))
    out.push({ prop: m[1]!, value: m[2]!.trim() });
  return out;
}

/** The base's token blocks: `:root { … }` (light, and dark inside its media query) and `::backdrop { … }` (a dialog's backdrop inherits nothing in Chrome 121). */
function tokenBlocks(css: string): string[] {
  return [...withoutComments(css).matchAll(/(?::root|(?:^|[\s,}])::backdrop)\s*\{([^}]*)\}/g)].map((m) => m[1]!);
}

describe('one source for colours', () => {
  const base = read(BASE);

  it('the tokens: light and dark :root blocks in the base, nowhere else', () => {
    expect(tokenBlocks(base)).toHaveLength(3);
    expect([...withoutComments(base).matchAll(/:root\s*\{/g)]).toHaveLength(2);
    for (const file of stylesheets().filter((f) => f !== BASE))
      expect(withoutComments(read(file)), file).not.toMatch(/:root\b|(?:^|[\s,}])::backdrop\s*\{/);
  });

  it('the detector finds the literals it is meant to find (and not property names like white-space)', () => {
    for (const v of [
      '#fff',
      '#C2410C',
      'rgb(0 0 0 / 0.1)',
      'rgba(0,0,0,.1)',
      'hsl(10 20% 30%)',
      'black',
      'color-mix(in srgb, red 5%, x)',
    ])
      expect(v).toMatch(LITERAL);
    for (const v of [
      'var(--text)',
      'transparent',
      'currentColor',
      'color-mix(in srgb, var(--bg) 88%, transparent)',
      'nowrap',
    ])
      expect(v).not.toMatch(LITERAL);
    expect(declarations('.a { white-space: nowrap; color: white; }').filter((d) => LITERAL.test(d.value))).toEqual([
      { prop: 'color', value: 'white' },
    ]);
  });

  it('no stylesheet writes a colour outside the base tokens', () => {
    const found: string[] = [];
    for (const file of stylesheets()) {
      let css = read(file);
      if (file === BASE) for (const block of tokenBlocks(css)) css = withoutComments(css).replace(block, '');
      for (const d of declarations(css)) if (LITERAL.test(d.value)) found.push(`${file}: ${d.prop}: ${d.value}`);
    }
    expect(found).toEqual([]);
  });

  it('no component or page writes a colour literal (inline styles and chart options read the tokens)', () => {
    const found: string[] = [];
    for (const file of sourceFiles(['components', 'entrypoints'], ['.ts', '.tsx'])) {
      const text = read(file);
      for (const m of text.matchAll(/(['"`])((?:(?!\1).)*)\1/g)) {
        // cssVar's fallback for a token missing in a test DOM is the one literal allowed: `cssVar(name, fallback)`.
        if (LITERAL.test(m[2]!) && /#[0-9a-f]{3,8}|\(/i.test(m[2]!) && !/cssVar\([^)]*$/.test(text.slice(0, m.index)))
          found.push(`${file}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the class colours are CLASS_META’s, written nowhere in CSS', () => {
    const all = stylesheets().map(read).join('\n').toLowerCase();
    for (const c of CLASS_IDS)
      for (const color of [CLASS_META[c].color, CLASS_META[c].colorDark])
        expect(all).not.toContain(color.toLowerCase());
  });

  it('every var() a stylesheet uses is defined: a token, a class colour, or a property a component sets', () => {
    const defined = new Set(classColorProperties().map(([name]) => name));
    for (const file of stylesheets())
      for (const m of withoutComments(read(file)).matchAll(/(--[\w-]+)\s*:/g)) defined.add(m[1]!);
    for (const file of sourceFiles(['components', 'entrypoints', 'lib'], ['.ts', '.tsx']))
      for (const m of read(file).matchAll(/['"`](--[\w-]+)['"`]/g)) defined.add(m[1]!);
    const missing: string[] = [];
    for (const file of stylesheets())
      for (const m of withoutComments(read(file)).matchAll(/var\((--[\w-]+)/g))
        if (!defined.has(m[1]!)) missing.push(`${file}: ${m[1]}`);
    expect(missing).toEqual([]);
  });
});
