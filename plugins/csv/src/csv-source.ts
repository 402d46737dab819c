/** @module The CSV source: one file or a glob of files as one table, loaded by DuckDB's CSV reader. */
import { access, constants } from 'node:fs/promises';
import { VitrinaError } from '@vitrina/core';
import type {
  CallOptions,
  ConnectorContext,
  ExtractTarget,
  HealthResult,
  LoadOutcome,
  RowSource,
  TableInfo,
} from '@vitrina/core/connector';
import { safeIdentifier } from './column-names.js';
import { normalise } from './csv-encoding.js';
import { fingerprint, listCsvFiles } from './csv-files.js';
import { loadCsv } from './csv-loader.js';
import type { CsvOptions } from './csv-options.js';
import { inspectFiles } from './inspect-files.js';
import { optionsHash } from './load-state.js';
import { DUCKDB_TYPES, planTable, type TablePlan } from './table-plan.js';

export class CsvSource implements RowSource {
  readonly kind = 'rows' as const;
  readonly #options: CsvOptions;
  readonly #context: ConnectorContext;

  constructor(options: CsvOptions, context: ConnectorContext) {
    // Checked here, without touching the disk, so a bad path or encoding fails at start-up.
    context.resolvePath(options.path, 'path');
    if (options.encoding && options.encoding !== 'auto') {
      try {
        normalise(options.encoding);
      } catch (error) {
        throw new VitrinaError('SOURCE_CONFIG_INVALID', `source '${context.sourceName}': ${(error as Error).message}`, {
          pointer: `/sources/${context.sourceName}/encoding`,
          hint: 'use "auto", "utf-8", "windows-1251" or another encoding iconv-lite knows',
          cause: error,
        });
      }
    }
    this.#options = { ...options, table: options.table ?? safeIdentifier(context.sourceName, 0) };
    this.#context = context;
  }

  /** The table as the next load will create it: names, inferred types (fidelity `inferred`) and forced ones. */
  async plan(_options: CallOptions = {}): Promise<TablePlan> {
    const files = await listCsvFiles(this.#options.path, this.#context);
    // Introspection describes the readable files; bad ones are the load's business.
    const { formats } = await inspectFiles(this.#options, this.#context, files, () => {});
    return planTable(this.#context.sourceName, this.#options, formats);
  }

  async introspect(options: CallOptions): Promise<TableInfo[]> {
    const plan = await this.plan(options);
    const columns = plan.columns.map((c) => ({
      name: c.name,
      type: c.type,
      nativeType: DUCKDB_TYPES[c.type],
      nullable: true,
      // A type written in the config is declared, not guessed.
      fidelity: c.forced ? ('precise' as const) : ('inferred' as const),
    }));
    return [{ name: plan.table, kind: 'table', columns }];
  }

  async version(_options: CallOptions): Promise<string> {
    return fingerprint(await listCsvFiles(this.#options.path, this.#context), optionsHash(this.#options));
  }

  load(target: ExtractTarget, options: CallOptions): Promise<LoadOutcome> {
    return loadCsv(this.#options, this.#context, target, options.signal);
  }

  async checkHealth(_options: CallOptions): Promise<HealthResult> {
    try {
      const files = await listCsvFiles(this.#options.path, this.#context);
      for (const file of files) await access(file.path, constants.R_OK);
      return { ok: true, details: { files: files.length, bytes: files.reduce((sum, f) => sum + f.size, 0) } };
    } catch (error) {
      const e = error as Error & { code?: string };
      return { ok: false, reason: e.message, ...(e.code ? { code: e.code } : {}) };
    }
  }
}
