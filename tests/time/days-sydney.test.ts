process.env.TZ = 'Australia/Sydney';
import { describe, expect, it } from 'vitest';
import { runDaysSuite } from './days-cases';

describe('local days in Australia/Sydney', () => {
  it('runs in the intended zone', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Australia/Sydney');
  });
  runDaysSuite('Australia/Sydney');
});
