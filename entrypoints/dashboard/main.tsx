import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import { loadCharts } from '@/components/charts/use-chart';
import { primeWeek } from '@/components/week-data';
import { localeWeekStartsOn } from '@/lib/report/week';
import { mark } from '@/lib/ui/perf';
import { normalizeWeekKey } from '@/lib/ui/week';
import { App } from './App';

mark('cr:main');
// Start reading the week now, with the week start of the locale (the usual setting), instead of
// after the first render and the settings read; and fetch Chart.js (its own chunk) meanwhile.
const now = Date.now();
primeWeek(normalizeWeekKey(new URLSearchParams(location.search).get('week'), localeWeekStartsOn(navigator.language || 'en-US'), now), now);
void loadCharts();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
