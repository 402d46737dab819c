/** @module Checks each panel: its dataset, measures and dimensions, the shape its type needs, period, plan target, sort, 'other' and drill. */
import { parseDimensionRef } from '../query/time-grain.js';
import { checkConditions, checkDimensionRef, dimensionNames, type Path, type ReferenceScope } from './reference-context.js';
import type { DatasetDefinition, PanelDefinition } from './report-definition.js';

export function validatePanels(scope: ReferenceScope): void {
  const panelIds = new Set<string>();
  scope.def.panels.forEach((panel, i) => checkPanel(scope, panelIds, panel, ['panels', i]));
}

function checkPanel(scope: ReferenceScope, panelIds: Set<string>, panel: PanelDefinition, at: Path): void {
  const { def, out, datasetIds } = scope;
  const where = `panel '${panel.id}'`;
  if (panelIds.has(panel.id)) out.add([...at, 'id'], `duplicate panel id '${panel.id}'`);
  panelIds.add(panel.id);
  if (panel.type === 'tasks') {
    checkTasksPanel(scope, panel, at, where);
    return;
  }
  if (panel.tasks)
    out.add([...at, 'tasks'], `${where} sets 'tasks', which only a tasks panel uses`, 'remove it, or make the panel "type": "tasks"');
  if (!panel.dataset) {
    out.add(at, `${where} needs a 'dataset'`);
    return;
  }
  if (out.unknown([...at, 'dataset'], 'dataset', panel.dataset, datasetIds, where)) return;
  const datasetId = panel.dataset;
  const ds = def.datasets[datasetId] as DatasetDefinition;
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
  (panel.dimensions ?? []).forEach((ref, k) => checkPanelDimension(scope, ds, datasetId, ref, [...at, 'dimensions', k], where));
  (panel.columns ?? []).forEach((ref, k) => checkPanelDimension(scope, ds, datasetId, ref, [...at, 'columns', k], where));
  if (single && dims.length) out.add([...at, 'dimensions'], `${where} (${panel.type}) shows one number and takes no dimensions`);
  if (panel.type === 'pie' && (panel.dimensions?.length ?? 0) !== 1) out.add(at, `${where} (pie) needs exactly one dimension`);
  if ((panel.type === 'heatmap' || panel.type === 'pivot') && !panel.columns?.length)
    out.add(at, `${where} (${panel.type}) needs 'columns' (the dimension across)`);
  if (panel.type === 'funnel' && (panel.measures?.length ?? 0) < 2)
    out.add(at, `${where} (funnel) needs at least two 'measures', one per stage in order`);
  if (panel.type === 'funnel' && dims.length)
    out.add([...at, 'dimensions'], `${where} (funnel) takes no dimensions: filter it with a parameter instead`);
  checkConditions(scope, ds, datasetId, panel.filters, [...at, 'filters'], where);
  checkPanelPeriod(scope, panel, ds, at, where);
  if (panel.target && !out.unknown([...at, 'target', 'dataset'], 'dataset', panel.target.dataset, datasetIds, `${where} target`))
    checkPanelTarget(scope, panel, panel.target, at, where);
  checkPanelSort(scope, panel, dims, at, where);
  checkPanelExtras(scope, panel, at, where);
}

/** A `$breakdown` reference stands for each of its options, so every option must be a dimension of the dataset. */
function checkPanelDimension(
  scope: ReferenceScope,
  ds: DatasetDefinition,
  datasetId: string,
  ref: string,
  path: Path,
  where: string,
): void {
  const { out, params } = scope;
  if (!ref.startsWith('$')) {
    checkDimensionRef(scope, ds, datasetId, ref, path, where);
    return;
  }
  const param = params.get(ref.slice(1));
  if (out.unknown(path, 'parameter', ref.slice(1), [...params.keys()], where)) return;
  if (param?.type !== 'breakdown') {
    out.add(path, `parameter '${ref.slice(1)}' is not a breakdown, so it cannot choose a dimension`);
    return;
  }
  for (const option of param.options ?? [])
    checkDimensionRef(scope, ds, datasetId, String(option), path, `${where} via breakdown '${param.id}' option '${option}'`);
}

function checkPanelPeriod(scope: ReferenceScope, panel: PanelDefinition, ds: DatasetDefinition, at: Path, where: string): void {
  const { def, out } = scope;
  const periodParams = (def.parameters ?? []).filter((p) => p.type === 'period').map((p) => p.id);
  if (typeof panel.period === 'string') {
    const name = panel.period.replace(/^\$/, '');
    if (!out.unknown([...at, 'period'], 'period parameter', name, periodParams, where) && ds.time === undefined) {
      out.add([...at, 'period'], `${where} is filtered by a period, but dataset '${panel.dataset}' declares no 'time' column`);
    }
  }
  const hasPeriod = panel.period !== null && (typeof panel.period === 'string' || (periodParams.length > 0 && ds.time !== undefined));
  if (panel.compare && !hasPeriod)
    out.add([...at, 'compare'], `${where} compares periods but has no period`, "add a period parameter and a 'time' column to the dataset");
  if (panel.sparkline && (ds.time === undefined || !hasPeriod))
    out.add([...at, 'sparkline'], `${where} needs a period and a dataset 'time' column for a sparkline`);
}

/** Called once the target's dataset is known to exist. */
function checkPanelTarget(
  scope: ReferenceScope,
  panel: PanelDefinition,
  target: NonNullable<PanelDefinition['target']>,
  at: Path,
  where: string,
): void {
  const { def, out, params } = scope;
  const planDs = def.datasets[target.dataset] as DatasetDefinition;
  out.unknown(
    [...at, 'target', 'measure'],
    'measure',
    target.measure,
    Object.keys(planDs.measures ?? {}),
    `${where} target (dataset '${target.dataset}')`,
  );
  const shown = panel.measures ?? (panel.measure ? [panel.measure] : []);
  if (target.for) out.unknown([...at, 'target', 'for'], 'measure', target.for, shown, `${where} target`);
  // A breakdown may pick any of its options, so each must exist in the plan too.
  const refs = (panel.dimensions ?? []).flatMap((ref) =>
    ref.startsWith('$') ? (params.get(ref.slice(1))?.options ?? []).map(String) : [ref],
  );
  for (const ref of refs) {
    const { name, bucket } = parseDimensionRef(ref);
    if (!dimensionNames(planDs).includes(name))
      out.add(
        [...at, 'dimensions'],
        `${where} groups by '${name}', which the plan dataset '${target.dataset}' does not have`,
        'give the plan dataset a dimension of the same name',
      );
    else if (bucket && !['month', 'quarter', 'year'].includes(bucket))
      out.add([...at, 'dimensions'], `${where} compares with a plan by '${bucket}', but plans are monthly`, 'use month, quarter or year');
  }
}

function checkPanelSort(scope: ReferenceScope, panel: PanelDefinition, dims: readonly string[], at: Path, where: string): void {
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
    if (!sortable.includes(name)) scope.out.unknown(path, 'sort column', name, [...new Set(sortable)], where);
  });
}

/** Data settings a tasks panel cannot use: it lists control tasks from the state store. */
const NOT_FOR_TASKS = [
  'dataset',
  'measure',
  'measures',
  'dimensions',
  'columns',
  'filters',
  'period',
  'compare',
  'target',
  'sort',
  'other',
  'sparkline',
  'drill',
] as const;

function checkTasksPanel(scope: ReferenceScope, panel: PanelDefinition, at: Path, where: string): void {
  for (const key of NOT_FOR_TASKS)
    if (panel[key] !== undefined)
      scope.out.add(
        [...at, key],
        `${where} (tasks) takes no '${key}': it lists control tasks from the state store, not a dataset`,
        'filter it with "tasks": { "owner", "task", "status" }',
      );
}

/** 'other', 'pageSize' and 'drill': options that only make sense alongside other settings. */
function checkPanelExtras(scope: ReferenceScope, panel: PanelDefinition, at: Path, where: string): void {
  const { out, params } = scope;
  if (panel.other && panel.limit === undefined)
    out.add([...at, 'other'], `${where} sets 'other' without a 'limit'`, 'other combines the rows past the limit');
  if (panel.other && panel.dimensions?.length !== 1)
    out.add(
      [...at, 'other'],
      `${where} sets 'other', which needs exactly one dimension to combine`,
      'the rows past the limit become one "Other" row of that dimension',
    );
  if (panel.pageSize !== undefined && panel.type !== 'table')
    out.add([...at, 'pageSize'], `${where} sets 'pageSize', which only tables use`, 'remove it, or make the panel a table');
  if (panel.drill?.parameter) {
    if (
      !out.unknown([...at, 'drill', 'parameter'], 'parameter', panel.drill.parameter, [...params.keys()], `${where} drill`) &&
      params.get(panel.drill.parameter)?.type !== 'select'
    ) {
      out.add([...at, 'drill', 'parameter'], `drill parameter '${panel.drill.parameter}' must be a select parameter`);
    }
  }
}
