/**
 * @module Test projects: real files written to a temp folder, a CSV source over them, and a load
 * into a DuckDB file through {@link openTestTarget}, returning what a report would see.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { connectorContext } from '@vitrina/core';
import type { BadRow, LoadOutcome } from '@vitrina/core/connector';
import type { CsvOptions } from '../csv-options.js';
import type { CsvSource } from '../csv-source.js';
import connector from '../index.js';
import { openTestTarget } from './duckdb-test-target.js';

export interface LoadResult {
  outcome: LoadOutcome;
  rows: Record<string, unknown>[];
  badRows: BadRow[];
}

export class CsvProject {
  readonly dir = mkdtempSync(join(tmpdir(), 'vitrina-csv-'));
  readonly extract = join(this.dir, 'extract.duckdb');
  #state: Record<string, unknown> | undefined;

  write(path: string, content: string | Buffer): string {
    const file = join(this.dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  }

  /** A source named `sales` as the core would create it (the options pass the plugin's schema first). */
  source(options: CsvOptions, name = 'sales'): CsvSource {
    return connector.create(options, connectorContext({ sourceName: name, projectDir: this.dir })) as CsvSource;
  }

  /**
   * Loads into the project's extract file: `append` hands the previous load's state as the core
   * does after a change; `full` (the default) starts a new extract.
   */
  async load(options: CsvOptions, mode: 'full' | 'append' = 'full', query = 'select * from sales'): Promise<LoadResult> {
    if (mode === 'full') rmSync(this.extract, { force: true });
    const target = await openTestTarget(this.extract, { mode, state: mode === 'append' ? this.#state : undefined });
    try {
      const outcome = await this.source(options).load(target, {});
      this.#state = outcome.state;
      return { outcome, rows: await target.rows(query), badRows: target.badRows };
    } finally {
      target.close();
    }
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
