/** @module Writes the suite's temporary project and opens it through the public API. */
// One config per reporting time zone, all over the same loaded source and the same definitions.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProject, type Project } from '@vitrina/core';
import type { ConnectorHarness, LoadedFixture } from './connector-harness.js';
import { filterParametersReport, filtersReport, measuresReport, timeReport, typesReport } from './reports-data.js';
import { errorsReport, largeReport, periodsReport, scopeReport, shapesReport, slowReports, sqlReport } from './reports-engine.js';

const CLI_DIR = join(import.meta.dirname, '..', '..', 'cli');

export const REPORTS = [
  typesReport,
  timeReport,
  filtersReport,
  filterParametersReport,
  measuresReport,
  periodsReport,
  shapesReport,
  scopeReport,
  sqlReport,
  errorsReport,
  ...slowReports,
  largeReport,
];

/** Moscow (no DST, +3) is the main zone; Berlin for daylight-saving edges; UTC with Sunday weeks for the native path. */
export interface ConformanceProjects {
  moscow: Project;
  berlin: Project;
  utc: Project;
  close(): Promise<void>;
}

const ZONES = {
  moscow: { timezone: 'Europe/Moscow', weekStart: 'monday' },
  berlin: { timezone: 'Europe/Berlin', weekStart: 'monday' },
  utc: { timezone: 'UTC', weekStart: 'sunday' },
} as const;

export async function openConformanceProjects(harness: ConnectorHarness, loaded: LoadedFixture): Promise<ConformanceProjects> {
  const dir = mkdtempSync(join(tmpdir(), `vitrina-conformance-${harness.name}-`));
  mkdirSync(join(dir, 'report-definitions'));
  for (const report of REPORTS)
    writeFileSync(join(dir, 'report-definitions', `${report.id}.json`), JSON.stringify(perTableSources(report, loaded), null, 2));
  const tableSources = Object.fromEntries(Object.entries(loaded.tableSources ?? {}).map(([table, block]) => [`data_${table}`, block]));
  const opened: Project[] = [];
  try {
    const open = async (zone: keyof typeof ZONES) => {
      const configPath = join(dir, `${zone}.config.json`);
      const config = {
        ...loaded.config,
        plugins: [harness.plugin],
        sources: { data: loaded.source, ...tableSources, broken: loaded.brokenSource },
        definitions: 'report-definitions',
        ...ZONES[zone],
        // Every render must reach the connector: a cached answer would prove nothing about it.
        cache: { ttlSeconds: 0 },
        query: { maxRows: 150_000, timeoutSeconds: 60 },
      };
      writeFileSync(configPath, JSON.stringify(config, null, 2));
      const project = await openProject({ configPath, resolveFrom: [CLI_DIR] });
      opened.push(project);
      return project;
    };
    const [moscow, berlin, utc] = [await open('moscow'), await open('berlin'), await open('utc')];
    return {
      moscow,
      berlin,
      utc,
      async close() {
        await Promise.allSettled(opened.map((p) => p.close()));
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.allSettled(opened.map((p) => p.close()));
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A definition for a connector of one table per source: a dataset of source `data` reading a table
 * that has its own source (`table`, or `from <table>` in a SQL dataset) reads it from `data_<table>`.
 */
function perTableSources<T>(report: T, loaded: LoadedFixture): T {
  const own = loaded.tableSources;
  if (!own) return report;
  const copy = structuredClone(report) as T & { datasets?: Record<string, { source?: string; table?: string; sql?: string }> };
  for (const dataset of Object.values(copy.datasets ?? {})) {
    if (dataset.source !== 'data') continue;
    const table = dataset.table ?? dataset.sql?.match(/\bfrom\s+([a-z_]+)/i)?.[1];
    if (table && table in own) dataset.source = `data_${table}`;
  }
  return copy;
}
