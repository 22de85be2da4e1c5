import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import '@/components/class-colors';
import { startEarlyRead } from '@/components/data/early-data';
import { todayEarlyRange } from '@/lib/ui/today-range';
import { FirstPaint } from './FirstPaint';
import './popup.css';

// Today's numbers first: from the raw read the boot script started (entrypoints/popup-boot.ts; or
// now, without it), drawn by FirstPaint with no Dexie loaded. The full popup (live queries, the
// current site, pause and resume) is imported meanwhile and takes over with the same numbers.
void startEarlyRead(() => [todayEarlyRange(Date.now())]);
const App = lazy(() => import('./App').then((m) => ({ default: m.App })));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={<FirstPaint />}>
      <App />
    </Suspense>
  </StrictMode>,
);
