// @vitest-environment happy-dom
/**
 * The pages' hooks take the early read's settings and rules until Dexie answers, and keep the same
 * objects when the live answer is equal (so nothing downstream recomputes the week).
 */
import { cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useClassifier } from '@/components/data/classifier';
import type { LiveClassifier } from '@/components/data/build-classifier';
import { resetEarlyRead, startEarlyRead } from '@/components/data/early-data';
import { useSettings } from '@/components/data/settings';
import { getDb } from '@/lib/db';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';

afterEach(() => {
  cleanup();
  resetEarlyRead();
});

function Probe({ seen }: { seen: { settings: (Settings | undefined)[]; live: (LiveClassifier | undefined)[] } }) {
  seen.settings.push(useSettings());
  seen.live.push(useClassifier());
  return null;
}

describe('early data in the hooks', () => {
  // One test: the hooks use the page's database singleton (getDb), bound to one fake IndexedDB.
  it('settings and the classifier come from the early read, stay the same objects once Dexie answers, and later changes come through', async () => {
    const db = getDb();
    await db.settings.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, targetShare: 0.4 } });
    await db.rules.add({
      order: 1,
      match: { type: 'host', host: 'a.example' },
      class: 'creative',
      createdAt: 1,
    } as never);

    const read = await startEarlyRead(() => []);
    expect(read).not.toBeNull();
    const seen = { settings: [] as (Settings | undefined)[], live: [] as (LiveClassifier | undefined)[] };
    render(<Probe seen={seen} />);
    // The very first render already has them (no waiting for Dexie).
    expect(seen.settings[0]?.targetShare).toBe(0.4);
    expect(seen.live[0]?.rules).toHaveLength(1);
    // Let the live queries answer (equal content): still the very same objects.
    await new Promise((r) => setTimeout(r, 100));
    expect(new Set(seen.settings).size).toBe(1);
    expect(new Set(seen.live).size).toBe(1);

    await db.settings.put({ key: 'settings', value: { ...DEFAULT_SETTINGS, targetShare: 0.55 } });
    await waitFor(() => expect(seen.settings.at(-1)?.targetShare).toBe(0.55));
    expect(seen.live.at(-1)).toBe(seen.live[0]);
  });
});
