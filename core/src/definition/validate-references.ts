/**
 * @module Checks a schema-valid definition beyond the schema: every panel, filter and parameter
 * must reference datasets, measures, dimensions, sources and parameters that exist.
 */

import { closest, didYouMean } from '../errors/index.js';
import { ExpressionSyntaxError, measuresIn, parseExpression } from '../query/measure-expression.js';
import { isValidPeriodText, PERIOD_FORMS, PERIOD_PRESETS } from '../query/period.js';
import { checkDatasetSql } from '../query/sql-guard.js';
import { isTimeBucket, parseDimensionRef, TIME_BUCKETS, TIME_DIMENSION } from '../query/time-grain.js';
import { ProblemList } from './definition-checks.js';
import type { JsonDocument } from './json-document.js';
import type {
  Condition,
  Conditions,
  DatasetDefinition,
  PanelDefinition,
  ParameterDefinition,
  ReportDefinition,
} from './report-definition.js';

export interface ReferenceContext {
  /** Source names from the config; when undefined, sources are not checked. */
  sourceNames?: readonly string[];
}

type Path = (string | number)[];

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

/** A value as written, for messages: strings in quotes like names, anything else as JSON (never `String()`: objects have no prototype). */
function shown(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/** A near preset is the likely intent ('last_30_dayz'); otherwise list the forms a period takes. */
function periodHint(text: unknown): string {
  const near = typeof text === 'string' ? closest(text.trim(), PERIOD_PRESETS) : undefined;
  return near ? `did you mean '${near}'?` : `write ${PERIOD_FORMS}`;
}

export function validateReferences(def: ReportDefinition, doc: JsonDocument, context: ReferenceContext): ProblemList {
  const out = new ProblemList(doc);
  const params = new Map<string, ParameterDefinition>();
  const datasetIds = Object.keys(def.datasets);

  (def.parameters ?? []).forEach((p, i) => {
    if (params.has(p.id)) out.add(['parameters', i, 'id'], `duplicate parameter id '${p.id}'`, 'parameter ids must be unique');
    params.set(p.id, p);
  });

  // Not `out.unknown`: its hint would pluralise 'join alias' as 'join aliass'.
  const checkAlias = (path: Path, alias: string, known: readonly string[], where: string) => {
    if (known.includes(alias)) return;
    out.add(path, `unknown join alias '${alias}' in ${where}`, didYouMean(alias, known, 'join aliases:'));
  };

  const checkColumn = (dataset: DatasetDefinition, datasetId: string, path: Path, column: string) => {
    const dot = column.indexOf('.');
    if (dot > 0 && dataset.sql)
      out.add(path, `'${column}' names a join alias, but a SQL dataset has no joins`, 'use the column names of the SELECT');
    else if (dot > 0) checkAlias(path, column.slice(0, dot), joinAliases(dataset), `dataset '${datasetId}'`);
  };

  const checkParamRef = (path: Path, value: string, where: string) => {
    const name = value.slice(1);
    if (!out.unknown(path, 'parameter', name, [...params.keys()], where)) {
      const type = params.get(name)?.type;
      if (type === 'period' || type === 'breakdown') out.add(path, `parameter '${name}' is a ${type} and cannot be used as a filter value`);
    }
  };

  const checkConditions = (
    dataset: DatasetDefinition,
    datasetId: string,
    conditions: Conditions | undefined,
    path: Path,
    where: string,
  ) => {
    for (const [key, condition] of Object.entries(conditions ?? {})) {
      if (!dataset.dimensions?.[key]) checkColumn(dataset, datasetId, [...path, key], key);
      const visit = (value: Condition | undefined, at: Path) => {
        if (typeof value === 'string' && value.startsWith('$')) checkParamRef(at, value, where);
        else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...at, i]));
        else if (value && typeof value === 'object') for (const [op, v] of Object.entries(value)) visit(v as Condition, [...at, op]);
      };
      visit(condition, [...path, key]);
    }
  };

  /** `:name` binds a single-value parameter, `:period_start` / `:period_end` a period's dates, `:today` the local date. */
  const checkSqlPlaceholder = (path: Path, name: string, datasetId: string) => {
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
  };

  for (const [id, dataset] of Object.entries(def.datasets)) {
    const at: Path = ['datasets', id];
    if (context.sourceNames)
      out.unknown(
        [...at, 'source'],
        'source',
        dataset.source,
        context.sourceNames,
        `dataset '${id}' (sources come from vitrina.config.json)`,
      );
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
      for (const p of check.params) checkSqlPlaceholder([...at, 'sql'], p, id);
      if (dataset.joins?.length) out.add([...at, 'joins'], 'a SQL dataset cannot declare joins', 'join inside the SELECT');
    }
    const aliases = new Set<string>();
    (dataset.joins ?? []).forEach((join, j) => {
      if (aliases.has(join.as)) out.add([...at, 'joins', j, 'as'], `duplicate join alias '${join.as}'`);
      for (const left of Object.keys(join.on)) {
        const dot = left.indexOf('.');
        if (dot > 0)
          checkAlias([...at, 'joins', j, 'on', left], left.slice(0, dot), [...aliases], `join '${join.as}' (only earlier joins)`);
      }
      aliases.add(join.as);
    });
    if (typeof dataset.time === 'string') checkColumn(dataset, id, [...at, 'time'], dataset.time);
    else if (dataset.time) checkColumn(dataset, id, [...at, 'time', 'column'], dataset.time.column);
    for (const [name, dim] of Object.entries(dataset.dimensions ?? {})) {
      checkColumn(dataset, id, [...at, 'dimensions', name, 'column'], dim.column ?? name);
      if (dataset.measures?.[name])
        out.add([...at, 'dimensions', name], `'${name}' is both a dimension and a measure of dataset '${id}'`, 'rename one of them');
    }
    checkConditions(dataset, id, dataset.filters, [...at, 'filters'], `dataset '${id}' filters`);
    for (const key of Object.keys(dataset.rowScope ?? {}))
      if (!dataset.dimensions?.[key]) checkColumn(dataset, id, [...at, 'rowScope', key], key);

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
        if (m.column) checkColumn(dataset, id, [...mp, 'column'], m.column);
        checkConditions(dataset, id, m.where, [...mp, 'where'], `measure '${name}'`);
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
        out.add([...at, 'measures', name, 'expr'], `measure '${name}' refers to itself through its expression (${cycle.join(' → ')})`);
    }
  }

  const checkDimensionRef = (dataset: DatasetDefinition, datasetId: string, ref: string, path: Path, where: string) => {
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
  };

  for (const [i, p] of (def.parameters ?? []).entries()) {
    const at: Path = ['parameters', i];
    if (p.type === 'period' && p.default !== undefined && (typeof p.default !== 'string' || !isValidPeriodText(p.default))) {
      out.add([...at, 'default'], `default ${shown(p.default)} of parameter '${p.id}' is not a period`, periodHint(p.default));
    }
    for (const [k, preset] of (p.presets ?? []).entries())
      if (!isValidPeriodText(preset)) out.add([...at, 'presets', k], `'${preset}' is not a period`, periodHint(preset));
    if (p.type === 'select') {
      if (!p.options && !(p.dataset && p.dimension))
        out.add(at, `select parameter '${p.id}' needs 'options' or a 'dataset' and 'dimension' to take options from`);
      if (p.dataset && !out.unknown([...at, 'dataset'], 'dataset', p.dataset, datasetIds, `parameter '${p.id}'`) && p.dimension) {
        const ds = def.datasets[p.dataset] as DatasetDefinition;
        checkDimensionRef(ds, p.dataset, p.dimension, [...at, 'dimension'], `parameter '${p.id}'`);
      }
    }
    if (p.type === 'breakdown') {
      if (!p.options?.length) out.add(at, `breakdown parameter '${p.id}' needs 'options' (the dimensions to choose from)`);
      if (p.default !== undefined && !p.options?.includes(p.default as string))
        out.add([...at, 'default'], `default ${shown(p.default)} of breakdown '${p.id}' is not one of its options`);
    }
    if (p.type === 'number' && p.default !== undefined && typeof p.default !== 'number')
      out.add([...at, 'default'], `default of number parameter '${p.id}' must be a number`);
  }

  const panelIds = new Set<string>();
  def.panels.forEach((panel, i) => checkPanel(panel, ['panels', i]));

  function checkPanel(panel: PanelDefinition, at: Path) {
    const where = `panel '${panel.id}'`;
    if (panelIds.has(panel.id)) out.add([...at, 'id'], `duplicate panel id '${panel.id}'`);
    panelIds.add(panel.id);
    if (!panel.dataset) return out.add(at, `${where} needs a 'dataset'`);
    if (out.unknown([...at, 'dataset'], 'dataset', panel.dataset, datasetIds, where)) return;
    const ds = def.datasets[panel.dataset] as DatasetDefinition;
    const measures = Object.keys(ds.measures ?? {});
    const checkMeasure = (name: string, path: Path) => out.unknown(path, 'measure', name, measures, where);
    if (panel.measure !== undefined) checkMeasure(panel.measure, [...at, 'measure']);
    panel.measures?.forEach((m, k) => checkMeasure(m, [...at, 'measures', k]));
    const single = panel.type === 'kpi' || panel.type === 'gauge';
    if (single && panel.measure === undefined)
      out.add(
        at,
        `${where} (${panel.type}) needs a 'measure'`,
        `a ${panel.type} shows one number: write "measure": "${panel.measures?.[0] ?? measures[0] ?? 'name'}"`,
      );
    if (!single && panel.measure === undefined && !panel.measures?.length) out.add(at, `${where} needs 'measures'`);
    const dims = [...(panel.dimensions ?? []), ...(panel.columns ?? [])];
    (panel.dimensions ?? []).forEach((ref, k) => checkPanelDimension(ref, [...at, 'dimensions', k]));
    (panel.columns ?? []).forEach((ref, k) => checkPanelDimension(ref, [...at, 'columns', k]));
    function checkPanelDimension(ref: string, path: Path) {
      if (!ref.startsWith('$')) return checkDimensionRef(ds, panel.dataset as string, ref, path, where);
      const param = params.get(ref.slice(1));
      if (out.unknown(path, 'parameter', ref.slice(1), [...params.keys()], where)) return;
      if (param?.type !== 'breakdown')
        return out.add(path, `parameter '${ref.slice(1)}' is not a breakdown, so it cannot choose a dimension`);
      for (const option of param.options ?? [])
        checkDimensionRef(ds, panel.dataset as string, String(option), path, `${where} via breakdown '${param.id}' option '${option}'`);
    }
    if (single && dims.length) out.add([...at, 'dimensions'], `${where} (${panel.type}) shows one number and takes no dimensions`);
    if (panel.type === 'pie' && (panel.dimensions?.length ?? 0) !== 1) out.add(at, `${where} (pie) needs exactly one dimension`);
    if ((panel.type === 'heatmap' || panel.type === 'pivot') && !panel.columns?.length)
      out.add(at, `${where} (${panel.type}) needs 'columns' (the dimension across)`);
    if (panel.type === 'funnel' && (panel.measures?.length ?? 0) < 2)
      out.add(at, `${where} (funnel) needs at least two 'measures', one per stage in order`);
    if (panel.type === 'funnel' && dims.length)
      out.add([...at, 'dimensions'], `${where} (funnel) takes no dimensions: filter it with a parameter instead`);
    checkConditions(ds, panel.dataset, panel.filters, [...at, 'filters'], where);

    const periodParams = (def.parameters ?? []).filter((p) => p.type === 'period').map((p) => p.id);
    if (typeof panel.period === 'string') {
      const name = panel.period.replace(/^\$/, '');
      if (!out.unknown([...at, 'period'], 'period parameter', name, periodParams, where) && ds.time === undefined) {
        out.add([...at, 'period'], `${where} is filtered by a period, but dataset '${panel.dataset}' declares no 'time' column`);
      }
    }
    const hasPeriod = panel.period !== null && (typeof panel.period === 'string' || (periodParams.length > 0 && ds.time !== undefined));
    if (panel.compare && !hasPeriod)
      out.add(
        [...at, 'compare'],
        `${where} compares periods but has no period`,
        "add a period parameter and a 'time' column to the dataset",
      );
    if (panel.sparkline && (ds.time === undefined || !hasPeriod))
      out.add([...at, 'sparkline'], `${where} needs a period and a dataset 'time' column for a sparkline`);
    if (panel.target && !out.unknown([...at, 'target', 'dataset'], 'dataset', panel.target.dataset, datasetIds, `${where} target`)) {
      const planDs = def.datasets[panel.target.dataset] as DatasetDefinition;
      out.unknown(
        [...at, 'target', 'measure'],
        'measure',
        panel.target.measure,
        Object.keys(planDs.measures ?? {}),
        `${where} target (dataset '${panel.target.dataset}')`,
      );
      const shown = panel.measures ?? (panel.measure ? [panel.measure] : []);
      if (panel.target.for) out.unknown([...at, 'target', 'for'], 'measure', panel.target.for, shown, `${where} target`);
      // A breakdown may pick any of its options, so each must exist in the plan too.
      const refs = (panel.dimensions ?? []).flatMap((ref) =>
        ref.startsWith('$') ? (params.get(ref.slice(1))?.options ?? []).map(String) : [ref],
      );
      for (const ref of refs) {
        const { name, bucket } = parseDimensionRef(ref);
        if (!dimensionNames(planDs).includes(name))
          out.add(
            [...at, 'dimensions'],
            `${where} groups by '${name}', which the plan dataset '${panel.target.dataset}' does not have`,
            'give the plan dataset a dimension of the same name',
          );
        else if (bucket && !['month', 'quarter', 'year'].includes(bucket))
          out.add(
            [...at, 'dimensions'],
            `${where} compares with a plan by '${bucket}', but plans are monthly`,
            'use month, quarter or year',
          );
      }
    }
    const sortable = [
      ...(panel.measures ?? []),
      ...(panel.measure ? [panel.measure] : []),
      ...dims.map((d) => parseDimensionRef(d.replace(/^\$/, '')).name),
      ...dims,
    ];
    const sorts = panel.sort === undefined ? [] : Array.isArray(panel.sort) ? panel.sort : [panel.sort];
    sorts.forEach((s, k) => {
      const name = s.replace(/^-/, '');
      const path = Array.isArray(panel.sort) ? [...at, 'sort', k] : [...at, 'sort'];
      if (!sortable.includes(name)) out.unknown(path, 'sort column', name, [...new Set(sortable)], where);
    });
    if (panel.other && panel.limit === undefined)
      out.add([...at, 'other'], `${where} sets 'other' without a 'limit'`, 'other combines the rows past the limit');
    if (panel.other && panel.dimensions?.length !== 1)
      out.add(
        [...at, 'other'],
        `${where} sets 'other', which needs exactly one dimension to combine`,
        'the rows past the limit become one "Other" row of that dimension',
      );
    if (panel.drill?.parameter) {
      if (
        !out.unknown([...at, 'drill', 'parameter'], 'parameter', panel.drill.parameter, [...params.keys()], `${where} drill`) &&
        params.get(panel.drill.parameter)?.type !== 'select'
      ) {
        out.add([...at, 'drill', 'parameter'], `drill parameter '${panel.drill.parameter}' must be a select parameter`);
      }
    }
  }
  return out;
}
