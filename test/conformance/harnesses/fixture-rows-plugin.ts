/**
 * @module A test-only row-source plugin that serves the conformance fixture from a JSON file through
 * `read` batches, so the suite runs against the DuckDB extract the core builds from any row source.
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { defineConnector, type LogicalType, type RowSource, VitrinaError } from '@vitrina/core';
import type { Fixture, FixtureType } from '../fixture.js';

const LOGICAL: Record<FixtureType, LogicalType> = {
  integer: 'integer',
  text: 'string',
  decimal: 'number',
  real: 'number',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
};

/** Rows per batch: small enough that the 100,000-row table arrives in many batches, as a file reader's would. */
const BATCH = 10_000;

function fixtureSource(file: string): RowSource {
  const fixture = async (): Promise<Fixture> => {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as Fixture;
    } catch (error) {
      throw new VitrinaError('SOURCE_UNAVAILABLE', `cannot read the fixture ${file}: ${(error as Error).message}`, { cause: error });
    }
  };
  return {
    kind: 'rows',
    async introspect() {
      return (await fixture()).tables.map((t) => ({
        name: t.name,
        kind: 'table' as const,
        columns: t.columns.map((c) => ({ name: c.name, type: LOGICAL[c.type], nullable: c.nullable, fidelity: 'precise' as const })),
      }));
    },
    async version() {
      const s = statSync(file, { throwIfNoEntry: false });
      return s ? `${s.size}:${s.mtimeMs}` : 'missing';
    },
    async *read(request) {
      const table = (await fixture()).tables.find((t) => t.name === request.table);
      if (!table) throw new VitrinaError('SOURCE_UNAVAILABLE', `the fixture has no table '${request.table}'`);
      const columns = table.columns.map((c) => c.name);
      for (let i = 0; i < table.rows.length; i += BATCH) yield { columns, rows: table.rows.slice(i, i + BATCH).map((r) => [...r]) };
    },
  };
}

export default defineConnector<{ file: string }>({
  name: 'fixture-rows',
  apiVersion: 1,
  configSchema: { type: 'object', required: ['file'], properties: { file: { type: 'string' } } },
  // Test-only: the fixture sits in its own temporary folder, outside the suite's project folder.
  create: (options) => fixtureSource(options.file),
});
