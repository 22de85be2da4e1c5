// Every unit test gets a fresh fake IndexedDB (for raw IndexedDB and for Dexie) and a reset fake browser.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadRegexEngine } from '@/lib/classify/regex-engine';

beforeEach(() => {
  const factory = new IDBFactory();
  globalThis.indexedDB = factory;
  Dexie.dependencies.indexedDB = factory;
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  fakeBrowser.reset();
});

// Pages load the regex engine (re2js) before classifying rules that hold a regex; tests start with it
// loaded. tests/classify/regex-engine.test.ts covers a classifier built without it.
await loadRegexEngine();
