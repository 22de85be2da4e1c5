process.env.TZ = 'Europe/Berlin';
import { describe, expect, it } from 'vitest';
import { runDaysSuite } from './days-cases';

describe('local days in Europe/Berlin', () => {
  it('runs in the intended zone', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Europe/Berlin');
  });
  runDaysSuite('Europe/Berlin');
});
