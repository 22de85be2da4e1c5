// The report and the demo data against the real classifier (lib/classify) and its catalog.
import { describe, expect, it } from 'vitest';
import { createClassifier, type UserRule } from '@/lib/classify';
import type { ClassName } from '@/lib/model';
import { DEMO_PAGES, generateDemoSegments } from '@/lib/demo/seed';
import { buildWeekReport, withRuleTimes } from '@/lib/report';
import { previousWeek, weekRange } from '@/lib/time/week';
import { focus, local, settings } from './helpers';

const EXPECTED: Record<keyof typeof DEMO_PAGES, ClassName> = {
  docs: 'creative',
  figma: 'creative',
  canva: 'creative',
  notion: 'creative',
  webflow: 'creative',
  chatgpt: 'creative',
  search: 'creative',
  slack: 'coordination',
  gmail: 'coordination',
  asana: 'coordination',
  jira: 'coordination',
  hubspot: 'coordination',
  ga4: 'coordination',
  looker: 'coordination',
  calendar: 'coordination',
  meet: 'coordination',
  zoom: 'coordination',
  personal: 'neutral',
  unknown: 'unclassified',
};

describe('demo pages under the real catalog', () => {
  const c = createClassifier([]);
  it.each(Object.entries(DEMO_PAGES).flatMap(([k, pages]) => pages.map((p) => [k, p.host, p.path] as const)))(
    '%s: %s%s',
    (key, host, path) => {
      expect(c.classify(host, path, 0).class).toBe(EXPECTED[key as keyof typeof DEMO_PAGES]);
    },
  );
});

describe('week report with the real classifier', () => {
  const now = local(2025, 6, 12, 15, 30);
  const segments = generateDemoSegments({ weeks: 3, now, seed: 5 });
  const weekStart = previousWeek(weekRange(now, 1).start);

  it('gives a plausible week: shares, tools, unknown hosts', () => {
    const r = buildWeekReport({ segments, classify: createClassifier([]), weekStart, now, settings: settings() });
    expect(r.creativeShare).toBeGreaterThan(0.1);
    expect(r.creativeShare).toBeLessThan(0.7);
    expect(r.byTool.map((t) => t.tool)).toEqual(
      expect.arrayContaining(['Slack', 'Google Docs', 'Gmail', 'Meetings (calendar)']),
    );
    const unknownHosts = new Set<string>(DEMO_PAGES.unknown.map((p) => p.host));
    expect(r.unclassified.length).toBeGreaterThan(0);
    expect(r.unclassified.every((u) => unknownHosts.has(u.host))).toBe(true);
  });

  it('a "from today" rule applies only from its start, with or without withRuleTimes', () => {
    const tue = local(2025, 3, 11, 10);
    const wed = local(2025, 3, 12, 10);
    const rules: UserRule[] = [
      {
        id: 1,
        order: 0,
        match: { type: 'host', host: 'app.slack.com' },
        class: 'creative',
        kind: 'writing',
        fromTime: local(2025, 3, 12),
        createdAt: wed,
      },
    ];
    const segs = [focus(tue, 0, 60, 'app.slack.com', '/client/*/*'), focus(wed, 0, 60, 'app.slack.com', '/client/*/*')];
    for (const classify of [withRuleTimes(createClassifier(rules), rules), createClassifier(rules)]) {
      const r = buildWeekReport({
        segments: segs,
        classify,
        weekStart: local(2025, 3, 10),
        now: local(2025, 3, 20),
        settings: settings(),
      });
      expect(r.days[1]!.totals.coordination).toBe(60 * 60_000);
      expect(r.days[2]!.totals.creative).toBe(60 * 60_000);
    }
  });
});
