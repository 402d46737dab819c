/**
 * @module `validate`'s live check: introspects every reachable source once and reports tables and
 * columns that definitions name but the database lacks. Unreachable sources are skipped (their
 * health is reported on its own).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TableInfo } from '../connector/connector-types.js';
import { ProblemList } from '../definition/definition-checks.js';
import { parseJsonDocument } from '../definition/json-document.js';
import { validateColumns } from '../definition/validate-columns.js';
import type { VitrinaError } from '../errors/index.js';
import type { Project } from './open-project.js';

export async function checkColumns(project: Project, options: { cwd?: string; timeoutMs?: number } = {}): Promise<VitrinaError[]> {
  const tables = new Map<string, TableInfo[]>();
  await Promise.all(
    [...project.sources].map(async ([name, source]) => {
      if (source.kind !== 'sql') return;
      try {
        tables.set(name, await source.introspect({ timeoutMs: options.timeoutMs ?? 10_000 }));
      } catch {
        // Unreachable: `sources check` and the panels themselves say why.
      }
    }),
  );
  const problems: VitrinaError[] = [];
  for (const report of project.definitions.reports.values()) {
    const path = resolve(options.cwd ?? process.cwd(), report.file);
    const list = new ProblemList(parseJsonDocument(readFileSync(path, 'utf8'), report.file));
    validateColumns(report.definition, tables, list);
    problems.push(...list.problems);
  }
  return problems;
}
