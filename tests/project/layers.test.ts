// The layers ESLint enforces (eslint.config.js): presentational components receive data; only the
// data hooks (components/data/) read and write storage, open the calendar worker or call lib/browser.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('components receive data (no-restricted-imports)', () => {
  it.each([
    ["import { getDb } from '@/lib/db';", 'data hook'],
    ["import { addManualBlock } from '@/lib/db/manual';", 'data hook'],
    ["import { useRules } from '@/components/data/queries';", 'data hook'],
    ["import { useInsightsData } from './data/insights';", 'data hook'],
    ["import { openCalendarSession } from '@/lib/calendar/worker-client';", 'calendar worker'],
    ["import { sendToBackground } from '@/lib/browser/ui';", 'callbacks'],
    ["import Dexie from 'dexie';", 'Dexie'],
  ])('a component may not %s', async (line, words) => {
    const messages = await restricted('components/Example.tsx', `${line}\nexport const x = 1;\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(words);
  });

  it('a component may name the shape of what it receives (type imports)', async () => {
    const code = [
      "import type { CreativeRatioDB } from '@/lib/db';",
      "import type { ManualBlocksState } from '@/components/data/manual-blocks';",
      "import type { CalendarInfo } from '@/lib/calendar/worker-client';",
      'export type X = [CreativeRatioDB, ManualBlocksState, CalendarInfo];',
    ].join('\n');
    expect(await restricted('components/calendar/Example.tsx', code)).toEqual([]);
  });

  it('a data hook and a page may read and write', async () => {
    const code =
      "import { getDb } from '@/lib/db';\nimport { useRules } from '@/components/data/queries';\nexport const x = [getDb, useRules];\n";
    expect(await restricted('components/data/example.ts', code)).toEqual([]);
    expect(await restricted('entrypoints/options/Example.tsx', code)).toEqual([]);
  });
});

describe('live queries go through useLive', () => {
  it('a data hook may not call useLiveQuery directly (it answers with the previous inputs’ result)', async () => {
    const code = "import { useLiveQuery } from 'dexie-react-hooks';\nexport const x = useLiveQuery;\n";
    const messages = await restricted('components/data/example.ts', code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('useLive');
    expect(await restricted('components/data/live.ts', code)).toEqual([]);
  });
});
