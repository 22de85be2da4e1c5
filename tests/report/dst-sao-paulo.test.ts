process.env.TZ = 'America/Sao_Paulo';
import { runDstSuite } from './dst-cases';

// Brazil changed clocks at midnight until 2019: on 4 November 2018 local midnight did not exist
// (the day starts at 01:00), and on 17 February 2019 23:00–24:00 of the 16th happened twice.
runDstSuite('America/Sao_Paulo', [
  {
    name: 'DST starts at midnight, Sunday 4 November 2018 begins at 01:00 and is 23 h',
    inside: [2018, 11, 7, 12],
    weekStartsOn: 0,
    firstDay: [2018, 11, 4],
    firstHour: 1,
    dayHours: [23, 24, 24, 24, 24, 24, 24],
    across: { from: [2018, 11, 3, 21], split: [3] },
  },
  {
    name: 'same change with weeks from Monday: the last day is 23 h',
    inside: [2018, 11, 1, 12],
    weekStartsOn: 1,
    firstDay: [2018, 10, 29],
    firstHour: 0,
    dayHours: [24, 24, 24, 24, 24, 24, 23],
    across: { from: [2018, 11, 3, 21], split: [3, 3] },
  },
  {
    name: 'DST ends, Saturday 16 February 2019 is 25 h',
    inside: [2019, 2, 13, 12],
    weekStartsOn: 0,
    firstDay: [2019, 2, 10],
    firstHour: 0,
    dayHours: [24, 24, 24, 24, 24, 24, 25],
    across: { from: [2019, 2, 16, 20], split: [5] },
  },
]);
