// The catalog's own integrity: size, ids, normalised hosts, no conflicting entries, every host reachable.
import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_CATEGORIES, KINDS, createClassifier } from '@/lib/classify';
import { compileCatalog } from '@/lib/classify/compile-catalog';
import { checkHostPattern } from '@/lib/classify/validate-rule';
import { splitHostPath } from '@/lib/classify/host-pattern';
import { pathShape } from '@/lib/url/normalize';

const classifier = createClassifier([]);

describe('catalog integrity', () => {
  it('has at least 150 tools, in every category', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(150);
    for (const category of CATALOG_CATEGORIES) expect(category.tools.length).toBeGreaterThan(0);
  });

  it('has unique ids and names', () => {
    const ids = CATALOG.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    const names = CATALOG.map((t) => t.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('every kind belongs to its class, also in areas', () => {
    for (const t of CATALOG) {
      expect(KINDS[t.kind].class, t.id).toBe(t.class);
      for (const area of t.areas ?? []) expect(KINDS[area.kind].class, t.id).toBe(area.class);
    }
  });

  it('declares hosts in normalised form, wildcards as *.domain', () => {
    for (const t of CATALOG) {
      for (const host of t.hosts ?? []) {
        expect(checkHostPattern(host, false), `${t.id}: ${host}`).toEqual({ ok: true, value: host });
      }
      for (const w of t.wildcards ?? []) {
        expect(w.startsWith('*.'), `${t.id}: ${w}`).toBe(true);
        expect(checkHostPattern(w, true), `${t.id}: ${w}`).toEqual({ ok: true, value: w });
      }
    }
  });

  it('declares paths as they are stored (lower-case shapes)', () => {
    const all = CATALOG.flatMap((t) =>
      [...(t.paths ?? []), ...(t.areas ?? []).flatMap((a) => a.paths)].map((p) => [t.id, p] as const),
    );
    for (const [id, p] of all) {
      const { host, path } = p.startsWith('/') ? { host: '', path: p } : splitHostPath(p);
      if (host !== '') expect(checkHostPattern(host, true).ok, `${id}: ${p}`).toBe(true);
      expect(path.startsWith('/'), `${id}: ${p}`).toBe(true);
      expect(path, `${id}: ${p}`).toBe(path.toLowerCase());
      // The prefix must survive reduction (an id where `*` is), or it could never match a stored shape.
      expect(pathShape(path.replace(/\*/g, 'x1234567')), `${id}: ${p}`).toBe(path);
    }
  });

  it('has no two entries for the same host pattern and path', () => {
    expect(compileCatalog().conflicts).toEqual([]);
  });

  it('every exact host and wildcard classifies as its own tool', () => {
    for (const t of CATALOG) {
      for (const host of t.hosts ?? []) {
        expect(classifier.classify(host, '').toolId, host).toBe(t.id);
      }
      for (const w of t.wildcards ?? []) {
        const host = `tenant.${w.slice(2)}`;
        expect(classifier.classify(host, '').toolId, host).toBe(t.id);
      }
    }
  });

  it('every path entry classifies as its own tool', () => {
    for (const t of CATALOG) {
      for (const p of t.paths ?? []) {
        const { host, path } = p.startsWith('/') ? { host: 'self-hosted.example', path: p } : splitHostPath(p);
        const h = host.startsWith('*.') ? `tenant.${host.slice(2)}` : host;
        const shape = path.replace(/\*/g, 'x1234567');
        expect(classifier.classify(h, pathShape(shape)).toolId, p).toBe(t.id);
      }
    }
  });

  it('notes every judgement call it documents', () => {
    const noted = CATALOG.filter((t) => t.note).map((t) => t.id);
    for (const id of [
      'google-ads',
      'linkedin',
      'hootsuite',
      'google-search',
      'google-drive',
      'perplexity',
      'loom',
      'figma',
    ]) {
      expect(noted).toContain(id);
    }
  });
});
