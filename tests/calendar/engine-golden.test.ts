/**
 * The ical.js engine against the hand-written engine it replaced: for every calendar in
 * engine-cases.ts, the same occurrences (event line, start, end, all-day), the same meetings and
 * minutes, the same skip counts and the same file errors as engine-golden.json, which the old
 * engine wrote (`UPDATE_GOLDEN=1 npx vitest run tests/calendar/engine-golden.test.ts` rewrites it
 * — only ever on purpose). TZ=Europe/Berlin (vitest.config.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandEvents } from '@/lib/calendar/expand-events';
import { parseIcs } from '@/lib/calendar/parse-calendar';
import { planImport } from '@/lib/calendar/plan-import';
import { engineCases, type EngineCase } from './engine-cases';
import { options } from './helpers';

const GOLDEN = resolve(process.cwd(), 'tests/calendar/engine-golden.json');

function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 16);
}

/** Long lists (the synthetic calendars) are kept as a count and a SHA-256, short ones as written. */
function list(items: string[]): string[] | { count: number; sha256: string } {
  if (items.length <= 60) return items;
  return { count: items.length, sha256: createHash('sha256').update(items.join('\n')).digest('hex') };
}

function run(c: EngineCase): unknown {
  const parsed = parseIcs(c.text);
  if (!parsed.ok) return { error: parsed.error.message };
  const expanded = expandEvents(parsed.calendar.events, { from: c.from, to: c.to });
  if (!expanded.ok) return { error: expanded.error.message };
  const plan = planImport(parsed.calendar, options({ from: c.from, to: c.to }), expanded);
  if (!plan.ok) return { error: plan.error.message };
  return {
    events: parsed.calendar.events.length,
    eventCount: parsed.calendar.eventCount,
    occurrences: list(
      expanded.occurrences.map((o) => `${o.event.line} ${iso(o.start)}–${iso(o.end)}${o.allDay ? ' all-day' : ''}`),
    ),
    meetings: plan.plan.meetingCount,
    minutes: Math.round(plan.plan.meetingMs / 60_000),
    segments: list(plan.plan.segments.map((s) => `${iso(s.start)}–${iso(s.end)} ${s.label ?? ''}`)),
    skipped: Object.fromEntries(plan.plan.skipped.map((s) => [s.reason, s.count])),
    problemLines: [...new Set(plan.plan.problems.map((p) => p.line))],
  };
}

const cases = engineCases();

if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) {
  writeFileSync(GOLDEN, JSON.stringify(Object.fromEntries(cases.map((c) => [c.name, run(c)])), null, 1) + '\n');
}
const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, unknown>;

describe('ical.js engine = the engine it replaced, on every fixture', () => {
  it('covers every case', () => {
    expect(Object.keys(golden).sort()).toEqual(cases.map((c) => c.name).sort());
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(run(c)).toEqual(golden[c.name]);
  });
});
