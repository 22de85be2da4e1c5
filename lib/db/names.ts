/** The database's name and newest schema version (a module of its own: no Dexie in what imports it). */
export const DB_NAME = 'creative-ratio';
/** The newest schema version declared in lib/db/schema.ts (IndexedDB sees Dexie's version × 10). */
export const SCHEMA_VERSION = 3;
