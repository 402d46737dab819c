/**
 * @module One source's extract: `<dataDir>/extracts/<source>.duckdb` and its manifest. A full load
 * builds a new file beside the live one and renames it over it. An append writes the live file in
 * place, in one DuckDB transaction on the instance the queries use: a query sees the extract as it
 * was before the append or after it, never part of it, and a failed append rolls back, so the
 * previous extract keeps serving. When the live file cannot be written here (another process holds
 * it, or queries are running on this process's read-only handle) the append builds on a copy and
 * renames it, as a full load does.
 * Queries open the live file read-only; a process that cannot (another one holds it with write
 * access) reads a private snapshot of it. A load published by a rename changes the manifest's
 * stamp: the next query opens the new file and the old handle closes once its last query ends.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ConnectorLogger, Source } from '../connector/connector-types.js';
import { VitrinaError } from '../errors/index.js';
import type { RuntimeSource } from '../source/runtime-source.js';
import { SerialQueue } from '../source/serial-queue.js';
import { buildMemoryLimit, checkpoint, interruptOnAbort } from './duckdb-load-steps.js';
import { DuckDBConnectionPool, isLockConflict } from './duckdb-pool.js';
import { copyExtractFile, removeAbandonedBuilds, removeAbandonedSnapshots, removeExtractFile, snapshotName } from './extract-copy.js';
import { manifestStamp, readManifest, writeManifest } from './extract-manifest.js';
import { BadRowCollector } from './extract-target.js';
import type { ExtractManifest, LoadReport, RefreshOptions } from './extract-types.js';
import { type FillResult, fillExtract } from './fill-extract.js';
import { takeLoadLock } from './load-lock.js';
import { type LoadRun, report, stopwatch, timed, total } from './load-report.js';

export interface ExtractInput {
  source: string;
  /** Folder of the extract files (`<project>/<dataDir>/extracts`). */
  dir: string;
  /** The plugin's source behind its usual guard (init once, errors naming the source). */
  guard: RuntimeSource;
  raw: Source;
  querySource(source: string, sql: string, params?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  log?: ConnectorLogger;
}

/** A published load, and what is left to do before the load lock is released. */
interface Loaded {
  report: LoadReport;
  settle?: () => Promise<void>;
}

export class ExtractStore {
  readonly file: string;
  readonly manifestFile: string;
  readonly #lockFile: string;
  readonly #loads = new SerialQueue();
  /** Opening, switching and closing the handle of the file, one at a time. */
  readonly #handles = new SerialQueue();
  #handleWork = 0;
  #pool: DuckDBConnectionPool | undefined;
  #poolStamp = '';
  /** Handles replaced by a newer one, closing once their last query ends. */
  readonly #retiring = new Set<Promise<void>>();
  #manifest: ExtractManifest | undefined;
  #manifestStamp = '';
  #closed = false;

  constructor(readonly input: ExtractInput) {
    this.file = join(input.dir, `${input.source}.duckdb`);
    this.manifestFile = join(input.dir, `${input.source}.json`);
    this.#lockFile = join(input.dir, `${input.source}.lock`);
  }

  /** The published manifest, re-read only when its file changed (a stat per call). */
  manifest(): ExtractManifest | undefined {
    const stamp = manifestStamp(this.manifestFile);
    if (stamp !== this.#manifestStamp) {
      this.#manifestStamp = stamp;
      this.#manifest = stamp && existsSync(this.file) ? readManifest(this.manifestFile) : undefined;
    }
    return this.#manifest;
  }

  /** The handle queries run on: the current generation, read-only unless this process appends to it in place. */
  async pool(): Promise<DuckDBConnectionPool> {
    this.#ready();
    if (this.#pool && this.#poolStamp === this.#manifestStamp) return this.#pool;
    return this.#exclusive(async () => {
      this.#ready();
      if (this.#pool && this.#poolStamp === this.#manifestStamp) return this.#pool;
      const stamp = this.#manifestStamp;
      await this.#retire();
      this.#pool = await this.#openForQueries();
      this.#poolStamp = stamp;
      return this.#pool;
    });
  }

  /**
   * Loads the source unless its fingerprint is unchanged; never two loads of one source at once.
   * Resolves once the load is published (queryable and durable); an in-place append's checkpoint
   * (moving the rows from DuckDB's log into the file) follows, still under the load lock.
   */
  load(options: RefreshOptions = {}): Promise<LoadReport> {
    return new Promise<LoadReport>((resolve, reject) => {
      void this.#loads.run(async () => {
        let release: (() => void) | undefined;
        try {
          mkdirSync(this.input.dir, { recursive: true });
          release = await takeLoadLock(this.#lockFile, `loading source '${this.input.source}'`, options.signal);
          const { report, settle } = await this.#load(options);
          if (settle) {
            resolve(report);
            await settle();
          } else {
            release();
            release = undefined;
            resolve(report);
          }
        } catch (error) {
          release?.();
          release = undefined;
          reject(error);
        } finally {
          release?.();
        }
      });
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#loads.run(async () => {});
    await this.#handles.run(async () => {});
    const pool = this.#pool;
    this.#pool = undefined;
    if (pool?.writable && existsSync(`${pool.path}.wal`)) {
      // DuckDB's checkpoint on close writes the file: not while another process copies it.
      const release = await takeLoadLock(this.#lockFile, 'closing the extract', AbortSignal.timeout(10_000)).catch(() => undefined);
      try {
        await pool.close();
      } finally {
        release?.();
      }
    } else await pool?.close();
    if (pool && pool.path !== this.file) removeExtractFile(pool.path);
    await Promise.all(this.#retiring);
  }

  #ready(): void {
    if (this.#closed) throw new VitrinaError('SOURCE_UNAVAILABLE', `the extract of source '${this.input.source}' was closed`);
    if (!this.manifest())
      throw new VitrinaError('SOURCE_UNAVAILABLE', `source '${this.input.source}' has no extract yet`, {
        hint: `run: vitrina ingest ${this.input.source}`,
      });
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.#handleWork++;
    return this.#handles.run(work).finally(() => this.#handleWork--);
  }

  /** The live file read-only, or a snapshot of it when another process holds it with write access. */
  async #openForQueries(): Promise<DuckDBConnectionPool> {
    try {
      return await DuckDBConnectionPool.open(this.file, { readonly: true });
    } catch (error) {
      if (!isLockConflict(error)) throw error;
    }
    const snapshot = snapshotName(this.file);
    const release = await takeLoadLock(this.#lockFile, `reading source '${this.input.source}'`);
    try {
      copyExtractFile(this.file, snapshot);
    } finally {
      release();
    }
    try {
      return await DuckDBConnectionPool.open(snapshot, { readonly: true });
    } catch (error) {
      removeExtractFile(snapshot);
      throw error;
    }
  }

  /** Stops using the current handle; it closes once its queries end (at once when it is the live file itself). */
  async #retire(): Promise<void> {
    const old = this.#pool;
    this.#pool = undefined;
    if (!old) return;
    const closing = old.close().then(
      () => old.path !== this.file && removeExtractFile(old.path),
      () => {},
    );
    // Closing a handle drops every POSIX lock this process holds on its file, the new handle's
    // included: a handle of the same file must be gone before another one opens it.
    if (old.path === this.file && old.inode === inodeOf(this.file)) return closing.then(() => {});
    const tracked: Promise<void> = closing.then(() => {
      this.#retiring.delete(tracked);
    });
    this.#retiring.add(tracked);
  }

  /**
   * A handle with write access to the live file, for an append in place (the caller holds the
   * load lock); undefined when there is none to be had without waiting: another process holds the
   * file, queries are running on this process's read-only handle, or a handle is being switched.
   */
  async #writable(): Promise<DuckDBConnectionPool | undefined> {
    if (this.#handleWork > 0 || this.#retiring.size > 0) return undefined;
    return this.#exclusive(async () => {
      const stamp = this.#manifestStamp;
      const current = this.#pool;
      if (current?.writable && current.path === this.file && this.#poolStamp === stamp && current.inode === inodeOf(this.file))
        return current;
      if (current && current.path !== this.file) {
        // A snapshot (another process held the file): keep reading it unless the live file can be had.
        const live = await this.#openWritable();
        if (live) await this.#retire();
        if (live) {
          this.#pool = live;
          this.#poolStamp = stamp;
        }
        return live;
      }
      if (current) {
        // New queries wait for the switch (once per process: the handle keeps its write access);
        // queries running on the read-only handle get a moment to finish, else this append copies.
        this.#pool = undefined;
        const patience = performance.now() + SWITCH_WAIT_MS;
        do await new Promise((resolve) => setTimeout(resolve, current.leased > 0 ? 5 : 0));
        while (current.leased > 0 && performance.now() < patience);
        if (current.leased > 0) {
          this.#pool = current;
          return undefined;
        }
        await current.close();
        if (current.path !== this.file) removeExtractFile(current.path);
      }
      this.#pool = await this.#openWritable();
      this.#poolStamp = stamp;
      return this.#pool;
    });
  }

  async #openWritable(): Promise<DuckDBConnectionPool | undefined> {
    try {
      return await DuckDBConnectionPool.open(this.file);
    } catch (error) {
      if (isLockConflict(error)) return undefined;
      throw error;
    }
  }

  async #load(options: RefreshOptions): Promise<Loaded> {
    const { source, guard, raw } = this.input;
    const started = performance.now();
    const bad = new BadRowCollector();
    await guard.ready({ signal: options.signal });
    const previous = this.manifest();
    const fingerprint = await guard.version({ signal: options.signal });
    const run: LoadRun = { source, options, previous, fingerprint, bad, started };
    // '' means the source cannot tell whether it changed: reload it whenever asked.
    if (previous && !options.full && fingerprint !== '' && previous.fingerprint === fingerprint)
      return { report: report(run, 'skipped', total(previous), 0, previous.generation) };
    const append = Boolean(previous && !options.full && raw.kind === 'rows' && raw.load);
    removeAbandonedBuilds(this.input.dir, `${source}.duckdb.building-`);
    removeAbandonedSnapshots(this.file);
    try {
      const live = append ? await this.#writable() : undefined;
      return live ? await this.#appendInPlace(live, run) : { report: await this.#build(append, run) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const named = message.includes(`'${source}'`) ? message : `source '${source}': ${message}`;
      throw new VitrinaError(error instanceof VitrinaError ? error.code : 'SOURCE_UNAVAILABLE', `loading the extract failed: ${named}`, {
        cause: error,
        ...(error instanceof VitrinaError ? error.location : {}),
        hint: previous
          ? `the previous extract (loaded ${previous.loadedAt}) keeps serving; fix the input and run: vitrina ingest ${source}`
          : ((error instanceof VitrinaError ? error.hint : undefined) ?? `fix the input and run: vitrina ingest ${source}`),
      });
    }
  }

  /**
   * Appends to the live file in one transaction on the queries' own instance, and publishes it.
   * `settle` then checkpoints: DuckDB's commit already made the rows durable in its log; the
   * checkpoint moves them into the file, so that a copy of it (another process's load or
   * snapshot) needs no log, and costs ~50-150 ms that no reader has to wait for.
   */
  async #appendInPlace(pool: DuckDBConnectionPool, run: LoadRun): Promise<Loaded> {
    const lap = stopwatch();
    const connection = await pool.acquire({ fresh: true });
    const tempDir = mkdtempSync(join(this.input.dir, `.${this.input.source}-tmp-`));
    const stopInterrupt = interruptOnAbort(connection, run.options.signal);
    const done = () => {
      stopInterrupt();
      pool.release(connection, { discard: true });
      rmSync(tempDir, { recursive: true, force: true });
    };
    try {
      const filled = await fillExtract({ ...this.#fillRequest(run), connection, mode: 'append', tempDir });
      if (filled.status === 'skipped' && run.previous) {
        done();
        return { report: report(run, 'skipped', total(run.previous), 0, run.previous.generation) };
      }
      const fillMs = lap();
      const manifest = this.#publish(run, filled);
      // The handle already shows the new rows: it stays (no reopen, its caches stay warm).
      if (this.#pool === pool) this.#poolStamp = this.#manifestStamp;
      const published = timed(report(run, manifest.status, total(manifest), filled.rows, manifest.generation), {
        where: 'in-place',
        copyMs: 0,
        fillMs,
        publishMs: lap(),
      });
      const settle = async () => {
        try {
          if (!(await checkpoint(connection, run.options.signal)))
            this.input.log?.debug(
              `extract of source '${this.input.source}': checkpoint deferred (a long query still reads the previous rows)`,
            );
        } finally {
          done();
        }
      };
      return { report: published, settle };
    } catch (error) {
      done();
      throw error;
    }
  }

  /** Builds a new file (a copy of the live one when appending) and renames it over the live one. */
  async #build(append: boolean, run: LoadRun): Promise<LoadReport> {
    const building = `${this.file}.building-${process.pid}-${Date.now()}`;
    const tempDir = mkdtempSync(join(this.input.dir, `.${this.input.source}-tmp-`));
    let instance: DuckDBInstance | undefined;
    let stopInterrupt: (() => void) | undefined;
    try {
      const lap = stopwatch();
      if (append) copyExtractFile(this.file, building);
      const copyMs = lap();
      // A bounded memory budget with spilling to the load's scratch folder keeps a big load's
      // memory flat in the file size (DuckDB's default is 80% of the machine's RAM). Measured on
      // the 5M-row call log: peak RSS ≈ budget + ~250 MB; 256MB loads as fast as 1GB did.
      instance = await DuckDBInstance.create(building, { memory_limit: buildMemoryLimit(), temp_directory: tempDir });
      const connection = await instance.connect();
      await connection.run("set TimeZone = 'UTC'");
      stopInterrupt = interruptOnAbort(connection, run.options.signal);
      const filled = await fillExtract({ ...this.#fillRequest(run), connection, mode: append ? 'append' : 'full', tempDir });
      if (filled.status === 'skipped' && run.previous) return report(run, 'skipped', total(run.previous), 0, run.previous.generation);
      const fillMs = lap();
      // Everything into the main file, so the renamed file needs no write-ahead log beside it.
      await connection.run('checkpoint');
      connection.closeSync();
      instance.closeSync();
      instance = undefined;
      renameSync(building, this.file);
      rmSync(`${this.file}.wal`, { force: true });
      const manifest = this.#publish(run, filled);
      return timed(report(run, manifest.status, total(manifest), filled.rows, manifest.generation), {
        where: append ? 'copy' : 'new-file',
        copyMs,
        fillMs,
        publishMs: lap(),
      });
    } finally {
      stopInterrupt?.();
      try {
        instance?.closeSync();
      } catch {}
      removeExtractFile(building);
      rmSync(tempDir, { recursive: true, force: true });
    }
  }

  #fillRequest(run: LoadRun) {
    return { input: this.input, previous: run.previous, fingerprint: run.fingerprint, bad: run.bad, options: run.options };
  }

  /** Writes the manifest of a committed load: queries and caches follow its generation. */
  #publish(run: LoadRun, filled: FillResult): ExtractManifest {
    const manifest: ExtractManifest = {
      source: this.input.source,
      generation: filled.generation,
      fingerprint: run.fingerprint,
      state: filled.state,
      tables: filled.tables,
      loadedAt: new Date().toISOString(),
      status: filled.status === 'appended' ? 'appended' : 'loaded',
      durationMs: Math.round(performance.now() - run.started),
      badRows: run.bad.summary,
    };
    writeManifest(this.manifestFile, manifest);
    this.manifest();
    return manifest;
  }
}

/** How long new queries may wait for the ones on a read-only handle before it is switched to write access. */
const SWITCH_WAIT_MS = 1000;

function inodeOf(file: string): number {
  return statSync(file, { throwIfNoEntry: false })?.ino ?? -1;
}
