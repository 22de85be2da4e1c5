import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const DEXIE = [
  { name: 'dexie', message: 'Only lib/db/ and the data hooks in components/data/ touch Dexie.' },
  {
    name: 'dexie-react-hooks',
    message: 'Only the data hooks in components/data/ use live queries; take the data from them.',
  },
];
const BROWSER = [
  { name: 'wxt/browser', message: 'Only lib/browser/ and the entrypoints touch the browser.' },
  { name: '#imports', message: 'Only lib/browser/ and the entrypoints touch the browser.' },
];
const LIVE_QUERY = {
  name: 'dexie-react-hooks',
  message:
    'Use useLive (components/data/live.ts): useLiveQuery answers with the previous inputs’ result until the new one is read.',
};
// Presentational components receive data and callbacks: the reads, writes and worker sessions live
// in the data hooks (components/data/), and the pages (entrypoints/) wire hook → view. A component
// may still name the shape of what it receives (`import type`).
const DATA = [
  {
    group: ['@/lib/db', '@/lib/db/*', '@/components/data/*', './data/*', '../data/*'],
    allowTypeImports: true,
    message: 'Components receive data: read and write through a data hook (components/data/), wired by the page.',
  },
  {
    group: ['@/lib/browser', '@/lib/browser/*'],
    allowTypeImports: true,
    message: 'Components take messages to the background and permission requests as callbacks from a data hook.',
  },
  {
    group: ['@/lib/calendar/worker-client', '**/worker-client'],
    allowTypeImports: true,
    message: 'The calendar worker is opened by a data hook (components/data/), not by a component.',
  },
];
/** `no-restricted-imports` of `paths` (and `patterns`) in `files` (but not `ignores`). */
function layer(files, ignores, paths, patterns = []) {
  return [{ files, ignores, rules: { 'no-restricted-imports': ['error', { paths, patterns }] } }];
}

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'docs/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Creative Ratio never makes network requests.' }],
      'no-restricted-properties': [
        'error',
        { object: 'navigator', property: 'sendBeacon', message: 'Creative Ratio never makes network requests.' },
      ],
    },
  },
  // The layers, enforced: only lib/db/ and the data hooks (components/data/) touch Dexie; only
  // lib/browser/ and the entrypoints touch the browser API; components outside components/data/ take
  // their data from a hook, never from lib/db or the calendar worker. (One block per folder: a later block's
  // no-restricted-imports replaces an earlier one's for the same file, it does not add to it.)
  ...layer(['lib/**/*.ts'], ['lib/db/**', 'lib/browser/**'], [...DEXIE, ...BROWSER]),
  ...layer(['lib/db/**/*.ts'], [], BROWSER),
  ...layer(['lib/browser/**/*.ts'], [], DEXIE),
  ...layer(['components/**/*.{ts,tsx}'], ['components/data/**'], [...DEXIE, ...BROWSER], DATA),
  // The data hooks' live queries go through useLive (components/data/live.ts), which never answers with
  // a result read for other inputs (useLiveQuery keeps the previous one until the new query answers).
  ...layer(['components/data/**/*.{ts,tsx}'], ['components/data/live.ts'], [...BROWSER, LIVE_QUERY]),
  ...layer(['components/data/live.ts'], [], BROWSER),
  ...layer(['entrypoints/**/*.{ts,tsx}'], [], DEXIE),
);
