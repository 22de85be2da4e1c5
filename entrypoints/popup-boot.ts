/**
 * The popup's boot script: a small classic script the popup runs first, while its modules are
 * still loading, to start reading today (settings, rules, the tracker checkpoint and today's day
 * packs; lib/db/read/early.ts). The popup takes the read over (its EarlyStore, through components/data/early-data.ts) and draws
 * today's numbers from it before Dexie is even loaded; without this script it starts the same read itself.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishEarlyRead } from '@/lib/db/read/early';
import { todayEarlyRange } from '@/lib/ui/today-range';

export default defineUnlistedScript(() => {
  performance.mark('cr:boot');
  const now = Date.now();
  publishEarlyRead(() => [todayEarlyRange(now)]);
});
