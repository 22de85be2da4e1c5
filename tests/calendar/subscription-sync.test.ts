import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import {
  ALARM_CALENDAR,
  downloadCalendar,
  reconcilePermissions,
  type PermissionsPort,
} from '@/lib/browser/calendar-fetch';
import { planSchedule, refreshSubscription, type CalendarSyncDeps } from '@/lib/browser/calendar-sync';
import { newSubscription, type CalendarSubscription } from '@/lib/calendar/subscription';
import { CreativeRatioDB, deleteAllData } from '@/lib/db';
import { createBackup } from '@/lib/db/backup';
import {
  addSubscription,
  applyRefresh,
  getSubscription,
  listSubscriptions,
  removeSubscription,
} from '@/lib/db/subscriptions';
import { calendar, describeSegment } from './helpers';

// Wednesday 2 April 2025, 12:00 (TZ=Europe/Berlin).
const NOW = new Date(2025, 3, 2, 12).getTime();
const URL_ = 'https://calendar.google.com/calendar/ical/x/private-abc/basic.ics';
let db: CreativeRatioDB;

function sub(patch: Partial<CalendarSubscription> = {}): CalendarSubscription {
  return {
    ...newSubscription({
      id: 'sub-1',
      url: URL_,
      host: 'calendar.google.com',
      name: 'Work',
      importId: 'ics:Work:1',
      createdAt: 1,
      options: { keepTitles: true, meetingWords: ['sync'], countTentative: true, ownerEmail: '' },
    }),
    ...patch,
  };
}

const ev = (uid: string, day: number, hour: number, title = 'Team sync', extra: string[] = []) => [
  `UID:${uid}`,
  `SUMMARY:${title}`,
  `DTSTART:202503${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}0000Z`,
  `DTEND:202503${String(day).padStart(2, '0')}T${String(hour + 1).padStart(2, '0')}0000Z`,
  ...extra,
];

/** A server whose answer the test changes; records every request's headers. */
function server(initial: { status?: number; body?: string; headers?: Record<string, string> }) {
  const state = { ...initial, requests: [] as { url: string; headers: Record<string, string> }[] };
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    state.requests.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) } });
    if (state.status === -1) throw new TypeError('Failed to fetch');
    const etag = state.headers?.etag;
    if (etag && (init?.headers as Record<string, string>)['if-none-match'] === etag)
      return new Response(null, { status: 304 });
    return new Response(state.body ?? '', {
      status: state.status ?? 200,
      headers: { 'content-type': 'text/calendar', ...state.headers },
    });
  }) as typeof fetch;
  return { state, fetch: fetchFn };
}

function permissions(granted: string[]): PermissionsPort & { granted: Set<string> } {
  const set = new Set(granted);
  return {
    granted: set,
    contains: async (p) => p.origins.every((o) => set.has(o)),
    remove: async (p) => {
      for (const o of p.origins) set.delete(o);
      return true;
    },
    getAll: async () => ({ origins: [...set] }),
  };
}

beforeEach(async () => {
  db = new CreativeRatioDB(`sub-${Math.random()}`);
  await db.open();
});

async function stored() {
  return (await db.segments.orderBy('start').toArray()).map(describeSegment);
}

describe('downloadCalendar', () => {
  it('sends validators only when given, without cookies, and reads the validators back', async () => {
    const s = server({
      body: calendar(ev('a', 3, 9)),
      headers: { etag: '"v1"', 'last-modified': 'Mon, 03 Mar 2025 10:00:00 GMT' },
    });
    const first = await downloadCalendar(URL_, { fetch: s.fetch });
    expect(first).toMatchObject({ kind: 'ok', etag: '"v1"', lastModified: 'Mon, 03 Mar 2025 10:00:00 GMT' });
    expect(s.state.requests[0]!.headers['if-none-match']).toBeUndefined();
    expect(await downloadCalendar(URL_, { fetch: s.fetch, etag: '"v1"', lastModified: 'x' })).toEqual({
      kind: 'not-modified',
    });
    expect(s.state.requests[1]!.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'x' });
  });

  it.each([
    [{ status: 404 }, 'not-found'],
    [{ status: 410 }, 'not-found'],
    [{ status: 401 }, 'unauthorized'],
    [{ status: 403 }, 'unauthorized'],
    [{ status: 503 }, 'server'],
    [{ status: -1 }, 'offline'],
    [{ body: '<html>login</html>', headers: { 'content-type': 'text/html; charset=utf-8' } }, 'not-calendar'],
    [{ body: 'x', headers: { 'content-length': String(11 * 1024 * 1024) } }, 'too-large'],
  ] as const)('%j → %s', async (answer, kind) => {
    const s = server(answer);
    expect(await downloadCalendar(URL_, { fetch: s.fetch })).toMatchObject({ kind: 'error', error: kind });
  });

  it('stops reading once the size limit is passed, even without a length header', async () => {
    const s = server({ body: 'BEGIN:VCALENDAR\r\n' + 'X'.repeat(5000) });
    expect(await downloadCalendar(URL_, { fetch: s.fetch, maxBytes: 1000 })).toMatchObject({
      kind: 'error',
      error: 'too-large',
    });
  });

  it('gives up after the time limit', async () => {
    const never = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )) as typeof fetch;
    expect(await downloadCalendar(URL_, { fetch: never, timeoutMs: 20 })).toMatchObject({
      kind: 'error',
      error: 'timeout',
    });
  });
});

describe('refreshSubscription: idempotent and atomic', () => {
  function deps(
    fetchFn: typeof fetch,
    perms = permissions(['https://calendar.google.com/*']),
    now = NOW,
  ): CalendarSyncDeps {
    return { db, now: () => now, fetch: fetchFn, permissions: perms, locale: 'de-DE' };
  }

  it('imports, changes nothing on an identical refresh, updates moved events, drops removed ones, never doubles', async () => {
    const s = server({
      body: calendar(ev('a', 3, 9), ev('b', 4, 9), ev('c', 5, 9, 'Weekly sync', ['RRULE:FREQ=WEEKLY;COUNT=3'])),
    });
    await addSubscription(db, sub());
    expect(await refreshSubscription(deps(s.fetch), (await getSubscription(db, 'sub-1'))!)).toMatchObject({
      result: 'imported',
      meetings: 5,
    });
    const first = await stored();
    expect(first).toHaveLength(5);

    // Same feed again (no validators from this server): same meetings, nothing doubled.
    await refreshSubscription(deps(s.fetch), (await getSubscription(db, 'sub-1'))!);
    expect(await stored()).toEqual(first);

    // a moves to 14:00, b disappears, the second occurrence of c is cancelled (RECURRENCE-ID).
    s.state.body = calendar(ev('a', 3, 14), ev('c', 5, 9, 'Weekly sync', ['RRULE:FREQ=WEEKLY;COUNT=3']), [
      'UID:c',
      'RECURRENCE-ID:20250312T090000Z',
      'SUMMARY:Weekly sync',
      'STATUS:CANCELLED',
      'DTSTART:20250312T090000Z',
      'DTEND:20250312T100000Z',
    ]);
    await refreshSubscription(deps(s.fetch), (await getSubscription(db, 'sub-1'))!);
    expect(await stored()).toEqual([
      'Mon 2025-03-03 15:00–16:00 Team sync',
      'Wed 2025-03-05 10:00–11:00 Weekly sync',
      'Wed 2025-03-19 10:00–11:00 Weekly sync',
    ]);
    const after = (await getSubscription(db, 'sub-1'))!;
    expect(after).toMatchObject({ error: null, lastSuccess: NOW, lastAttempt: NOW, lastResult: { meetings: 3 } });
  });

  it('a failing refresh records the error in plain words and keeps every meeting', async () => {
    const s = server({ body: calendar(ev('a', 3, 9), ev('b', 4, 9)) });
    await addSubscription(db, sub());
    await refreshSubscription(deps(s.fetch), (await getSubscription(db, 'sub-1'))!);
    const before = await stored();
    for (const [answer, kind] of [
      [{ status: 404 }, 'not-found'],
      [{ status: 401 }, 'unauthorized'],
      [{ status: -1 }, 'offline'],
      [{ status: 200, body: '<html></html>', headers: { 'content-type': 'text/html' } }, 'not-calendar'],
      [{ status: 200, body: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n' }, 'invalid'],
    ] as const) {
      Object.assign(s.state, { status: undefined, body: undefined, headers: undefined }, answer);
      const r = await refreshSubscription(deps(s.fetch, undefined, NOW + 1000), (await getSubscription(db, 'sub-1'))!);
      expect(r.result).toBe('error');
      const saved = (await getSubscription(db, 'sub-1'))!;
      expect(saved.error).toMatchObject({ kind, at: NOW + 1000 });
      expect(saved.lastSuccess).toBe(NOW);
      expect(await stored()).toEqual(before);
    }
  });

  it('uses conditional requests while the window has not moved, and a full one after', async () => {
    const s = server({ body: calendar(ev('a', 3, 9)), headers: { etag: '"v1"' } });
    await addSubscription(db, sub());
    await refreshSubscription(deps(s.fetch), (await getSubscription(db, 'sub-1'))!);
    expect((await getSubscription(db, 'sub-1'))!.etag).toBe('"v1"');
    expect(
      await refreshSubscription(deps(s.fetch, undefined, NOW + 3_600_000), (await getSubscription(db, 'sub-1'))!),
    ).toMatchObject({ result: 'unchanged' });
    expect(s.state.requests[1]!.headers['if-none-match']).toBe('"v1"');
    // Two weeks later the window reaches further: download again, unconditionally.
    await refreshSubscription(deps(s.fetch, undefined, NOW + 14 * 86_400_000), (await getSubscription(db, 'sub-1'))!);
    expect(s.state.requests[2]!.headers['if-none-match']).toBeUndefined();
  });

  it('without the host permission nothing is fetched', async () => {
    const s = server({ body: calendar(ev('a', 3, 9)) });
    await addSubscription(db, sub());
    const r = await refreshSubscription(deps(s.fetch, permissions([])), (await getSubscription(db, 'sub-1'))!);
    expect(r.result).toBe('error');
    expect(s.state.requests).toHaveLength(0);
    expect((await getSubscription(db, 'sub-1'))!.error?.kind).toBe('blocked');
  });

  it('keeps meetings from before the feed’s first event (feeds that publish a recent range only)', async () => {
    await addSubscription(db, sub());
    const s = server({ body: calendar(ev('old', 3, 9), ev('new', 20, 9)) });
    await refreshSubscription(deps(s.fetch), (await getSubscription(db, 'sub-1'))!);
    s.state.body = calendar(ev('new', 20, 9), ev('newer', 21, 9));
    await refreshSubscription(deps(s.fetch), (await getSubscription(db, 'sub-1'))!);
    expect(await stored()).toEqual([
      'Mon 2025-03-03 10:00–11:00 Team sync',
      'Thu 2025-03-20 10:00–11:00 Team sync',
      'Fri 2025-03-21 10:00–11:00 Team sync',
    ]);
  });
});

describe('subscriptions in storage and permissions', () => {
  it('refuses duplicates, writes nothing for a removed subscription, removes its meetings with it', async () => {
    await addSubscription(db, sub());
    await expect(addSubscription(db, sub({ id: 'sub-2', importId: 'ics:Work:2' }))).rejects.toThrow(
      /already subscribed/,
    );
    const seg = {
      start: NOW - 3_600_000,
      end: NOW,
      day: '2025-04-02',
      host: '',
      path: '',
      source: 'calendar' as const,
      lane: 'focus' as const,
    };
    expect(
      await applyRefresh(db, 'sub-1', {
        replaceFrom: 0,
        replaceTo: NOW + 1,
        segments: [seg],
        patch: { lastSuccess: NOW },
      }),
    ).toEqual({ added: 1, removed: 0 });
    expect(
      await applyRefresh(db, 'nope', { replaceFrom: 0, replaceTo: NOW + 1, segments: [seg], patch: {} }),
    ).toBeNull();
    expect(await db.segments.count()).toBe(1);
    expect(await removeSubscription(db, 'sub-1')).toMatchObject({ hostStillUsed: false, meetingsDeleted: 1 });
    expect(await db.segments.count()).toBe(0);
    expect(await listSubscriptions(db)).toEqual([]);
  });

  it('the secret address never goes into a backup; "Delete all data" removes subscriptions', async () => {
    await addSubscription(db, sub());
    expect((await createBackup(db, { now: NOW })).parts.join('')).not.toContain('private-abc');
    await deleteAllData(db);
    expect(await listSubscriptions(db)).toEqual([]);
  });

  it('unused calendar hosts are given back; other permissions are left alone', async () => {
    const p = permissions([
      'https://calendar.google.com/*',
      'https://p52-caldav.icloud.com/*',
      'https://outlook.live.com/*',
      'https://example.com/*',
    ]);
    expect(await reconcilePermissions(p, ['outlook.live.com'])).toEqual([
      'https://calendar.google.com/*',
      'https://p52-caldav.icloud.com/*',
    ]);
    expect([...p.granted]).toEqual(['https://outlook.live.com/*', 'https://example.com/*']);
  });

  it('the hourly alarm exists only while there are subscriptions', async () => {
    const browser = fakeBrowser as unknown as WxtBrowser;
    const d = { db, now: () => NOW, fetch: server({}).fetch, permissions: permissions([]) };
    await planSchedule(browser, d);
    expect(await fakeBrowser.alarms.get(ALARM_CALENDAR)).toBeUndefined();
    await addSubscription(db, sub());
    await planSchedule(browser, d);
    expect(await fakeBrowser.alarms.get(ALARM_CALENDAR)).toMatchObject({ periodInMinutes: 60 });
    await removeSubscription(db, 'sub-1');
    await planSchedule(browser, d);
    expect(await fakeBrowser.alarms.get(ALARM_CALENDAR)).toBeUndefined();
  });
});
