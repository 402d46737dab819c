/** @module Opens a SQLite file tuned for a one-off bulk build. */
import Database from 'better-sqlite3';

/**
 * A fresh file that is renamed into place only when complete needs neither a journal nor fsync
 * while it is built; a large cache keeps index builds in memory.
 */
export function openBuildDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -262144');
  return db;
}
