/**
 * @module Appends written into the live extract file in one DuckDB transaction: readers see the
 * rows before or after, never between; a failed or aborted append rolls back; the load state kept
 * in the file survives a crash before the manifest; another process holding the file makes the
 * append fall back to a copy (and a reader to a snapshot).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { connectorContext, RuntimeSource } from '@vitrina/core';
import { ExtractStore, rowObjects } from '@vitrina/core/extract';
import { afterEach, describe, expect, it } from 'vitest';
import connector from '../fixtures/plugins/rows-file/index.js';
import { csv, type ExtractProject, extractProject } from '../support/extract-project.js';

const projects: ExtractProject[] = [];
const stores: ExtractStore[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill();
  for (const store of stores.splice(0)) await store.close();
  for (const p of projects.splice(0)) p.cleanup();
});

function setup(options: Record<string, unknown> = {}) {
  const p = extractProject(options);
  projects.push(p);
  return p;
}

/** The engine's store of the project's `items` source (as `serve` and `vitrina ingest` hold it). */
function storeOf(p: ExtractProject, options: Record<string, unknown> = {}): ExtractStore {
  const raw = connector.create({ file: 'items.csv', ...options } as never, connectorContext({ sourceName: 'items', projectDir: p.dir }));
  const store = new ExtractStore({
    source: 'items',
    dir: join(p.dir, '.vitrina', 'extracts'),
    guard: RuntimeSource.create('items', connector, raw),
    raw,
    querySource: async () => [],
  });
  stores.push(store);
  return store;
}

const count = async (store: ExtractStore) =>
  Number((await (await store.pool()).use(async (c) => rowObjects(await c.runAndReadAll('select count(*) as n from items'))))[0]?.n);

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Another process holding the extract file through DuckDB, as `serve` (write access) or a CLI render (read-only) does. */
async function holdInChild(file: string, mode: 'write' | 'read-only'): Promise<void> {
  const api = createRequire(join(import.meta.dirname, '..', '..', 'core', 'package.json')).resolve('@duckdb/node-api');
  const options = mode === 'read-only' ? "{ access_mode: 'READ_ONLY' }" : '{}';
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const { DuckDBInstance } = require(${JSON.stringify(api)});
       DuckDBInstance.create(${JSON.stringify(file)}, ${options}).then(async (db) => {
         globalThis.held = [db, await db.connect()]; // referenced: a collected instance closes and lets go of its lock
         await globalThis.held[1].run('select 1');
         console.log('ready');
         setInterval(() => {}, 1000);
       });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the holding process exited with ${code}`)));
  });
}

describe('append in place', () => {
  it('readers see the previous rows until the commit; the same handle then sees the new ones, no reopen', async () => {
    const p = setup();
    p.write(csv('1,a,1,2026-01-01 00:00:00'));
    const store = storeOf(p, { holdAppendMs: 800 });
    expect(await store.load()).toMatchObject({ status: 'loaded', generation: 1, timings: { where: 'new-file' } });
    expect(await count(store)).toBe(1);
    p.append('2,b,2,2026-01-02 00:00:00\n');
    const loading = store.load();
    await until(() => existsSync(join(p.dir, 'items.csv.appending')));
    // The plugin has inserted the row into the live file; its transaction is not committed yet.
    expect(await count(store)).toBe(1);
    expect(store.manifest()?.generation).toBe(1);
    expect(await loading).toMatchObject({
      status: 'appended',
      rows: 2,
      added: 1,
      generation: 2,
      timings: { where: 'in-place', copyMs: 0 },
    });
    const handle = await store.pool();
    expect(handle.writable).toBe(true);
    expect(await count(store)).toBe(2);
    expect(store.manifest()).toMatchObject({ generation: 2, tables: { items: 2 }, status: 'appended' });
    // A second append uses the same handle; the checkpoint after each leaves no log beside the file.
    p.append('3,c,3,2026-01-03 00:00:00\n');
    expect(await store.load()).toMatchObject({ status: 'appended', rows: 3, generation: 3, timings: { where: 'in-place' } });
    expect(await store.pool()).toBe(handle);
    expect(await store.load()).toMatchObject({ status: 'skipped', rows: 3 });
    expect(p.extractFiles()).toEqual(['items.duckdb', 'items.json']);
  });

  it('a read-only handle busy for longer than the switch may wait: that append builds on a copy instead', async () => {
    const p = setup();
    p.write(csv('1,a,1,2026-01-01 00:00:00'));
    const store = storeOf(p);
    await store.load();
    const readOnly = await store.pool();
    expect(readOnly.writable).toBe(false);
    const busy = await readOnly.acquire();
    p.append('2,b,2,2026-01-02 00:00:00\n');
    expect(await store.load()).toMatchObject({ status: 'appended', rows: 2, timings: { where: 'copy' } });
    readOnly.release(busy);
    expect(await count(store)).toBe(2);
    p.append('3,c,3,2026-01-03 00:00:00\n');
    expect(await store.load()).toMatchObject({ status: 'appended', rows: 3, timings: { where: 'in-place' } });
    expect(await count(store)).toBe(3);
  });

  it('a query that began before the commit finishes on the previous rows', async () => {
    const p = setup();
    p.write(csv('1,a,1,2026-01-01 00:00:00'));
    const store = storeOf(p);
    await store.load();
    p.append('2,b,2,2026-01-02 00:00:00\n');
    expect((await store.load()).timings?.where).toBe('in-place');
    const pool = await store.pool();
    const slow = pool.use(async (c) =>
      rowObjects(await c.runAndReadAll('select count(*) as n from items, range(30000000) r where r.range % 7 <> 9')),
    );
    await new Promise((r) => setTimeout(r, 50));
    p.append('3,c,3,2026-01-03 00:00:00\n4,d,4,2026-01-04 00:00:00\n');
    expect(await store.load()).toMatchObject({ status: 'appended', rows: 4, timings: { where: 'in-place' } });
    expect(await slow).toEqual([{ n: 2 * 30_000_000 }]);
    expect(await count(store)).toBe(4);
  });

  it('a bad row under strict, or an abort, rolls the append back: same rows, same generation, no stray files', async () => {
    const p = setup();
    p.write(csv('1,a,1,2026-01-01 00:00:00'));
    const store = storeOf(p, { badRows: 'strict', holdAppendMs: 300 });
    await store.load();
    p.append('2,b,2,2026-01-02 00:00:00\n');
    await store.load();
    expect(await count(store)).toBe(2);
    const handle = await store.pool();
    p.append('three,c,oops,2026-13-45\n');
    const failed = await store.load().catch((e: unknown) => e);
    expect(failed).toMatchObject({
      message: expect.stringMatching(/items\.csv:\d/),
      hint: expect.stringMatching(/previous extract .* keeps serving/),
    });
    expect(await count(store)).toBe(2);
    expect(store.manifest()).toMatchObject({ generation: 2, tables: { items: 2 } });
    expect(await store.pool()).toBe(handle);
    expect(p.extractFiles()).toEqual(['items.duckdb', 'items.json']);

    p.write(csv('1,a,1,2026-01-01 00:00:00', '2,b,2,2026-01-02 00:00:00', '3,c,3,2026-01-03 00:00:00'));
    const abort = new AbortController();
    const aborted = store.load({ signal: abort.signal }).catch((e: unknown) => e);
    await until(() => existsSync(join(p.dir, 'items.csv.appending')));
    abort.abort();
    expect(await aborted).toMatchObject({ code: 'ABORTED' });
    expect(await count(store)).toBe(2);
    expect(store.manifest()?.generation).toBe(2);
    expect(await store.load()).toMatchObject({ status: 'appended', rows: 3, generation: 3 });
  });

  it('a crash after the commit, before the manifest: the next append does not add the same rows again', async () => {
    const p = setup();
    p.write(csv('1,a,1,2026-01-01 00:00:00'));
    const store = storeOf(p);
    await store.load();
    const before = readFileSync(store.manifestFile, 'utf8');
    p.append('2,b,2,2026-01-02 00:00:00\n');
    expect(await store.load()).toMatchObject({ status: 'appended', generation: 2 });
    // As if the process had died between DuckDB's commit and the manifest write: the manifest's
    // state still says the file ended before row 2, the extract's own record says after it.
    writeFileSync(store.manifestFile, before);
    expect(store.manifest()?.generation).toBe(1);
    p.append('3,c,3,2026-01-03 00:00:00\n');
    expect(await store.load()).toMatchObject({ status: 'appended', added: 1, rows: 3, generation: 3 });
    expect(await count(store)).toBe(3);
    expect(store.manifest()).toMatchObject({ generation: 3, tables: { items: 3 } });
  });

  it('another process holding the live file: the append builds on a copy, and this process reads a snapshot', async () => {
    for (const mode of ['write', 'read-only'] as const) {
      const p = setup();
      p.write(csv('1,a,1,2026-01-01 00:00:00'));
      const first = storeOf(p);
      await first.load();
      await first.close();
      await holdInChild(first.file, mode);
      const store = storeOf(p);
      p.append('2,b,2,2026-01-02 00:00:00\n');
      expect([mode, await store.load()]).toMatchObject([mode, { status: 'appended', rows: 2, timings: { where: 'copy' } }]);
      // The other process still holds the replaced file; the new one is free to read.
      expect(await count(store)).toBe(2);
      expect((await store.pool()).path).toBe(store.file);
    }
    const p = setup();
    p.write(csv('1,a,1,2026-01-01 00:00:00'));
    const first = storeOf(p);
    await first.load();
    await first.close();
    await holdInChild(first.file, 'write');
    const reader = storeOf(p);
    expect(await count(reader)).toBe(1);
    expect((await reader.pool()).path).toMatch(/items\.duckdb\.snapshot-\d+-\d+-\d+$/);
    expect(p.extractFiles()).toEqual(['items.duckdb', expect.stringMatching(/^items\.duckdb\.snapshot-/), 'items.json']);
    // Once the other process lets go, the reader's next append takes the live file and drops its snapshot.
    const holder = children.pop() as ChildProcess;
    await new Promise((resolve) => holder.once('exit', resolve).kill());
    p.append('2,b,2,2026-01-02 00:00:00\n');
    expect(await reader.load()).toMatchObject({ status: 'appended', rows: 2, timings: { where: 'in-place' } });
    expect(await count(reader)).toBe(2);
    await reader.close();
    expect(p.extractFiles()).toEqual(['items.duckdb', 'items.json']);
  });

  it('a store appending in place picks up a load another store published by a rename', async () => {
    const p = setup();
    p.write(csv('1,a,1,2026-01-01 00:00:00'));
    const serve = storeOf(p);
    await serve.load();
    p.append('2,b,2,2026-01-02 00:00:00\n');
    expect((await serve.load()).timings?.where).toBe('in-place');
    expect(await count(serve)).toBe(2);
    // A second store over the same folder (as `vitrina ingest` beside `serve`): the file is held, so it copies.
    const ingest = storeOf(p);
    p.append('3,c,3,2026-01-03 00:00:00\n');
    expect(await ingest.load()).toMatchObject({ status: 'appended', rows: 3, generation: 3, timings: { where: 'copy' } });
    await ingest.close();
    expect(await count(serve)).toBe(3);
    expect((await serve.pool()).writable).toBe(false);
    p.append('4,d,4,2026-01-04 00:00:00\n');
    expect(await serve.load()).toMatchObject({ status: 'appended', rows: 4, generation: 4, timings: { where: 'in-place' } });
    expect(await count(serve)).toBe(4);
  });
});
