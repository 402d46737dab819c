/**
 * @module Vitest global setup: one throwaway PostgreSQL server for the whole run, or the server
 * named by `VITRINA_TEST_PG_URL` (then nothing is started). Tests reach it through
 * `./postgres-cluster.ts`. Without PostgreSQL binaries the run goes on; only tests that ask for
 * the server fail, with the reason.
 */
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { findPostgresBin, LocalPostgres, makeScratchDir, stopAllSync } from './local-postgres.js';
// Type-only: the helper module imports vitest's worker API, which this main-process file must not load.
import type { PostgresTestServer } from './postgres-cluster.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.VITRINA_TEST_PG_URL;
  if (external) {
    project.provide('vitrinaPostgres', { adminUrl: external, mode: 'external' } satisfies PostgresTestServer);
    return async () => {};
  }
  const binDir = findPostgresBin();
  if (!binDir) {
    const unavailable = 'initdb not found under /usr/lib/postgresql/*/bin (or VITRINA_TEST_PG_BIN)';
    project.provide('vitrinaPostgres', { adminUrl: '', mode: 'unavailable', unavailable } satisfies PostgresTestServer);
    return async () => {};
  }
  const started = Date.now();
  const password = randomBytes(12).toString('hex');
  let root = '';
  let shared: LocalPostgres;
  try {
    root = makeScratchDir('vitrina-pg-');
    shared = await LocalPostgres.start({ binDir, password, parent: root });
  } catch (error) {
    if (root) stopAllSync(binDir, root);
    const unavailable = `could not start PostgreSQL from ${binDir}: ${(error as Error).message}`;
    project.provide('vitrinaPostgres', { adminUrl: '', mode: 'unavailable', unavailable } satisfies PostgresTestServer);
    return async () => {};
  }
  // If the run is interrupted, teardown never runs: stop what we started on the way out anyway.
  const onExit = () => stopAllSync(binDir, root);
  process.once('exit', onExit);
  if (process.env.VITRINA_TEST_PG_VERBOSE) console.log(`PostgreSQL for tests on port ${shared.port} in ${Date.now() - started} ms`);
  project.provide('vitrinaPostgres', {
    adminUrl: shared.adminUrl,
    mode: 'managed',
    binDir,
    password,
    ...(shared.caFile ? { caFile: shared.caFile } : {}),
    root,
  } satisfies PostgresTestServer);
  return async () => {
    process.removeListener('exit', onExit);
    // Private servers a test file forgot to destroy live under the same root.
    stopAllSync(binDir, root);
  };
}
