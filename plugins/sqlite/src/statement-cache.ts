/**
 * @module Reuses prepared statements: Kysely's SQLite driver prepares every query anew, and a
 * dashboard sends the same few statements again and again. The connection is used by one query
 * at a time (Kysely holds a mutex), so a cached statement is never busy when it is reused.
 */
import type Database from 'better-sqlite3';

export function withStatementCache(db: Database.Database, maxStatements = 256): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = db.prepare.bind(db);
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver);
      return (sql: string) => {
        let statement = cache.get(sql);
        if (!statement) {
          statement = prepare(sql);
          if (cache.size >= maxStatements) cache.delete(cache.keys().next().value as string);
          cache.set(sql, statement);
        }
        return statement;
      };
    },
  });
}
