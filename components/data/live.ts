/**
 * The one live query of the data hooks: Dexie's `useLiveQuery`, but never answering with a result
 * read for other inputs.
 *
 * `useLiveQuery` keeps returning the previous query's result after its dependencies change, until
 * the new query answers. A hook that passes that on shows — and lets the person act on — data of the
 * wrong range for a moment: the day list skipped a meeting of the day before (issue #15), and the same
 * window would export the weeks chosen before to the team file, or confirm a retention change with the
 * count of the previous choice. Here every answer carries the inputs it was read for, and one read for
 * other inputs is `undefined` ("loading") instead. ESLint allows `dexie-react-hooks` only in this file.
 */
import { useLiveQuery } from 'dexie-react-hooks';

/** True when the two input lists are the same, element by element (`Object.is`, as React compares deps). */
export function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/**
 * `query()`'s result, live (re-read after every write to what it read), for these `inputs` only:
 * `undefined` while loading, including while the last answer held was read for other inputs.
 * `inputs` are the query's dependencies, as for `useLiveQuery`.
 */
export function useLive<T>(query: () => Promise<T> | T, inputs: readonly unknown[]): T | undefined {
  const held = useLiveQuery(async () => ({ inputs, value: await query() }), [...inputs]);
  return held && sameInputs(held.inputs, inputs) ? held.value : undefined;
}
