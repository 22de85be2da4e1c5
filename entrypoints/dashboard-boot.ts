/**
 * The dashboard's boot script: a small classic script the page runs first, while its modules are
 * still loading, to start the week's read (lib/db/read/early.ts) ~100 ms before the page's own code
 * could. The page takes the read over (Reader.primeWeek, lib/db/read/reader.ts); without this script it simply
 * starts the same read itself.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { publishEarlyRead } from '@/lib/db/read/early';
import { openingWeekRanges } from '@/lib/db/read/week-ranges';

export default defineUnlistedScript(() => {
  performance.mark('cr:boot');
  const now = Date.now();
  const week = new URLSearchParams(location.search).get('week');
  publishEarlyRead((stored) => openingWeekRanges(stored, week, now, navigator.language || 'en-US'));
});
