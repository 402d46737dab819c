/**
 * @module One source's extract: `<dataDir>/extracts/<source>.duckdb` and its manifest. A load builds
 * a new file beside the live one (a copy of it when appending) and renames it over the live file,
 * so readers never see a half-loaded table and a failed load leaves the previous extract serving.
 * Queries use a read-only pool of the current generation; after a swap the next query opens the
 * new file and the old pool closes once its last query finishes.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ConnectorLogger, Source } from '../connector/connector-types.js';
import { VitrinaError } from '../errors/index.js';
import type { RuntimeSource } from '../source/runtime-source.js';
import { SerialQueue } from '../source/serial-queue.js';
import { quoteIdent } from './duckdb-column-types.js';
import { DuckDBConnectionPool } from './duckdb-pool.js';
import { manifestStamp, readManifest, writeManifest } from './extract-manifest.js';
import { BadRowCollector, extractTarget } from './extract-target.js';
import type { ExtractManifest, LoadReport, RefreshOptions } from './extract-types.js';
import { takeLoadLock } from './load-lock.js';
import { fillFromRowSource, fillFromSqlSource } from './load-source.js';

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

export class ExtractStore {
  readonly file: string;
  readonly manifestFile: string;
  readonly #loads = new SerialQueue();
  #pool: DuckDBConnectionPool | undefined;
  #poolStamp = '';
  #manifest: ExtractManifest | undefined;
  #manifestStamp = '';
  #closed = false;

  constructor(readonly input: ExtractInput) {
    this.file = join(input.dir, `${input.source}.duckdb`);
    this.manifestFile = join(input.dir, `${input.source}.json`);
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

  /** The read-only pool of the current generation. */
  async pool(): Promise<DuckDBConnectionPool> {
    if (this.#closed) throw new VitrinaError('SOURCE_UNAVAILABLE', `the extract of source '${this.input.source}' was closed`);
    const manifest = this.manifest();
    if (!manifest)
      throw new VitrinaError('SOURCE_UNAVAILABLE', `source '${this.input.source}' has no extract yet`, {
        hint: `run: vitrina ingest ${this.input.source}`,
      });
    if (this.#pool && this.#poolStamp === this.#manifestStamp) return this.#pool;
    const previous = this.#pool;
    this.#poolStamp = this.#manifestStamp;
    this.#pool = await DuckDBConnectionPool.open(this.file, { readonly: true });
    void previous?.close();
    return this.#pool;
  }

  /** Loads the source unless its fingerprint is unchanged; never two loads of one source at once. */
  load(options: RefreshOptions = {}): Promise<LoadReport> {
    return this.#loads.run(async () => {
      mkdirSync(this.input.dir, { recursive: true });
      const release = await takeLoadLock(
        join(this.input.dir, `${this.input.source}.lock`),
        `loading source '${this.input.source}'`,
        options.signal,
      );
      try {
        return await this.#load(options);
      } finally {
        release();
      }
    });
  }

  async #load(options: RefreshOptions): Promise<LoadReport> {
    const { source, guard, raw } = this.input;
    const started = performance.now();
    const bad = new BadRowCollector();
    const report = (status: LoadReport['status'], rows: number, added: number, generation?: number): LoadReport => ({
      source,
      status,
      rows,
      added,
      badRows: bad.summary,
      durationMs: Math.round(performance.now() - started),
      generation,
    });
    await guard.ready({ signal: options.signal });
    const previous = this.manifest();
    const fingerprint = await guard.version({ signal: options.signal });
    // '' means the source cannot tell whether it changed: reload it whenever asked.
    if (previous && !options.full && fingerprint !== '' && previous.fingerprint === fingerprint)
      return report('skipped', total(previous), 0, previous.generation);
    const append = Boolean(previous && !options.full && raw.kind === 'rows' && raw.load);
    removeAbandonedBuilds(this.input.dir, `${this.input.source}.duckdb.building-`);
    const building = `${this.file}.building-${process.pid}-${Date.now()}`;
    const tempDir = mkdtempSync(join(this.input.dir, `.${source}-tmp-`));
    let instance: DuckDBInstance | undefined;
    let stopInterrupt: (() => void) | undefined;
    try {
      let mark = performance.now();
      const lap = () => {
        const now = performance.now();
        const ms = Math.round(now - mark);
        mark = now;
        return ms;
      };
      if (append) copyFileSync(this.file, building);
      const copyMs = lap();
      // A bounded memory budget with spilling to the load's scratch folder keeps a big load's
      // memory flat in the file size (DuckDB's default is 80% of the machine's RAM). Measured on
      // the 5M-row call log: peak RSS ≈ budget + ~250 MB; 256MB loads as fast as 1GB did.
      instance = await DuckDBInstance.create(building, { memory_limit: buildMemoryLimit(), temp_directory: tempDir });
      const connection = await instance.connect();
      await connection.run("set TimeZone = 'UTC'");
      // An abort (shutdown, Ctrl-C in ingest) stops the statement DuckDB is running for the plugin.
      const interrupt = () => connection.interrupt();
      options.signal?.addEventListener('abort', interrupt, { once: true });
      stopInterrupt = () => options.signal?.removeEventListener('abort', interrupt);
      const progress = (done: number, totalCount: number | undefined, unit: 'rows' | 'bytes') =>
        options.onProgress?.({ source, done, total: totalCount, unit });
      const target = extractTarget(
        {
          source,
          mode: append ? 'append' : 'full',
          state: previous?.state,
          tempDir,
          connection,
          progress,
          querySource: this.input.querySource,
        },
        bad,
      );
      const ctx = { source, guard, connection, target, signal: options.signal };
      // One transaction for the whole fill: the file is private until it is renamed, and every
      // auto-committed statement would sync DuckDB's write-ahead log (~50-80 ms each here, most of
      // a 10k-row append's time). A failed fill is simply discarded with the file.
      await connection.run('begin transaction');
      const outcome = raw.kind === 'rows' ? await fillFromRowSource(raw, ctx) : await fillFromSqlSource(ctx);
      await connection.run('commit');
      if (outcome.status === 'skipped' && previous) return report('skipped', total(previous), 0, previous.generation);
      const fillMs = lap();
      const tables: Record<string, number> = {};
      for (const row of (
        await connection.runAndReadAll("select table_name from duckdb_tables() where schema_name = 'main' and not temporary order by 1")
      ).getRows())
        tables[String(row[0])] = Number(
          (await connection.runAndReadAll(`select count(*) from ${quoteIdent(String(row[0]))}`)).getRows()[0]?.[0],
        );
      // Everything into the main file, so the renamed file needs no write-ahead log beside it.
      await connection.run('checkpoint');
      connection.closeSync();
      instance.closeSync();
      instance = undefined;
      renameSync(building, this.file);
      rmSync(`${this.file}.wal`, { force: true });
      const status = append && outcome.status !== 'loaded' ? 'appended' : 'loaded';
      const manifest: ExtractManifest = {
        source,
        generation: (previous?.generation ?? 0) + 1,
        fingerprint,
        state: outcome.state,
        tables,
        loadedAt: new Date().toISOString(),
        status,
        durationMs: Math.round(performance.now() - started),
        badRows: bad.summary,
      };
      writeManifest(this.manifestFile, manifest);
      return { ...report(status, total(manifest), outcome.rows, manifest.generation), timings: { copyMs, fillMs, publishMs: lap() } };
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
    } finally {
      stopInterrupt?.();
      try {
        instance?.closeSync();
      } catch {}
      rmSync(building, { force: true });
      rmSync(`${building}.wal`, { force: true });
      rmSync(tempDir, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#loads.run(async () => {});
    await this.#pool?.close();
    this.#pool = undefined;
  }
}

/** DuckDB's memory budget for building an extract: `VITRINA_EXTRACT_MEMORY_LIMIT` (e.g. `4GB`), default `256MB`. */
function buildMemoryLimit(): string {
  return process.env.VITRINA_EXTRACT_MEMORY_LIMIT?.trim() || '256MB';
}

/** Files of loads whose process died (killed ingest, crash): the lock is ours, so no live load owns them. */
function removeAbandonedBuilds(dir: string, prefix: string): void {
  for (const name of readdirSync(dir)) if (name.startsWith(prefix)) rmSync(join(dir, name), { force: true });
  for (const name of readdirSync(dir))
    if (name.startsWith(`.${prefix.split('.duckdb')[0]}-tmp-`)) rmSync(join(dir, name), { recursive: true, force: true });
}

function total(manifest: ExtractManifest): number {
  return Object.values(manifest.tables).reduce((a, b) => a + b, 0);
}
