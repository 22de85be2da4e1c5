import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/styles.css';
import { loadCharts } from '@/components/charts/use-chart';
import { mark } from '@/lib/ui/perf';
import { App } from './App';

mark('cr:main');
// Chart.js is its own chunk: fetch and compile it while the week is read.
void loadCharts();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
