/**
 * @module The state store under test in both dialects: a throwaway SQLite file, and a fresh
 * database on the run's PostgreSQL server. Test files loop over `STATE_DIALECTS`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenStateOptions, openStateStore, type StateStore } from '../../core/src/state/state-store.js';
import { createTestDatabase } from '../support/postgres-cluster.js';

export const STATE_DIALECTS = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof STATE_DIALECTS)[number];

export interface TestStore {
  store: StateStore;
  /** Opens another store on the same database (a second instance, or a CLI command). */
  reopen(options?: OpenStateOptions): Promise<StateStore>;
  cleanup(): Promise<void>;
}

export async function testStore(dialect: TestDialect, options: OpenStateOptions = {}): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'vitrina-state-'));
    const location = { kind: 'sqlite', file: join(dir, 'state.sqlite') } as const;
    const store = await openStateStore(location, options);
    return {
      store,
      reopen: (o) => openStateStore(location, o ?? options),
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await createTestDatabase('vitrina_state');
  const location = { kind: 'postgres', url: database.url } as const;
  const store = await openStateStore(location, options);
  return {
    store,
    reopen: (o) => openStateStore(location, o ?? options),
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
}
