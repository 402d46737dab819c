/**
 * @module Test helper: a telephony source loaded by the core's real extract engine (ExtractStore:
 * full loads build a DuckDB file beside the live one and swap it in, appends write the live one in
 * one transaction, from the state), and queries of the result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectorContext, RuntimeSource } from '@vitrina/core';
import { ExtractStore, type LoadReport, rowObjects } from '@vitrina/core/extract';
import connector from '../index.js';
import type { TelephonyOptions } from '../telephony-options.js';

export interface CallsExtract {
  load(full?: boolean): Promise<LoadReport>;
  /** The extract's manifest file (a test may put an older one back, as a crash before publishing would leave it). */
  manifestFile: string;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface CallsExtractOptions {
  projectDir: string;
  /** The project's time zone (the PBX default). Default `UTC`. */
  timezone?: string;
  dataFolders?: string[];
  querySource?: (source: string, sql: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>[]>;
}

export function callsExtract(options: Partial<TelephonyOptions> & { file: string }, setup: CallsExtractOptions): CallsExtract {
  const context = connectorContext({
    sourceName: 'pbx',
    projectDir: setup.projectDir,
    timezone: setup.timezone ?? 'UTC',
    dataFolders: setup.dataFolders,
  });
  const raw = connector.create(options as TelephonyOptions, context);
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-telephony-extract-'));
  const store = new ExtractStore({
    source: 'pbx',
    dir,
    guard: RuntimeSource.create('pbx', connector, raw),
    raw,
    querySource: setup.querySource ?? (async () => []),
  });
  return {
    load: (full = false) => store.load({ full }),
    manifestFile: store.manifestFile,
    rows: async (sql) => (await store.pool()).use(async (c) => rowObjects(await c.runAndReadAll(sql))),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The reference call logs: beside the checkout, or where VITRINA_REFERENCE_DATA points. */
export const REFERENCE_DATA =
  process.env.VITRINA_REFERENCE_DATA ?? join(import.meta.dirname, '..', '..', '..', '..', '..', 'shared', 'reference-data');
