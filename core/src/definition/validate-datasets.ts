/** @module Checks each dataset: its source, table or SQL (with its :placeholders), joins, columns, filters, and measures with their expressions. */
import { ExpressionSyntaxError, measuresIn, parseExpression } from '../query/measure-expression.js';
import { checkDatasetSql } from '../query/sql-guard.js';
import { checkAlias, checkColumn, checkConditions, type Path, type ReferenceScope } from './reference-context.js';
import type { DatasetDefinition } from './report-definition.js';

export function validateDatasets(scope: ReferenceScope, sourceNames: readonly string[] | undefined): void {
  for (const [id, dataset] of Object.entries(scope.def.datasets)) {
    const at: Path = ['datasets', id];
    checkOrigin(scope, dataset, id, at, sourceNames);
    checkJoins(scope, dataset, at);
    checkColumns(scope, dataset, id, at);
    checkMeasures(scope, dataset, id, at);
  }
}

/** Where the rows come from: a known source, and exactly one of a table or a guarded SQL SELECT. */
function checkOrigin(
  scope: ReferenceScope,
  dataset: DatasetDefinition,
  id: string,
  at: Path,
  sourceNames: readonly string[] | undefined,
): void {
  const { out } = scope;
  if (sourceNames)
    out.unknown([...at, 'source'], 'source', dataset.source, sourceNames, `dataset '${id}' (sources come from vitrina.config.json)`);
  if (!dataset.table === !dataset.sql)
    out.add(
      at,
      `dataset '${id}' needs exactly one of 'table' or 'sql'`,
      dataset.table
        ? "keep 'table' and join in 'joins', or keep 'sql' and filter inside the SELECT"
        : "name a 'table', or write a 'sql' SELECT",
    );
  if (dataset.sql) {
    const check = checkDatasetSql(dataset.sql);
    if (!check.ok)
      out.add(
        [...at, 'sql'],
        `dataset '${id}' SQL ${check.problem}`,
        'a dataset SQL must be a single read-only SELECT; bind values with :parameter',
      );
    for (const p of check.params) checkSqlPlaceholder(scope, [...at, 'sql'], p, id);
    if (dataset.joins?.length) out.add([...at, 'joins'], 'a SQL dataset cannot declare joins', 'join inside the SELECT');
  }
}

/** `:name` binds a single-value parameter, `:period_start` / `:period_end` a period's dates, `:today` the local date. */
function checkSqlPlaceholder(scope: ReferenceScope, path: Path, name: string, datasetId: string): void {
  const { out, params } = scope;
  const where = `the SQL of dataset '${datasetId}'`;
  if (name === 'today') return;
  const edge = /^(.+)_(start|end)$/.exec(name);
  if (edge && params.get(edge[1] as string)?.type === 'period') return;
  const p = params.get(name);
  if (!p) {
    const periods = [...params.values()].filter((x) => x.type === 'period').flatMap((x) => [`${x.id}_start`, `${x.id}_end`]);
    out.unknown(path, 'parameter', name, [...params.keys(), ...periods, 'today'], where);
  } else if (p.type === 'period')
    out.add(
      path,
      `':${name}' is a period; ${where} binds its dates as :${name}_start and :${name}_end`,
      'both are local dates YYYY-MM-DD, the end exclusive',
    );
  else if (p.type === 'breakdown') out.add(path, `':${name}' is a breakdown and cannot be bound in ${where}`);
  else if (p.multiple)
    out.add(
      path,
      `':${name}' takes several values and cannot be bound in ${where}`,
      'filter the dataset with "filters" on a dimension instead',
    );
}

/** A join's `on` may only name aliases joined before it, since joins are applied in order. */
function checkJoins(scope: ReferenceScope, dataset: DatasetDefinition, at: Path): void {
  const aliases = new Set<string>();
  (dataset.joins ?? []).forEach((join, j) => {
    if (aliases.has(join.as)) scope.out.add([...at, 'joins', j, 'as'], `duplicate join alias '${join.as}'`);
    for (const left of Object.keys(join.on)) {
      const dot = left.indexOf('.');
      if (dot > 0)
        checkAlias(scope, [...at, 'joins', j, 'on', left], left.slice(0, dot), [...aliases], `join '${join.as}' (only earlier joins)`);
    }
    aliases.add(join.as);
  });
}

function checkColumns(scope: ReferenceScope, dataset: DatasetDefinition, id: string, at: Path): void {
  for (const [name, computed] of Object.entries(dataset.columns ?? {})) {
    const path: Path = [...at, 'columns', name];
    if ('daysSince' in computed) checkColumn(scope, dataset, id, [...path, 'daysSince'], computed.daysSince);
    else {
      checkColumn(scope, dataset, id, [...path, 'duration', 'from'], computed.duration.from);
      checkColumn(scope, dataset, id, [...path, 'duration', 'to'], computed.duration.to);
    }
  }
  if (typeof dataset.time === 'string') checkColumn(scope, dataset, id, [...at, 'time'], dataset.time);
  else if (dataset.time) checkColumn(scope, dataset, id, [...at, 'time', 'column'], dataset.time.column);
  for (const [name, dim] of Object.entries(dataset.dimensions ?? {})) {
    checkColumn(scope, dataset, id, [...at, 'dimensions', name, 'column'], dim.column ?? name);
    if (dataset.measures?.[name])
      scope.out.add([...at, 'dimensions', name], `'${name}' is both a dimension and a measure of dataset '${id}'`, 'rename one of them');
  }
  checkConditions(scope, dataset, id, dataset.filters, [...at, 'filters'], `dataset '${id}' filters`);
  for (const key of Object.keys(dataset.rowScope ?? {}))
    if (!dataset.dimensions?.[key]) checkColumn(scope, dataset, id, [...at, 'rowScope', key], key);
}

function checkMeasures(scope: ReferenceScope, dataset: DatasetDefinition, id: string, at: Path): void {
  const { out } = scope;
  const measures = dataset.measures ?? {};
  const names = Object.keys(measures);
  const graph = new Map<string, Set<string>>();
  for (const [name, m] of Object.entries(measures)) {
    const mp: Path = [...at, 'measures', name];
    if ((m.agg === undefined) === (m.expr === undefined)) {
      out.add(mp, `measure '${name}' needs exactly one of 'agg' or 'expr'`, 'e.g. { "agg": "count" } or { "expr": "won / deals" }');
      continue;
    }
    if (m.agg) {
      if (m.agg !== 'count' && !m.column)
        out.add(mp, `measure '${name}' (${m.agg}) needs a 'column'`, `e.g. { "agg": "${m.agg}", "column": "amount" }`);
      if (m.column) checkColumn(scope, dataset, id, [...mp, 'column'], m.column);
      checkConditions(scope, dataset, id, m.where, [...mp, 'where'], `measure '${name}'`);
      continue;
    }
    if (m.where || m.column) out.add(mp, `measure '${name}' is an expression; 'where' and 'column' belong to aggregations`);
    try {
      const refs = measuresIn(parseExpression(m.expr as string));
      graph.set(name, refs);
      for (const ref of refs) out.unknown([...mp, 'expr'], 'measure', ref, names, `the expression of measure '${name}'`);
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      out.add(
        [...mp, 'expr'],
        `cannot read expression '${m.expr}': ${error.message}`,
        'use measure names, numbers, + - * / and parentheses',
      );
    }
  }
  checkExpressionCycles(scope, graph, at);
}

function checkExpressionCycles(scope: ReferenceScope, graph: ReadonlyMap<string, Set<string>>, at: Path): void {
  // The message names the loop (won → win_rate → won), so the admin sees which expression to break.
  const cycleFrom = (name: string, trail: string[]): string[] | undefined => {
    if (trail.includes(name)) return name === trail[0] ? [...trail, name] : undefined;
    for (const ref of graph.get(name) ?? []) {
      const found = cycleFrom(ref, [...trail, name]);
      if (found) return found;
    }
    return undefined;
  };
  for (const name of graph.keys()) {
    const cycle = cycleFrom(name, []);
    if (cycle)
      scope.out.add([...at, 'measures', name, 'expr'], `measure '${name}' refers to itself through its expression (${cycle.join(' → ')})`);
  }
}
