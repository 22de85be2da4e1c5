/** The databases' names and the newest schema version (a module of its own: no Dexie in what imports it). */
export const DB_NAME = 'creative-ratio';
/** The pages' summary cache (lib/db/read/summary-cache.ts): derived data only, deleted and rebuilt freely. */
export const UI_CACHE_DB_NAME = 'creative-ratio-ui-cache';
/** The newest schema version declared in lib/db/schema.ts (IndexedDB sees Dexie's version × 10). */
export const SCHEMA_VERSION = 4;
