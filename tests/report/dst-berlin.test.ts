process.env.TZ = 'Europe/Berlin';
import { runDstSuite } from './dst-cases';

runDstSuite('Europe/Berlin', [
  {
    name: 'spring forward, Sunday 30 March 2025 is 23 h (weeks from Monday)',
    inside: [2025, 3, 27, 12],
    weekStartsOn: 1,
    firstDay: [2025, 3, 24],
    firstHour: 0,
    dayHours: [24, 24, 24, 24, 24, 24, 23],
    across: { from: [2025, 3, 29, 22], split: [2, 4] },
  },
  {
    name: 'spring forward, the week starting Sunday 30 March 2025 begins with a 23 h day',
    inside: [2025, 4, 2, 12],
    weekStartsOn: 0,
    firstDay: [2025, 3, 30],
    firstHour: 0,
    dayHours: [23, 24, 24, 24, 24, 24, 24],
    across: { from: [2025, 3, 29, 22], split: [4] },
  },
  {
    name: 'fall back, Sunday 26 October 2025 is 25 h',
    inside: [2025, 10, 22, 12],
    weekStartsOn: 1,
    firstDay: [2025, 10, 20],
    firstHour: 0,
    dayHours: [24, 24, 24, 24, 24, 24, 25],
    across: { from: [2025, 10, 25, 22], split: [2, 4] },
  },
]);
