import { describe, expect, it } from 'vitest';
import {
  deleteConfirmed,
  idleSecondsToMinutes,
  parseExcludedHost,
  retentionLoss,
  retentionShortens,
  parseThresholdHours,
  parseIdleMinutes,
  parseTargetPercent,
  parseWorkingTimes,
  retentionCutoff,
  retentionLabel,
} from '@/lib/ui/settings-form';
import { minutesToTimeInput, timeInputToMinutes } from '@/lib/ui/format';

describe('idle threshold', () => {
  it.each([
    ['3', 180],
    ['2.5', 150],
    ['2,5', 150],
    [' 0.25 ', 15],
    ['240', 14_400],
  ])('%s minutes → %i s', (input, sec) => {
    expect(parseIdleMinutes(input)).toEqual({ ok: true, value: sec });
  });

  it.each(['', 'abc', '0.1', '241', '-1'])('refuses %j with a message', (input) => {
    const r = parseIdleMinutes(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
  });

  it('shows seconds back as minutes', () => {
    expect(idleSecondsToMinutes(180)).toBe('3');
    expect(idleSecondsToMinutes(15)).toBe('0.25');
    expect(idleSecondsToMinutes(100)).toBe('1.67');
  });
});

describe('excluded hosts', () => {
  it('reduces addresses to hosts and keeps wildcards', () => {
    expect(parseExcludedHost('https://www.Bank.example.com/login?x=1', [])).toEqual({
      ok: true,
      value: 'bank.example.com',
    });
    expect(parseExcludedHost('*.Example.com', [])).toEqual({ ok: true, value: '*.example.com' });
  });

  it('refuses duplicates, bad wildcards and non-hosts', () => {
    expect(parseExcludedHost('example.com', ['example.com']).ok).toBe(false);
    expect(parseExcludedHost('*.com', []).ok).toBe(false);
    expect(parseExcludedHost('ex*ample.com', []).ok).toBe(false);
    expect(parseExcludedHost('   ', []).ok).toBe(false);
    expect(parseExcludedHost('http://', []).ok).toBe(false);
  });

  it.each(['not a host!!', 'nothost!!', '!!.com', 'a..b', '-bad.com', 'bad-.com', 'exa mple.com', 'a.123', '*.!!.com'])(
    'refuses %j with a message that says what to enter (issue #15)',
    (text) => {
      const r = parseExcludedHost(text, []);
      expect(r).toEqual({
        ok: false,
        error: expect.stringMatching(
          /is not a web address or host name\. Enter one like bank\.example\.com, or paste the address from the tab\.$/,
        ),
      });
    },
  );

  it.each([
    ['https://mail.bank.example/inbox/123?x=1#y', 'mail.bank.example'],
    ['intranet', 'intranet'],
    ['localhost:8080', 'localhost'],
    ['192.168.1.10', '192.168.1.10'],
    ['ünïcode.example', 'xn--ncode-cta3g.example'],
    ['my_host.corp.example', 'my_host.corp.example'],
  ])('accepts %j as %j', (text, host) => {
    expect(parseExcludedHost(text, [])).toEqual({ ok: true, value: host });
  });

  it('refuses a wildcard over a whole public suffix', () => {
    expect(parseExcludedHost('*.co.uk', [])).toEqual({
      ok: false,
      error: '*.co.uk would exclude every site under .co.uk; name a domain, e.g. *.example.co.uk.',
    });
  });
});

describe('target and working hours', () => {
  it('reads a percentage', () => {
    expect(parseTargetPercent('50')).toEqual({ ok: true, value: 0.5 });
    expect(parseTargetPercent('42,5 %')).toEqual({ ok: true, value: 0.425 });
    expect(parseTargetPercent('101').ok).toBe(false);
    expect(parseTargetPercent('x').ok).toBe(false);
  });

  it('needs the end after the start', () => {
    expect(parseWorkingTimes(540, 1080)).toEqual({ ok: true, value: { startMinute: 540, endMinute: 1080 } });
    expect(parseWorkingTimes(1080, 540).ok).toBe(false);
    expect(parseWorkingTimes(null, 540).ok).toBe(false);
  });

  it('converts time inputs both ways', () => {
    expect(minutesToTimeInput(545)).toBe('09:05');
    expect(timeInputToMinutes('09:05')).toBe(545);
    expect(timeInputToMinutes('24:00')).toBeNull();
    expect(timeInputToMinutes('9')).toBeNull();
  });
});

describe('data deletion', () => {
  it('needs the exact word to delete everything', () => {
    expect(deleteConfirmed('delete')).toBe(true);
    expect(deleteConfirmed(' DELETE ')).toBe(true);
    expect(deleteConfirmed('delet')).toBe(false);
    expect(deleteConfirmed('')).toBe(false);
  });

  it('computes the retention cutoff in calendar months', () => {
    const now = new Date(2025, 4, 31, 12).getTime();
    expect(new Date(retentionCutoff(3, now)).getMonth()).toBe(1); // Feb (clamped to the 28th)
    expect(new Date(retentionCutoff(3, now)).getDate()).toBe(28);
    expect(retentionLabel(null)).toBe('Keep everything');
    expect(retentionLabel(12)).toBe('1 year');
    expect(retentionLabel(24)).toBe('2 years');
    expect(retentionLabel(6)).toBe('6 months');
  });
});

describe('enough-data thresholds', () => {
  it.each([
    ['1', 60],
    ['0,5', 30],
    ['0', 0],
    ['5', 300],
  ])('%s hours → %i minutes', (input, minutes) => {
    expect(parseThresholdHours(input, 480)).toEqual({ ok: true, value: minutes });
  });
  it.each(['', 'x', '-1', '9'])('refuses %s', (input) => {
    expect(parseThresholdHours(input, 480).ok).toBe(false);
  });
});

describe('retention that deletes history (issue #15)', () => {
  const H = 3_600_000;
  const cutoff = Date.UTC(2026, 5, 1);
  const seg = (start: number, hours: number, day: string) => ({ start, end: start + hours * H, day });

  it('counts what ended by the cutoff: stretches, time, local days and the first instant', () => {
    const segments = [
      seg(cutoff - 50 * H, 2, '2026-05-29'),
      seg(cutoff - 30 * H, 1, '2026-05-30'),
      seg(cutoff - 29 * H, 0.5, '2026-05-30'),
      seg(cutoff - H, 2, '2026-05-31'), // runs past the cutoff: kept, as the deletion does
      seg(cutoff + H, 1, '2026-06-01'),
    ];
    expect(retentionLoss(segments, cutoff)).toEqual({ stretches: 3, ms: 3.5 * H, days: 2, from: cutoff - 50 * H });
    expect(retentionLoss([], cutoff)).toEqual({ stretches: 0, ms: 0, days: 0, from: null });
  });

  it.each<[number | null, number | null, boolean]>([
    [null, 3, true],
    [12, 3, true],
    [3, 12, false],
    [3, 3, false],
    [3, null, false],
    [null, null, false],
  ])('from %j to %j months can delete more: %j', (from, to, shortens) => {
    expect(retentionShortens(from, to)).toBe(shortens);
  });
});
