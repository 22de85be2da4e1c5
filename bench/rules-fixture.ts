/**
 * The benchmark's 1,000 personal rules, shared with profiling scripts.
 */
import type { UserRule } from '@/lib/classify';

/** 1,000 rules in a realistic mix: mostly hosts, some wildcards and paths, a few regexes. */
export function thousandRules(): UserRule[] {
  const rules: UserRule[] = [];
  const add = (match: UserRule['match'], i: number): void => {
    rules.push({
      id: i + 1,
      order: i,
      match,
      class: i % 3 === 0 ? 'creative' : 'coordination',
      kind: i % 3 === 0 ? 'writing' : 'admin',
      createdAt: 0,
    });
  };
  let i = 0;
  for (; i < 600; i += 1) add({ type: 'host', host: `tool-${i}.example.com` }, i);
  for (; i < 800; i += 1) add({ type: 'wildcard', pattern: `*.tenant-${i}.example.net` }, i);
  for (; i < 950; i += 1)
    add(
      { type: 'path', host: i % 2 ? `app-${i}.example.org` : `*.suite-${i}.example.org`, pathPrefix: `/area-${i}` },
      i,
    );
  for (; i < 975; i += 1) add({ type: 'regex', pattern: `^app-${i}\\.example\\.io/(edit|new)` }, i);
  for (; i < 1000; i += 1) add({ type: 'regex', pattern: `\\.corp-${i}\\.example/wiki` }, i);
  return rules;
}
