import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import '@/components/class-colors';
import { registerCharts } from '@/components/charts/chart-setup';
import { provideCharts } from '@/components/charts/use-chart';
import { primeWeek } from '@/components/data/week-data';
import { createClassifier } from '@/lib/classify';
import { mark, timed } from '@/lib/ui/perf';
import { App } from './App';
import './dashboard.css';

mark('cr:main');
// First the week's data: one raw read of settings, rules and the week's day packs, usually started
// already by the boot script while these modules loaded (entrypoints/dashboard-boot.ts,
// lib/db/read/reader.ts, lib/db/read/early.ts). React renders once the data is there (a shell with
// "Loading…" first would only compete with it for the main thread).
const now = Date.now();
const early = primeWeek(new URLSearchParams(location.search).get('week'), now, navigator.language || 'en-US');
// Chart.js comes with the page's modules (its first screen is a chart).
provideCharts(registerCharts());
// While the database answers (the main thread is idle meanwhile), compile the tool catalog: the
// report needs it the moment the rows are here.
timed('cr:catalog', () => createClassifier([]));
// (Never blank for long: should the read hang, the page renders anyway and reads through Dexie.)
void Promise.race([early, new Promise((resolve) => setTimeout(resolve, 1_500))]).then(() => {
  // Then the page. Its live queries open Dexie after the first draw, and take over from the early
  // read (an equal answer changes nothing).
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
