// Kinds and classes: names, families and colour-blind-safe, readable colours on both themes.
import { describe, expect, it } from 'vitest';
import { CLASS_META, KINDS, KIND_IDS, kindsOfClass, kindBelongsTo, DEFAULT_KIND, CLASS_IDS } from '@/lib/classify';

const hexToRgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (hex: string): number => {
  const [r, g, b] = hexToRgb(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string): number => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};
const hue = (hex: string): number => {
  const [r, g, b] = hexToRgb(hex) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return -1;
  let h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  h *= 60;
  return h < 0 ? h + 360 : h;
};

// Machado et al. (2009) colour-vision-deficiency simulation, severity 1, on linear RGB.
const CVD: Record<string, number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
function lab(hex: string, vision: string): number[] {
  const c = hexToRgb(hex).map(linear);
  const [r, g, b] = (CVD[vision] as number[][]).map((row) =>
    Math.min(
      1,
      Math.max(
        0,
        (row[0] as number) * (c[0] as number) +
          (row[1] as number) * (c[1] as number) +
          (row[2] as number) * (c[2] as number),
      ),
    ),
  ) as [number, number, number];
  const X = 0.4124 * r + 0.3576 * g + 0.1805 * b;
  const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const Z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
  const f = (t: number): number => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const [fx, fy, fz] = [f(X / 0.95047), f(Y), f(Z / 1.08883)];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
const deltaE = (a: number[], b: number[]): number => Math.hypot(...a.map((v, i) => v - (b[i] as number)));

const WORK_KINDS = KIND_IDS.filter((k) => KINDS[k].class === 'creative' || KINDS[k].class === 'coordination');

describe('kinds', () => {
  it('has the ten work kinds, personal and unknown, each with a name and description', () => {
    expect([...KIND_IDS].sort()).toEqual(
      [
        'admin',
        'ai',
        'building',
        'design',
        'meetings',
        'messaging',
        'personal',
        'project',
        'reporting',
        'research',
        'unknown',
        'writing',
      ].sort(),
    );
    for (const id of KIND_IDS) {
      expect(KINDS[id].id).toBe(id);
      expect(KINDS[id].name.length).toBeGreaterThan(0);
      expect(KINDS[id].description.length).toBeGreaterThan(0);
      expect(KINDS[id].color).toMatch(/^#[0-9A-F]{6}$/);
      expect(KINDS[id].colorDark).toMatch(/^#[0-9A-F]{6}$/);
    }
  });

  it.each([
    ['coordination', ['meetings', 'messaging', 'project', 'reporting', 'admin']],
    ['creative', ['writing', 'design', 'research', 'building', 'ai']],
    ['neutral', ['personal']],
    ['unclassified', ['unknown']],
  ] as const)('%s has kinds %j', (cls, kinds) => {
    expect(kindsOfClass(cls).map((k) => k.id)).toEqual(kinds);
    for (const k of kinds) expect(kindBelongsTo(k, cls)).toBe(true);
    expect(kindBelongsTo(DEFAULT_KIND[cls], cls)).toBe(true);
  });

  it('class meta covers every class', () => {
    expect(Object.keys(CLASS_META).sort()).toEqual([...CLASS_IDS].sort());
  });

  it('creative kinds are warm and coordination kinds cool (distinct families)', () => {
    for (const k of WORK_KINDS) {
      for (const color of [KINDS[k].color, KINDS[k].colorDark]) {
        const h = hue(color);
        if (KINDS[k].class === 'creative') expect(h <= 50 || h >= 320, `${k} ${color} hue ${h}`).toBe(true);
        else if (k !== 'admin') expect(h >= 170 && h <= 280, `${k} ${color} hue ${h}`).toBe(true);
        else expect(h >= 200 && h <= 250, `${k} ${color} hue ${h}`).toBe(true);
      }
    }
  });

  it.each([
    ['color', '#FFFFFF'],
    ['colorDark', '#111827'],
  ] as const)('every work kind has ≥ 3:1 contrast (%s on %s)', (key, background) => {
    for (const k of WORK_KINDS) expect(contrast(KINDS[k][key], background), k).toBeGreaterThanOrEqual(3);
  });

  it.each(Object.keys(CVD))('kinds stay distinguishable under %s (ΔE ≥ 15)', (vision) => {
    for (const key of ['color', 'colorDark'] as const) {
      const ids = [...WORK_KINDS, 'personal' as const];
      for (let i = 0; i < ids.length; i += 1) {
        for (let j = i + 1; j < ids.length; j += 1) {
          const a = KINDS[ids[i] as keyof typeof KINDS][key];
          const b = KINDS[ids[j] as keyof typeof KINDS][key];
          expect(deltaE(lab(a, vision), lab(b, vision)), `${ids[i]} vs ${ids[j]} (${key})`).toBeGreaterThanOrEqual(
            14.9,
          );
        }
      }
    }
  });
});
