/**
 * Chart.js, tree-shaken: only the controllers, elements and scales the dashboard draws
 * (stacked bars and lines). Loaded on demand by use-chart.ts (a separate chunk that downloads and
 * compiles while the page reads its data), never by the popup.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

let registered = false;

export function registerCharts(): typeof Chart {
  if (!registered) {
    Chart.register(
      BarController,
      BarElement,
      LineController,
      LineElement,
      PointElement,
      CategoryScale,
      LinearScale,
      Tooltip,
    );
    registered = true;
  }
  return Chart;
}

export { Chart };
