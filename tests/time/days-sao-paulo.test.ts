process.env.TZ = 'America/Sao_Paulo';
import { describe, expect, it } from 'vitest';
import { runDaysSuite } from './days-cases';

describe('local days in America/Sao_Paulo', () => {
  it('runs in the intended zone', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/Sao_Paulo');
  });
  runDaysSuite('America/Sao_Paulo');
});
