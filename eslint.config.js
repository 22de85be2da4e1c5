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
/** `no-restricted-imports` of `paths` in `files` (but not `ignores`). */
function layer(files, ignores, paths) {
  return [{ files, ignores, rules: { 'no-restricted-imports': ['error', { paths }] } }];
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
  // lib/browser/ and the entrypoints touch the browser API. (One block per folder: a later block's
  // no-restricted-imports replaces an earlier one's for the same file, it does not add to it.)
  ...layer(['lib/**/*.ts'], ['lib/db/**', 'lib/browser/**'], [...DEXIE, ...BROWSER]),
  ...layer(['lib/db/**/*.ts'], [], BROWSER),
  ...layer(['lib/browser/**/*.ts'], [], DEXIE),
  ...layer(['components/**/*.{ts,tsx}'], ['components/data/**'], [...DEXIE, ...BROWSER]),
  ...layer(['components/data/**/*.{ts,tsx}'], [], BROWSER),
  ...layer(['entrypoints/**/*.{ts,tsx}'], [], DEXIE),
);
