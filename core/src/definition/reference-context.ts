/** @module What every reference check shares: the definition, its problem list and parameter index, and the column, parameter and dimension checks that datasets, parameters and panels all apply. */
import { didYouMean } from '../errors/index.js';
import { isTimeBucket, parseDimensionRef, TIME_BUCKETS, TIME_DIMENSION } from '../query/time-grain.js';
import { ProblemList } from './definition-checks.js';
import type { JsonDocument } from './json-document.js';
import type { Condition, Conditions, DatasetDefinition, ParameterDefinition, ReportDefinition } from './report-definition.js';

export interface ReferenceContext {
  /** Source names from the config; when undefined, sources are not checked. */
  sourceNames?: readonly string[];
}

export type Path = (string | number)[];

/** Built once per definition, so every check sees the same parameter index and adds to the same list. */
export interface ReferenceScope {
  readonly def: ReportDefinition;
  readonly out: ProblemList;
  readonly params: ReadonlyMap<string, ParameterDefinition>;
  readonly datasetIds: readonly string[];
}

export function createReferenceScope(def: ReportDefinition, doc: JsonDocument): ReferenceScope {
  const out = new ProblemList(doc);
  const params = new Map<string, ParameterDefinition>();
  // Duplicates are reported while the index is built, before any other check, since every later check reads the index.
  (def.parameters ?? []).forEach((p, i) => {
    if (params.has(p.id)) out.add(['parameters', i, 'id'], `duplicate parameter id '${p.id}'`, 'parameter ids must be unique');
    params.set(p.id, p);
  });
  return { def, out, params, datasetIds: Object.keys(def.datasets) };
}

/** Dimension names a panel may group by in this dataset, including `time`. */
export function dimensionNames(dataset: DatasetDefinition): string[] {
  const names = Object.keys(dataset.dimensions ?? {});
  if (dataset.time !== undefined && !names.includes(TIME_DIMENSION)) names.push(TIME_DIMENSION);
  return names;
}

function isTimeDimension(dataset: DatasetDefinition, name: string): boolean {
  if (name === TIME_DIMENSION && dataset.time !== undefined && !dataset.dimensions?.[name]) return true;
  const type = dataset.dimensions?.[name]?.type;
  return type === 'time' || type === 'date';
}

function joinAliases(dataset: DatasetDefinition): string[] {
  return (dataset.joins ?? []).map((j) => j.as);
}

// Not `out.unknown`: its hint would pluralise 'join alias' as 'join aliass'.
export function checkAlias(scope: ReferenceScope, path: Path, alias: string, known: readonly string[], where: string): void {
  if (known.includes(alias)) return;
  scope.out.add(path, `unknown join alias '${alias}' in ${where}`, didYouMean(alias, known, 'join aliases:'));
}

export function checkColumn(scope: ReferenceScope, dataset: DatasetDefinition, datasetId: string, path: Path, column: string): void {
  const dot = column.indexOf('.');
  if (dot > 0 && dataset.sql)
    scope.out.add(path, `'${column}' names a join alias, but a SQL dataset has no joins`, 'use the column names of the SELECT');
  else if (dot > 0) checkAlias(scope, path, column.slice(0, dot), joinAliases(dataset), `dataset '${datasetId}'`);
}

function checkParamRef(scope: ReferenceScope, path: Path, value: string, where: string): void {
  const { out, params } = scope;
  const name = value.slice(1);
  if (!out.unknown(path, 'parameter', name, [...params.keys()], where)) {
    const type = params.get(name)?.type;
    if (type === 'period' || type === 'breakdown') out.add(path, `parameter '${name}' is a ${type} and cannot be used as a filter value`);
  }
}

export function checkConditions(
  scope: ReferenceScope,
  dataset: DatasetDefinition,
  datasetId: string,
  conditions: Conditions | undefined,
  path: Path,
  where: string,
): void {
  for (const [key, condition] of Object.entries(conditions ?? {})) {
    if (!dataset.dimensions?.[key]) checkColumn(scope, dataset, datasetId, [...path, key], key);
    const visit = (value: Condition | undefined, at: Path) => {
      if (typeof value === 'string' && value.startsWith('$')) checkParamRef(scope, at, value, where);
      else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...at, i]));
      else if (value && typeof value === 'object') for (const [op, v] of Object.entries(value)) visit(v as Condition, [...at, op]);
    };
    visit(condition, [...path, key]);
  }
}

export function checkDimensionRef(
  scope: ReferenceScope,
  dataset: DatasetDefinition,
  datasetId: string,
  ref: string,
  path: Path,
  where: string,
): void {
  const { out } = scope;
  const { name, bucket } = parseDimensionRef(ref);
  if (out.unknown(path, 'dimension', name, dimensionNames(dataset), `${where} (dataset '${datasetId}')`)) return;
  if (bucket !== undefined) {
    if (!isTimeDimension(dataset, name))
      out.add(
        path,
        `'${name}' is not a time dimension, so ':${bucket}' cannot apply`,
        "grains apply to 'time' and dimensions of type time/date",
      );
    else if (!isTimeBucket(bucket))
      out.add(path, `unknown time grain '${bucket}' in ${where}`, didYouMean(bucket, TIME_BUCKETS, 'grains:'));
  } else if (name === TIME_DIMENSION && isTimeDimension(dataset, name)) {
    out.add(path, `the time dimension needs a grain in ${where}`, `write '${name}:month' (grains: ${TIME_BUCKETS.join(', ')})`);
  }
}
