/**
 * @module The telephony row source: call logs → one normalised `calls` table in the extract,
 * loaded by DuckDB SQL (`read_csv` + one normalising SELECT), appended to when a log only grew.
 */
import { existsSync } from 'node:fs';
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
import { CALLS_TABLE, callsColumns } from './calls-table.js';
import { listFiles } from './cdr-files.js';
import { loadCalls } from './load-calls.js';
import { optionsKey } from './load-plan.js';
import type { TelephonyOptions } from './telephony-options.js';

export class TelephonySource implements RowSource {
  readonly kind = 'rows' as const;
  readonly #options: TelephonyOptions;
  readonly #context: ConnectorContext;
  readonly #pattern: string;
  readonly #timezone: string;

  constructor(options: TelephonyOptions, context: ConnectorContext) {
    this.#options = options;
    this.#context = context;
    this.#pattern = context.resolvePath(options.file, 'file');
    this.#timezone = options.timezone ?? context.timezone;
    try {
      new Intl.DateTimeFormat('en', { timeZone: this.#timezone });
    } catch (cause) {
      throw new VitrinaError('SOURCE_CONFIG_INVALID', `source '${context.sourceName}': unknown time zone '${this.#timezone}'`, {
        pointer: `/sources/${context.sourceName}/timezone`,
        hint: 'use an IANA name such as Europe/Moscow',
        cause,
      });
    }
  }

  async introspect(_options: CallOptions): Promise<TableInfo[]> {
    return [{ name: CALLS_TABLE, kind: 'table', columns: callsColumns() }];
  }

  async checkHealth(_options: CallOptions): Promise<HealthResult> {
    const files = await listFiles(this.#pattern).catch(() => []);
    if (files.length === 0) return { ok: false, reason: `no call log at ${this.#pattern}`, code: 'ENOENT' };
    return { ok: true, details: { files: files.length, bytes: files.reduce((n, f) => n + f.size, 0) } };
  }

  /** Names, sizes and modification times of the logs, and the options: any change reloads. */
  async version(_options: CallOptions): Promise<string> {
    if (!existsSync(this.#pattern) && !/[*?[{]/.test(this.#pattern)) return `missing:${optionsKey(this.#options, this.#timezone)}`;
    const files = await listFiles(this.#pattern);
    return `${optionsKey(this.#options, this.#timezone)}|${files.map((f) => `${f.path}:${f.size}:${f.mtimeMs}`).join('|')}`;
  }

  async load(target: ExtractTarget, options: CallOptions): Promise<LoadOutcome> {
    return loadCalls({
      target,
      options: this.#options,
      context: this.#context,
      pattern: this.#pattern,
      timezone: this.#timezone,
      signal: options.signal,
    });
  }
}
