// Guessed time in the report (issue #14): counted in its class, measured apart, listed per site.
import { describe, expect, it } from 'vitest';
import { createClassifier } from '@/lib/classify';
import { buildDayReport, buildWeekReport } from '@/lib/report';
import { weekRange } from '@/lib/time/week';
import { HOUR, focus, local, seg, settings } from './helpers';

describe('guessed time', () => {
  const now = local(2025, 6, 12, 18, 0);
  const base = local(2025, 6, 12, 9, 0);
  const week = weekRange(now, 1).start;
  const classifier = createClassifier([]);
  const segments = [
    focus(base, 0, 60, 'docs.google.com', '/document/d/*/edit'), // catalog: creative
    focus(base, 60, 90, 'tasks.acme-media.com', '/board'), // guess: project (path /board)
    focus(base, 90, 100, 'tasks.acme-media.com', ''), // guess: project (host tasks.)
    focus(base, 100, 130, 'vimeo.com', '/stats'), // catalog tool, path guess: reporting
    focus(base, 130, 150, 'unknown-site.example', '/x'), // not classified
    seg(base, 150, 170, { host: 'chat.acme.example', path: '', override: { class: 'creative' } }), // a guess overridden: firm
  ];

  it('counts guessed time in its class and measures it apart', () => {
    const r = buildWeekReport({ segments, classify: classifier, weekStart: week, now, settings: settings() });
    expect(r.totals.coordination).toBe(70 * 60_000);
    expect(r.totals.creative).toBe(80 * 60_000);
    expect(r.totals.unclassified).toBe(20 * 60_000);
    expect(r.guessedMs).toBe(70 * 60_000);
    const day = r.days.find((d) => d.trackedMs > 0)!;
    expect(day.guessedMs).toBe(70 * 60_000);
    expect(buildDayReport({ segments, classify: classifier, day: base, now, settings: settings() }).guessedMs).toBe(
      70 * 60_000,
    );
  });

  it('lists guessed sites with the guess of their path with most time, apart from the unclassified ones', () => {
    const r = buildWeekReport({ segments, classify: classifier, weekStart: week, now, settings: settings() });
    expect(r.unclassified.map((u) => u.host)).toEqual(['unknown-site.example']);
    expect(r.guessed.map((g) => [g.host, g.path, g.ms / 60_000, g.class, g.kind])).toEqual([
      ['tasks.acme-media.com', '/board', 40, 'coordination', 'project'],
      ['vimeo.com', '/stats', 30, 'coordination', 'reporting'],
    ]);
    expect(r.guessed[0]!.guess.signal).toEqual({ type: 'path', prefix: '/board', word: 'board' });
  });

  it("a person's rule makes guessed time firm", () => {
    const c = createClassifier([
      {
        id: 1,
        order: 0,
        match: { type: 'path', host: 'tasks.acme-media.com', pathPrefix: '/board' },
        class: 'coordination',
        kind: 'project',
        createdAt: 0,
      },
    ]);
    const r = buildWeekReport({ segments, classify: c, weekStart: week, now, settings: settings() });
    expect(r.guessedMs).toBe(40 * 60_000);
    expect(r.totals.coordination).toBe(70 * 60_000);
    expect(HOUR).toBe(60 * 60_000);
  });
});
