import { describe, expect, it } from 'vitest';
import { Autosave, type AutosaveStatus } from '@/lib/ui/autosave';

function harness(save: (t: string) => Promise<void>) {
  const timers: { fn: () => void; ms: number; id: number }[] = [];
  let nextId = 1;
  const statuses: AutosaveStatus[] = [];
  const a = new Autosave(
    {
      save,
      onStatus: (s) => statuses.push(s),
      delayMs: 800,
      now: () => 42,
      setTimer: (fn, ms) => {
        const id = nextId++;
        timers.push({ fn, ms, id });
        return id;
      },
      clearTimer: (id) => {
        const i = timers.findIndex((t) => t.id === id);
        if (i >= 0) timers.splice(i, 1);
      },
    },
    'old',
  );
  return { a, timers, statuses, fire: () => timers.splice(0).forEach((t) => t.fn()) };
}

describe('autosave', () => {
  it('waits for a pause in typing, then saves only the latest text', async () => {
    const saved: string[] = [];
    const h = harness(async (t) => void saved.push(t));
    h.a.change('n');
    h.a.change('ne');
    h.a.change('new');
    expect(h.timers).toHaveLength(1);
    expect(h.statuses.at(-1)).toEqual({ kind: 'pending' });
    h.fire();
    await Promise.resolve();
    await h.a.flush();
    expect(saved).toEqual(['new']);
    expect(h.statuses.at(-1)).toEqual({ kind: 'saved', at: 42 });
    expect(h.a.dirty).toBe(false);
  });

  it('saves at once on flush, and nothing when the text is unchanged', async () => {
    const saved: string[] = [];
    const h = harness(async (t) => void saved.push(t));
    await h.a.flush();
    expect(saved).toEqual([]);
    h.a.change('typed');
    await h.a.flush();
    expect(saved).toEqual(['typed']);
    expect(h.timers).toHaveLength(0);
  });

  it('reports a failed save and keeps the text dirty for a retry', async () => {
    let fail = true;
    const h = harness(async () => {
      if (fail) throw new Error('QuotaExceededError');
    });
    h.a.change('x');
    await h.a.flush();
    expect(h.statuses.at(-1)).toEqual({ kind: 'error', message: 'QuotaExceededError' });
    expect(h.a.dirty).toBe(true);
    fail = false;
    await h.a.flush();
    expect(h.statuses.at(-1)).toEqual({ kind: 'saved', at: 42 });
  });

  it('typing back to the saved text cancels the pending save', () => {
    const h = harness(async () => undefined);
    h.a.change('x');
    h.a.change('old');
    expect(h.timers).toHaveLength(0);
    expect(h.statuses.at(-1)).toEqual({ kind: 'idle' });
  });
});
