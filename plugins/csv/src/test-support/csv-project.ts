/**
 * @module Test projects: real files written to a temp folder, a CSV source over them, and loads
 * through the core's real extract engine (ExtractStore: a full load builds a DuckDB file beside the
 * live one and swaps it in, an append writes the live one in one transaction from the plugin's
 * state), returning what a report would see.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { connectorContext, RuntimeSource } from '@vitrina/core';
import type { BadRow } from '@vitrina/core/connector';
import { ExtractStore, type LoadReport, rowObjects } from '@vitrina/core/extract';
import type { CsvOptions } from '../csv-options.js';
import type { CsvSource } from '../csv-source.js';
import connector from '../index.js';

export interface LoadResult {
  /** `rows`: rows this load wrote (the plugin's count); `total`: rows in the extract afterwards. */
  outcome: { status: LoadReport['status']; rows: number; total: number };
  rows: Record<string, unknown>[];
  badRows: BadRow[];
}

export class CsvProject {
  /** The project folder (files are read from here); `new CsvProject(folder)` reads an existing one. */
  readonly dir: string;
  readonly #owned: boolean;
  readonly #work = mkdtempSync(join(tmpdir(), 'vitrina-csv-extract-'));

  constructor(projectDir?: string) {
    this.dir = projectDir ?? mkdtempSync(join(tmpdir(), 'vitrina-csv-'));
    this.#owned = projectDir === undefined;
  }

  write(path: string, content: string | Buffer): string {
    const file = join(this.dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  }

  /** A source as the core creates it (the options pass the plugin's schema first). */
  source(options: CsvOptions, name = 'sales'): CsvSource {
    return connector.create(options, connectorContext({ sourceName: name, projectDir: this.dir })) as CsvSource;
  }

  /** The extract store of source `name`; its files stay in the project's work folder between loads. */
  store(options: CsvOptions, name = 'sales'): ExtractStore {
    const raw = this.source(options, name);
    return new ExtractStore({
      source: name,
      dir: join(this.#work, 'extracts'),
      guard: RuntimeSource.create(name, connector, raw),
      raw,
      querySource: async () => [],
    });
  }

  /**
   * One load: `full` rebuilds the extract; `refresh` is what `serve` does after a change (skip when
   * the fingerprint is unchanged, otherwise let the plugin append from its state).
   */
  async load(options: CsvOptions, mode: 'full' | 'refresh' = 'full', query = 'select * from sales', name = 'sales'): Promise<LoadResult> {
    const store = this.store(options, name);
    try {
      const report = await store.load({ full: mode === 'full' });
      const rows = await (await store.pool()).use(async (c) => rowObjects(await c.runAndReadAll(query)));
      return { outcome: { status: report.status, rows: report.added, total: report.rows }, rows, badRows: report.badRows.first };
    } finally {
      await store.close();
    }
  }

  remove(): void {
    rmSync(this.#work, { recursive: true, force: true });
    if (this.#owned) rmSync(this.dir, { recursive: true, force: true });
  }
}
