/**
 * @module Extensions → CRM managers: an inline object (`{ "101": 7 }`), a CSV file with columns
 * `extension,manager_id[,manager_name,department_id,department]`, or a read-only query on another source (the CRM) through
 * `target.querySource`. Whatever the form, it becomes a small table the `calls` load joins on.
 */
import { readFile } from 'node:fs/promises';
import { VitrinaError } from '@vitrina/core';
import type { ConnectorContext, ExtractTarget } from '@vitrina/core/connector';
import { parse } from 'csv-parse/sync';
import type { ManagerMapping } from './telephony-options.js';

export interface ManagerRow {
  extension: string;
  manager_id: string | number;
  manager_name: string | null;
  department_id: string | number | null;
  department: string | null;
}

/** The mapping rows, read from wherever the options say. */
export async function managerRows(mapping: ManagerMapping, context: ConnectorContext, target: ExtractTarget): Promise<ManagerRow[]> {
  let rows: Record<string, unknown>[];
  if ('sql' in mapping && typeof mapping.sql === 'string' && typeof mapping.source === 'string') {
    rows = await target.querySource(mapping.source, mapping.sql);
  } else if ('file' in mapping && typeof mapping.file === 'string') {
    const path = context.resolvePath(mapping.file, 'managers/file');
    rows = parse(await readFile(path), {
      bom: true,
      columns: true,
      skip_empty_lines: true,
      trim: true,
      delimiter: [',', ';', '\t'],
    }) as Record<string, string>[];
  } else {
    rows = Object.entries(mapping).map(([extension, manager_id]) => ({ extension, manager_id }));
  }
  return rows.map((row, i) => {
    const extension = row.extension;
    const id = row.manager_id;
    if (extension === null || extension === undefined || id === null || id === undefined || id === '')
      throw new VitrinaError(
        'SOURCE_CONFIG_INVALID',
        `source '${context.sourceName}': manager mapping row ${i + 1} lacks extension or manager_id`,
        {
          pointer: `/sources/${context.sourceName}/managers`,
          hint: 'the mapping needs columns named extension and manager_id (and optionally manager_name)',
        },
      );
    const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
    return {
      extension: String(extension),
      manager_id: id as string | number,
      manager_name: text(row.manager_name),
      department_id: text(row.department_id),
      department: text(row.department ?? row.department_name),
    };
  });
}

/** Ids stay integers when they all are (CRM keys), so they compare with the CRM's without casts. */
export function idType(rows: readonly ManagerRow[], key: 'manager_id' | 'department_id' = 'manager_id'): 'BIGINT' | 'VARCHAR' {
  return rows.every((r) => r[key] === null || /^-?\d{1,15}$/.test(String(r[key]))) ? 'BIGINT' : 'VARCHAR';
}

/** Creates the temporary mapping table `table` in the extract being built. */
export async function createManagerTable(target: ExtractTarget, table: string, rows: readonly ManagerRow[]): Promise<void> {
  const types = { manager: idType(rows), department: idType(rows, 'department_id') };
  await target.run(
    `CREATE OR REPLACE TEMP TABLE ${table} (extension VARCHAR, manager_id ${types.manager}, manager_name VARCHAR, department_id ${types.department}, department VARCHAR)`,
  );
  const seen = new Set<string>();
  const unique = rows.filter((r) => !seen.has(r.extension) && seen.add(r.extension));
  for (let i = 0; i < unique.length; i += 300) {
    const batch = unique.slice(i, i + 300);
    const values = batch
      .map(
        (_, j) =>
          `($${j * 5 + 1}, CAST($${j * 5 + 2} AS ${types.manager}), $${j * 5 + 3}, CAST($${j * 5 + 4} AS ${types.department}), $${j * 5 + 5})`,
      )
      .join(', ');
    const params = batch.flatMap((r) => [
      r.extension,
      String(r.manager_id),
      r.manager_name,
      r.department_id === null ? null : String(r.department_id),
      r.department,
    ]);
    await target.run(`INSERT INTO ${table} VALUES ${values}`, params);
  }
}
