/**
 * Deterministic synthetic weeks of a B2B marketer's time, for `npm run demo`, screenshots,
 * benchmarks and tests. Same options (and time zone) → same segments.
 *
 * The default `realistic` pace is modelled on how marketers describe their weeks: each working day
 * runs from about 9:00 to 18:00 local time with a lunch break and is one of
 * - a **maker day**: one or two protected writing or design blocks of 60–150 min (Docs, Figma,
 *   Canva, Notion, Webflow, with ChatGPT and search on the side), few meetings;
 * - a **mixed day**: two or three meetings, creative stretches of 25–70 min between chat and mail;
 * - a **meeting day**: five to seven meetings (calendar events, Meet and Zoom calls on the `call`
 *   lane, some Slack and Gmail on the side), coordination between them.
 * Visits last minutes, not seconds (3–12 tool switches per active hour, few visits under a minute,
 * a handful of flicks under 5 s), with a little personal browsing, a few unknown hosts and now and
 * then a manual block. How creative a week is drifts between roughly 20 % and 55 %; with `story`
 * (the default) the last full week is a good one near 50 % and the current week a typical,
 * meeting-heavy one near 25 % — the survey's two lines, as the README screenshots show them.
 *
 * The `dense` pace (benchmarks, `generateYear`) keeps visits of seconds: ~3,000 segments a week,
 * the worst case for storage and reports, not a picture of anyone's week.
 *
 * Hosts and path shapes come from sample URLs reduced by lib/url/normalize.ts, so they are
 * exactly what the tracker would store.
 */
import { createRng } from './rng';

/** The demo's seeded generator (lib/demo/rng.ts), also used by its callers and tests. */
export { createRng };
import { addDays, getDay, startOfWeek } from 'date-fns';
import type { PageRef, Segment, SegmentOverride } from '@/lib/model';
import { splitAtMidnights } from '@/lib/time/days';
import { toPageRef } from '@/lib/url/normalize';

export interface DemoOptions {
  /** How many weeks, the last one being the week (Monday first) that contains `now`. */
  weeks: number;
  /** Nothing after this instant is generated. */
  now: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Visit lengths: `realistic` (default, minutes) or `dense` (seconds; benchmarks). */
  pace?: 'realistic' | 'dense';
  /**
   * Default true: the week before the current one is a good week (maker days, near 50 % creative)
   * and the current week a typical one (meeting days, near 25 %). False: every week drifts.
   */
  story?: boolean;
}

/** How long visits last. */
interface Pace {
  /** Main creative tool: mean, min, max ms. */
  main: readonly [number, number, number];
  /** Side creative tool (AI, search): probability after a main visit, mean, min, max ms. */
  side: readonly [number, number, number, number];
  /** Flick (< 5 s) to chat or mail: probability. */
  flick: number;
  /** A real interruption (chat, mail) inside a creative stretch: probability, mean, min, max ms. */
  interrupt: readonly [number, number, number, number];
  /** Coordination visit: mean, min, max ms; reporting tools take `reportFactor` times longer. */
  coordination: readonly [number, number, number];
  reportFactor: number;
  /** A short pause away from the keyboard: probability. */
  pause: number;
}

const PACES: Readonly<Record<'realistic' | 'dense', Pace>> = {
  realistic: {
    main: [13 * 60_000, 3 * 60_000, 45 * 60_000],
    side: [0.22, 2.5 * 60_000, 50_000, 8 * 60_000],
    flick: 0.12,
    interrupt: [0.1, 2.5 * 60_000, 60_000, 6 * 60_000],
    coordination: [5 * 60_000, 70_000, 20 * 60_000],
    reportFactor: 2,
    pause: 0.05,
  },
  dense: {
    main: [45_000, 10_000, 12 * 60_000],
    side: [0.42, 24_000, 6_000, 5 * 60_000],
    flick: 0.18,
    interrupt: [0.12, 35_000, 8_000, 3 * 60_000],
    coordination: [17_000, 4_000, 9 * 60_000],
    reportFactor: 3,
    pause: 0.04,
  },
};

const MIN = 60_000;
const SEC = 1_000;

/**
 * The seed `npm run demo` and `npm run screenshots` use: with it the last full week is 50 % creative
 * and the current week (to Thursday afternoon) 26 % — the survey's two lines (tests/demo/realism.test.ts).
 */
export const DEMO_SEED = 5;

function page(url: string): PageRef {
  const ref = toPageRef(url);
  if (!ref) throw new Error(`Demo URL does not reduce: ${url}`);
  return ref;
}

/** Sample pages of each demo tool (several shapes where the real tool has several). */
export const DEMO_PAGES = {
  docs: [
    page('https://docs.google.com/document/d/1x8Qk3VbN2mLp9RtYz4WcDe7FgHi0JkLmNoPqRsTuVwX/edit'),
    page('https://docs.google.com/presentation/d/1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4/edit'),
  ],
  figma: [
    page('https://www.figma.com/design/Ab3dEf6GhIjK9lMnOp/Website-Refresh-2025'),
    page('https://www.figma.com/board/Zx9yW8vU7tS6rQ/Campaign-Brainstorm'),
  ],
  canva: [page('https://www.canva.com/design/DAGa1b2C3d4/Xy7Zq9Wv8Ut/edit')],
  notion: [page('https://www.notion.so/acme/Q3-Launch-Messaging-Brief-1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d')],
  webflow: [page('https://webflow.com/design/acme-marketing-site')],
  chatgpt: [page('https://chatgpt.com/c/67a1b2c3-d4e5-8f90-a1b2-c3d4e5f6a7b8')],
  search: [page('https://www.google.com/search?q=b2b+positioning+examples')],
  slack: [
    page('https://app.slack.com/client/T01ABCDEF/C02GHIJKL'),
    page('https://app.slack.com/client/T01ABCDEF/D03MNOPQR/thread/C02GHIJKL-1712345678.123456'),
  ],
  gmail: [page('https://mail.google.com/mail/u/0/#inbox')],
  asana: [
    page('https://app.asana.com/0/1204567890123456/list'),
    page('https://app.asana.com/0/1204567890123456/1207654321098765/f'),
  ],
  jira: [
    page('https://acme.atlassian.net/jira/software/projects/MKT/boards/12'),
    page('https://acme.atlassian.net/browse/MKT-482'),
  ],
  hubspot: [
    page('https://app.hubspot.com/reports-dashboard/4412345/view/10234567'),
    page('https://app.hubspot.com/contacts/4412345/objects/0-1/views/all/list'),
  ],
  ga4: [page('https://analytics.google.com/analytics/web/#/p312345678/reports/intelligenthome')],
  looker: [page('https://lookerstudio.google.com/reporting/3f2a1b0c-9d8e-4f7a-b6c5-d4e3f2a1b0c9/page/p_abc123def')],
  calendar: [page('https://calendar.google.com/calendar/u/0/r/week')],
  meet: [page('https://meet.google.com/abc-defg-hij')],
  zoom: [page('https://app.zoom.us/wc/84512345678/join')],
  personal: [
    page('https://www.youtube.com/watch?v=dQw4w9WgXcQ'),
    page('https://www.bbc.com/news/articles/c0k4x9y8z7w6'),
    page('https://www.amazon.com/dp/B0CX12345Z'),
  ],
  unknown: [
    page('https://martechweekly.io/p/the-attribution-trap-2025'),
    page('https://intranet.acme-corp.io/wiki/brand-guidelines'),
    page('https://review.partner-agency.co/proof/88412'),
  ],
} as const satisfies Record<string, readonly PageRef[]>;

type ToolKey = keyof typeof DEMO_PAGES;

const MEETING_LABELS = [
  'Campaign sync',
  'Weekly marketing stand-up',
  'Pipeline review with Sales',
  'Agency check-in',
  'Content planning',
  '1:1 with manager',
  'Product launch readiness',
  'Webinar dry run',
  'Budget review',
  'ABM account planning',
];

const MANUAL_BLOCKS: ReadonlyArray<{ label: string; override: SegmentOverride }> = [
  { label: 'Whiteboard workshop', override: { class: 'creative', kind: 'design' } },
  { label: 'Customer interview notes', override: { class: 'creative', kind: 'research' } },
  { label: 'Print proof review', override: { class: 'coordination', kind: 'project' } },
];

const MEETING_OVERRIDE: SegmentOverride = { class: 'coordination', kind: 'meetings' };

/** Weighted choice. */
function pick<T>(rng: () => number, items: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = rng() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return items[items.length - 1]![0];
}

function oneOf<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

function between(rng: () => number, lo: number, hi: number): number {
  return lo + (hi - lo) * rng();
}

/** Exponential-ish length with a floor and a cap. */
function skewed(rng: () => number, mean: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, -Math.log(1 - rng()) * mean));
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

const CREATIVE_MAIN: ReadonlyArray<readonly [ToolKey, number]> = [
  ['docs', 34],
  ['figma', 20],
  ['canva', 12],
  ['notion', 14],
  ['webflow', 8],
  ['chatgpt', 6],
];
const CREATIVE_SIDE: ReadonlyArray<readonly [ToolKey, number]> = [
  ['chatgpt', 5],
  ['search', 6],
  ['docs', 3],
  ['notion', 2],
  ['figma', 1],
];
const COORDINATION: ReadonlyArray<readonly [ToolKey, number]> = [
  ['slack', 32],
  ['gmail', 22],
  ['asana', 12],
  ['jira', 7],
  ['hubspot', 10],
  ['ga4', 7],
  ['looker', 6],
  ['calendar', 4],
];
const INTERRUPTIONS: ReadonlyArray<readonly [ToolKey, number]> = [
  ['slack', 6],
  ['gmail', 3],
  ['asana', 1],
];

/** Builds the segments of one day; lanes are written in time order so they never overlap themselves. */
class DayWriter {
  readonly out: Segment[] = [];
  private focusEnd = -Infinity;
  /** The tracker writes one segment while the page stays the same. */
  private lastFocus: Segment | null = null;

  constructor(private readonly rng: () => number) {}

  focus(ref: PageRef, start: number, end: number): number {
    const s = Math.max(start, this.focusEnd);
    if (end - s < SEC) return s;
    const last = this.lastFocus;
    if (last && last.end === s && last.host === ref.host && last.path === ref.path) last.end = end;
    else {
      this.lastFocus = { start: s, end, day: '', host: ref.host, path: ref.path, source: 'browser', lane: 'focus' };
      this.out.push(this.lastFocus);
    }
    this.focusEnd = end;
    return end;
  }

  visit(tool: ToolKey, start: number, ms: number, limit: number): number {
    const ref = oneOf(this.rng, DEMO_PAGES[tool]);
    return this.focus(ref, start, Math.min(limit, start + Math.round(ms)));
  }

  add(seg: Omit<Segment, 'day'>): void {
    this.out.push({ ...seg, day: '' });
  }
}

/**
 * A creative stretch on one main tool, with side tools, flicks, short pauses and (unless the block
 * is protected) real interruptions by chat or mail.
 */
function creativeStretch(
  w: DayWriter,
  rng: () => number,
  pace: Pace,
  start: number,
  end: number,
  protectedBlock = false,
): number {
  const main = pick(rng, CREATIVE_MAIN);
  let t = start;
  while (t < end - 20 * SEC) {
    t = w.visit(main, t, skewed(rng, pace.main[0], pace.main[1], pace.main[2]), end);
    const r = rng();
    let p = pace.side[0];
    if (r < p) {
      t = w.visit(pick(rng, CREATIVE_SIDE), t, skewed(rng, pace.side[1], pace.side[2], pace.side[3]), end);
      continue;
    }
    if (r < (p += pace.flick)) {
      t = w.visit(pick(rng, INTERRUPTIONS), t, between(rng, 1.5 * SEC, 4.5 * SEC), end); // a flick
      continue;
    }
    if (!protectedBlock && r < (p += pace.interrupt[0])) {
      t = w.visit(
        pick(rng, INTERRUPTIONS),
        t,
        skewed(rng, pace.interrupt[1], pace.interrupt[2], pace.interrupt[3]),
        end,
      );
      continue;
    }
    if (r < p + pace.pause) t += between(rng, 30 * SEC, 1.8 * MIN); // thinking away from the keyboard
  }
  return t;
}

/** A coordination stretch hopping between chat, mail, project and reporting tools. */
function coordinationStretch(w: DayWriter, rng: () => number, pace: Pace, start: number, end: number): number {
  let t = start;
  let prev: ToolKey | null = null;
  const [mean, lo, hi] = pace.coordination;
  while (t < end - 10 * SEC) {
    let tool = pick(rng, COORDINATION);
    if (tool === prev) tool = pick(rng, COORDINATION);
    prev = tool;
    const factor = tool === 'hubspot' || tool === 'ga4' || tool === 'looker' ? pace.reportFactor : 1;
    t = w.visit(tool, t, skewed(rng, mean * factor, lo, hi * factor), end);
    if (rng() < 0.04) t += between(rng, 30 * SEC, 3 * MIN);
  }
  return t;
}

/** Focus during a meeting: the call tab, and sometimes Slack/Gmail/Docs on the side. */
function meetingFocus(
  w: DayWriter,
  rng: () => number,
  pace: Pace,
  callRef: PageRef | null,
  start: number,
  end: number,
  multitask: number,
): void {
  let t = start;
  const realistic = pace === PACES.realistic;
  while (t < end - 10 * SEC) {
    if (rng() < multitask) {
      const side: ToolKey = pick(rng, [
        ['slack', 6],
        ['gmail', 3],
        ['docs', 1],
      ] as const);
      t = w.visit(
        side,
        t,
        realistic ? skewed(rng, 2.5 * MIN, 40 * SEC, 8 * MIN) : skewed(rng, 45 * SEC, 6 * SEC, 6 * MIN),
        end,
      );
    } else if (callRef) {
      t = w.focus(
        callRef,
        t,
        Math.min(
          end,
          t +
            Math.round(
              realistic ? skewed(rng, 12 * MIN, 3 * MIN, 45 * MIN) : skewed(rng, 2.5 * MIN, 30 * SEC, 20 * MIN),
            ),
        ),
      );
    } else {
      t += skewed(rng, 6 * MIN, 1 * MIN, 25 * MIN); // an in-person meeting: away from the browser
    }
  }
}

type DayType = 'maker' | 'mixed' | 'meetings';
type WeekStory = 'good' | 'typical' | null;

/** What a working day looks like. */
interface DayPlan {
  type: DayType;
  /** Probability that a free stretch is creative. */
  creative: number;
  /** Creative stretch between other things: mean, min, max minutes. */
  creativeLen: readonly [number, number, number];
  /** Coordination stretch: mean, min, max minutes. */
  coordinationLen: readonly [number, number, number];
  /** Meetings: at least, at most. */
  meetings: readonly [number, number];
  /** Protected creative blocks (60–150 min, no meetings, no chat). */
  blocks: number;
  /** Probability of side work during a call. */
  multitask: number;
}

/** The five working days of a week, Monday first. */
function weekDays(rng: () => number, wave: number, story: WeekStory): DayType[] {
  let days: DayType[];
  if (story === 'good') days = ['maker', 'mixed', 'maker', 'mixed', 'mixed'];
  else if (story === 'typical') days = ['meetings', 'mixed', 'meetings', 'mixed', 'meetings'];
  else {
    const makers = Math.round(clamp(wave * 2.6 + between(rng, -0.5, 0.5), 1, 3));
    const heavy = Math.round(clamp((1 - wave) * 2.6 + between(rng, -0.5, 0.5), 0, 5 - makers));
    days = [
      ...Array<DayType>(makers).fill('maker'),
      ...Array<DayType>(heavy).fill('meetings'),
      ...Array<DayType>(5 - makers - heavy).fill('mixed'),
    ];
    for (let i = days.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [days[i], days[j]] = [days[j]!, days[i]!];
    }
  }
  return days;
}

function dayPlan(rng: () => number, type: DayType, multitask: number, storyWeek: boolean): DayPlan {
  switch (type) {
    case 'maker':
      return {
        type,
        creative: 0.7,
        creativeLen: [40, 20, 80],
        coordinationLen: [20, 8, 45],
        meetings: [1, 2],
        blocks: rng() < 0.6 ? 2 : 1,
        multitask,
      };
    case 'mixed':
      return {
        type,
        creative: 0.6,
        creativeLen: [35, 20, 70],
        coordinationLen: [25, 10, 55],
        meetings: [2, 3],
        blocks: storyWeek || rng() < 0.5 ? 1 : 0,
        multitask,
      };
    case 'meetings':
      return {
        type,
        creative: 0.2,
        creativeLen: [25, 12, 45],
        coordinationLen: [30, 10, 60],
        meetings: [5, 7],
        blocks: 0,
        multitask,
      };
  }
}

function at(day: Date, minutes: number): number {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, Math.round(minutes)).getTime();
}

interface Busy {
  start: number;
  end: number;
}

function overlapsAny(list: readonly Busy[], s: number, e: number, pad: number): boolean {
  return list.some((b) => s < b.end + pad && e > b.start - pad);
}

function workingDay(w: DayWriter, rng: () => number, pace: Pace, day: Date, plan: DayPlan, manualToday: boolean): void {
  const dayStart = at(day, 9 * 60 + between(rng, -20, 25));
  const dayEnd = at(day, 17 * 60 + 30 + between(rng, -30, 45));
  const lunchStart = at(day, 12 * 60 + 15 + between(rng, 0, 60));
  const lunch: Busy = { start: lunchStart, end: lunchStart + between(rng, 40, 65) * MIN };
  const busy: Busy[] = [lunch];

  // Protected creative blocks first (the morning one, then one after lunch): meetings go around them.
  const blocks: Busy[] = [];
  for (let i = 0; i < plan.blocks; i++) {
    const s =
      i === 0 ? Math.max(dayStart, at(day, 9 * 60 + 20 + between(rng, 0, 40))) : lunch.end + between(rng, 20, 50) * MIN;
    const limit = i === 0 ? lunch.start - 5 * MIN : dayEnd - 15 * MIN;
    const e = Math.min(limit, s + between(rng, 65, 140) * MIN);
    if (e - s >= 60 * MIN) blocks.push({ start: s, end: e });
  }
  busy.push(...blocks);

  // Meetings on a half-hour grid.
  const meetings: Array<Busy & { calendar: boolean; call: PageRef | null; label: string }> = [];
  const wanted = plan.meetings[0] + Math.floor(rng() * (plan.meetings[1] - plan.meetings[0] + 1));
  for (let tries = 0; meetings.length < wanted && tries < 80; tries++) {
    const slot = at(day, 9 * 60 + 30 + 30 * Math.floor(rng() * 16));
    const len =
      pick(rng, [
        [30, 5],
        [60, 3],
        [25, 1],
        [45, 1],
      ] as const) * MIN;
    if (slot + len > dayEnd || overlapsAny(busy, slot, slot + len, 0)) continue;
    const calendar = rng() < 0.85;
    const call = rng() < 0.75 ? (rng() < 0.7 ? DEMO_PAGES.meet[0] : DEMO_PAGES.zoom[0]) : null;
    const m = { start: slot, end: slot + len, calendar: calendar || !call, call, label: oneOf(rng, MEETING_LABELS) };
    meetings.push(m);
    busy.push(m);
  }

  // Now and then a manual block away from the browser.
  let manual: (Busy & (typeof MANUAL_BLOCKS)[number]) | null = null;
  if (manualToday) {
    const kind = oneOf(rng, MANUAL_BLOCKS);
    for (let tries = 0; tries < 60 && !manual; tries++) {
      const s = at(day, 9 * 60 + 30 + 30 * Math.floor(rng() * 14));
      const e = s + between(rng, 45, 110) * MIN;
      if (e < dayEnd && !overlapsAny(busy, s, e, 15 * MIN)) manual = { start: s, end: e, ...kind };
    }
    if (manual) busy.push(manual);
  }
  busy.sort((a, b) => a.start - b.start);

  let callEnd = -Infinity;
  for (const m of [...meetings].sort((a, b) => a.start - b.start)) {
    if (m.calendar)
      w.add({
        start: m.start,
        end: m.end,
        host: '',
        path: '',
        source: 'calendar',
        lane: 'focus',
        label: m.label,
        override: MEETING_OVERRIDE,
        importId: 'demo-calendar',
      });
    if (m.call) {
      const cs = Math.max(callEnd, m.start + Math.round(between(rng, 0, 3) * MIN));
      const ce = m.end + Math.round(between(rng, -4, 6) * MIN);
      if (ce - cs < MIN) continue;
      callEnd = ce;
      w.add({ start: cs, end: ce, host: m.call.host, path: m.call.path, source: 'browser', lane: 'call' });
    }
  }
  if (manual)
    w.add({
      start: manual.start,
      end: manual.end,
      host: '',
      path: '',
      source: 'manual',
      lane: 'focus',
      label: manual.label,
      override: manual.override,
    });

  // Fill the time between busy stretches; meetings get their own focus pattern.
  // A creative stretch is followed by catching up (chat, mail), and a protected block is preceded
  // by it, so creative blocks stay the length they were planned (60–150 min), as people work.
  let t = dayStart;
  let lastCreative = false;
  const stops = [...busy, { start: dayEnd, end: dayEnd }];
  for (const b of stops) {
    while (t < b.start - 2 * MIN) {
      const beforeBlock = blocks.includes(b) && b.start - t < (plan.creativeLen[2] + 5) * MIN;
      const creative = !lastCreative && !beforeBlock && rng() < plan.creative;
      lastCreative = creative;
      const [mean, lo, hi] = creative ? plan.creativeLen : plan.coordinationLen;
      const len = Math.min(b.start - t, skewed(rng, mean * MIN, lo * MIN, hi * MIN));
      const r = rng();
      if (r < 0.04) t = w.visit('personal', t, between(rng, 2, 9) * MIN, b.start);
      else if (r < 0.08) t = w.visit('unknown', t, between(rng, 1, 8) * MIN, b.start);
      else if (creative) t = creativeStretch(w, rng, pace, t, t + len);
      else t = coordinationStretch(w, rng, pace, t, t + len);
      if (rng() < 0.12) t += between(rng, 6, 15) * MIN; // coffee
    }
    if (b.end <= b.start) break;
    const m = meetings.find((x) => x === b);
    const block = blocks.includes(b);
    if (m) meetingFocus(w, rng, pace, m.call, Math.max(t, m.start), m.end, plan.multitask);
    else if (block) creativeStretch(w, rng, pace, Math.max(t, b.start), b.end, true);
    else if (b === lunch && rng() < 0.5) w.visit('personal', b.start + 5 * MIN, between(rng, 5, 20) * MIN, b.end);
    lastCreative = block || (b === manual && manual.override.class === 'creative');
    t = Math.max(t, b.end);
  }

  // Sometimes a late evening session, occasionally past midnight.
  if (rng() < 0.08) {
    const s = at(day, 22 * 60 + between(rng, 0, 100));
    const e = s + between(rng, 20, 70) * MIN;
    if (rng() < 0.5) creativeStretch(w, rng, pace, s, e);
    else coordinationStretch(w, rng, pace, s, e);
  }
}

function weekendDay(w: DayWriter, rng: () => number, pace: Pace, day: Date): void {
  if (rng() > 0.25) return;
  const s = at(day, 10 * 60 + between(rng, 0, 360));
  const e = s + between(rng, 15, 75) * MIN;
  let t = s;
  while (t < e - 30 * SEC)
    t =
      rng() < 0.5
        ? w.visit('personal', t, between(rng, 3, 15) * MIN, e)
        : coordinationStretch(w, rng, pace, t, Math.min(e, t + 10 * MIN));
}

/**
 * Synthetic segments of `weeks` weeks (Monday first) ending at `now`, sorted by start, split
 * at local midnight, non-overlapping within each lane, nothing after `now`.
 */
export function generateDemoSegments(options: DemoOptions): Segment[] {
  const { weeks, now } = options;
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError('weeks must be a positive integer');
  if (!Number.isFinite(now)) throw new RangeError('now must be an instant (epoch ms)');
  const rng = createRng(options.seed ?? 1);
  const pace = PACES[options.pace ?? 'realistic'];
  const story = options.story ?? true;
  const phase = rng() * 7;
  const first = addDays(startOfWeek(now, { weekStartsOn: 1 }), -7 * (weeks - 1));
  const raw: Segment[] = [];
  for (let wk = 0; wk < weeks; wk++) {
    const wave = 0.5 + 0.5 * Math.sin((2 * Math.PI * (wk + phase)) / 7.3);
    const weekStory: WeekStory = !story ? null : wk === weeks - 1 ? 'typical' : wk === weeks - 2 ? 'good' : null;
    const types = weekDays(rng, wave, weekStory);
    const multitask = between(rng, 0.08, 0.3);
    const manualDay = rng() < 0.45 || weekStory === 'good' ? 1 + Math.floor(rng() * 5) : -1;
    for (let d = 0; d < 7; d++) {
      const day = addDays(first, 7 * wk + d);
      if (day.getTime() > now) break;
      const w = new DayWriter(rng);
      const wd = getDay(day);
      if (wd === 0 || wd === 6) weekendDay(w, rng, pace, day);
      else workingDay(w, rng, pace, day, dayPlan(rng, types[wd - 1]!, multitask, weekStory !== null), wd === manualDay);
      raw.push(...w.out);
    }
  }
  const out: Segment[] = [];
  for (const s of raw) {
    const end = Math.min(s.end, now);
    if (end - s.start < SEC) continue;
    for (const p of splitAtMidnights(s.start, end)) out.push({ ...s, start: p.start, end: p.end, day: p.day });
  }
  out.sort(
    (a, b) =>
      a.start - b.start || (a.lane === b.lane ? 0 : a.lane === 'call' ? -1 : 1) || a.source.localeCompare(b.source),
  );
  return out;
}

/** A year (52 weeks) of dense demo data ending at `now` (~150,000 segments), for benchmarks. */
export function generateYear(options: { now: number; seed?: number }): Segment[] {
  return generateDemoSegments({ weeks: 52, now: options.now, seed: options.seed, pace: 'dense', story: false });
}
