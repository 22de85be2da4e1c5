process.env.TZ = 'Australia/Sydney';
import { runDstSuite } from './dst-cases';

runDstSuite('Australia/Sydney', [
  {
    name: 'DST ends, Sunday 6 April 2025 is 25 h',
    inside: [2025, 4, 3, 12],
    weekStartsOn: 1,
    firstDay: [2025, 3, 31],
    firstHour: 0,
    dayHours: [24, 24, 24, 24, 24, 24, 25],
    across: { from: [2025, 4, 5, 22], split: [2, 4] },
  },
  {
    name: 'DST starts, Sunday 5 October 2025 is 23 h',
    inside: [2025, 10, 1, 12],
    weekStartsOn: 1,
    firstDay: [2025, 9, 29],
    firstHour: 0,
    dayHours: [24, 24, 24, 24, 24, 24, 23],
    across: { from: [2025, 10, 4, 22], split: [2, 4] },
  },
]);
