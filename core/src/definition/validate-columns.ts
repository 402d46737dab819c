/**
 * @module Checks a definition against the live schema of its sources: the tables and columns it
 * names must exist. Runs in `vitrina validate` when a source is reachable, so a typo in a column
 * is caught before a viewer meets it as a failed panel.
 */
import type { TableInfo } from '../connector/connector-types.js';
import { didYouMean } from '../errors/index.js';
import type { ProblemList } from './definition-checks.js';
import type { Conditions, DatasetDefinition, ReportDefinition } from './report-definition.js';

type Path = (string | number)[];

function conditionColumns(dataset: DatasetDefinition, conditions: Conditions | undefined, path: Path): [string, Path][] {
  return Object.keys(conditions ?? {})
    .filter((key) => !dataset.dimensions?.[key])
    .map((key) => [key, [...path, key]]);
}

/** Every column a table dataset names, with where it is named. */
export function columnReferences(dataset: DatasetDefinition, at: Path): [string, Path][] {
  const refs: [string, Path][] = [];
  if (typeof dataset.time === 'string') refs.push([dataset.time, [...at, 'time']]);
  else if (dataset.time) refs.push([dataset.time.column, [...at, 'time', 'column']]);
  for (const [name, dim] of Object.entries(dataset.dimensions ?? {})) refs.push([dim.column ?? name, [...at, 'dimensions', name]]);
  for (const [name, m] of Object.entries(dataset.measures ?? {})) {
    if (m.column) refs.push([m.column, [...at, 'measures', name, 'column']]);
    refs.push(...conditionColumns(dataset, m.where, [...at, 'measures', name, 'where']));
  }
  refs.push(...conditionColumns(dataset, dataset.filters, [...at, 'filters']));
  for (const key of Object.keys(dataset.rowScope ?? {})) if (!dataset.dimensions?.[key]) refs.push([key, [...at, 'rowScope', key]]);
  for (const [name, computed] of Object.entries(dataset.columns ?? {})) {
    const path = [...at, 'columns', name];
    if ('daysSince' in computed) refs.push([computed.daysSince, [...path, 'daysSince']]);
    else refs.push([computed.duration.from, [...path, 'duration', 'from']], [computed.duration.to, [...path, 'duration', 'to']]);
  }
  (dataset.joins ?? []).forEach((join, j) => {
    for (const [left, right] of Object.entries(join.on)) {
      refs.push([left, [...at, 'joins', j, 'on', left]]);
      refs.push([`${join.as}.${right}`, [...at, 'joins', j, 'on', left]]);
    }
  });
  // A computed column is checked through its inputs, not as a column of the table.
  return refs.filter(([ref]) => !dataset.columns?.[ref]);
}

/** `tables` per source name; sources missing from the map (unreachable) are skipped. */
export function validateColumns(def: ReportDefinition, tables: ReadonlyMap<string, TableInfo[]>, out: ProblemList): void {
  for (const [id, dataset] of Object.entries(def.datasets)) {
    const known = tables.get(dataset.source);
    if (!known || !dataset.table) continue;
    const at: Path = ['datasets', id];
    const byName = new Map(known.map((t) => [t.name, t]));
    const aliases = new Map<string, string>([['', dataset.table]]);
    for (const join of dataset.joins ?? []) aliases.set(join.as, join.table);
    let missing = false;
    for (const [alias, table] of aliases) {
      if (byName.has(table)) continue;
      missing = true;
      const path = alias === '' ? [...at, 'table'] : [...at, 'joins', (dataset.joins ?? []).findIndex((j) => j.as === alias), 'table'];
      out.add(path, `source '${dataset.source}' has no table '${table}'`, didYouMean(table, [...byName.keys()], 'tables:'));
    }
    if (missing) continue;
    const seen = new Set<string>();
    for (const [ref, path] of columnReferences(dataset, at)) {
      const dot = ref.indexOf('.');
      const alias = dot > 0 ? ref.slice(0, dot) : '';
      const column = dot > 0 ? ref.slice(dot + 1) : ref;
      const table = byName.get(aliases.get(alias) ?? '');
      if (!table || seen.has(`${ref}|${path.join('/')}`)) continue;
      seen.add(`${ref}|${path.join('/')}`);
      const columns = table.columns.map((c) => c.name);
      if (!columns.includes(column))
        out.add(path, `table '${table.name}' has no column '${column}'`, didYouMean(column, columns, 'columns:'));
    }
  }
}
