import { describe, expect, it } from 'vitest';
import { generateDemoSegments } from '@/lib/demo/seed';
import { demoMeetings } from '@/lib/demo/meetings';
import { deriveSegments, storedMeetingClassifier } from '@/lib/calendar/meeting-fingerprints';
import { makeMeetingRule } from '@/lib/calendar/meeting-classes';

describe('demo meetings', () => {
  const now = new Date(2026, 10, 27, 17).getTime();
  const segments = generateDemoSegments({ weeks: 3, now, seed: 5, pace: 'realistic', story: true });
  const calendar = segments.filter((s) => s.source === 'calendar');
  const meetings = demoMeetings(segments);

  it('has one stored meeting per demo calendar segment; deriving them covers exactly the same time', () => {
    expect(calendar.length).toBeGreaterThan(10);
    expect(meetings).toHaveLength(calendar.length);
    const derived = deriveSegments(meetings, 'demo-calendar');
    // Back-to-back demo meetings become one block ("A + B"), as a real import merges them.
    const total = (xs: readonly { start: number; end: number }[]) => xs.reduce((n, s) => n + s.end - s.start, 0);
    expect(total(derived)).toBe(total(calendar));
    for (const c of calendar) expect(derived.some((d) => d.start <= c.start && d.end >= c.end)).toBe(true);
    expect(derived.every((d) => d.importId === 'demo-calendar' && d.source === 'calendar')).toBe(true);
  });

  it('series and organizer rules can re-judge them', () => {
    const byOrganizer = storedMeetingClassifier([
      makeMeetingRule('rule:1', 'organizer', '@northwind-demo.example', 'creative', 'research')!,
    ]);
    expect(meetings.every((m) => byOrganizer(m).override.class === 'creative')).toBe(true);
    const byTitle = storedMeetingClassifier([
      makeMeetingRule('rule:2', 'title', 'content planning', 'creative', 'writing')!,
    ]);
    const hits = meetings.filter((m) => byTitle(m).override.class === 'creative');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((m) => m.title === 'Content planning')).toBe(true);
  });
});
