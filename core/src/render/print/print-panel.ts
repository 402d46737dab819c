/**
 * @module One panel's body as finished HTML for print: the same markup (and so the same styles and
 * text) the dashboard script builds in the browser — KPI card, every table row, pivot, error or
 * "no data" — with charts drawn on the server as SVG. Built from the same pure models and option
 * builders as the on-screen dashboard; every data value is HTML-escaped.
 */
import type { PanelResult, ResultColumn } from '../../result/result-set.js';
import { chartOption, isChartType } from '../client/chart-options/chart-option.js';
import { escapeHtml } from '../client/chart-options/escape-html.js';
import { sparklineOption } from '../client/chart-options/sparkline-option.js';
import type { ChartContext } from '../client/model/chart-context.js';
import { formatCell } from '../client/model/format-cell.js';
import { kpiModel } from '../client/model/kpi-model.js';
import { type PanelProblem, problemOf } from '../client/model/panel-problem.js';
import { pivotModel } from '../client/model/pivot-model.js';
import type { PanelView, TasksPanelResult } from '../html/dashboard-state.js';
import { tasksPanelHtml } from '../html/tasks-panel.js';
import { chartSvg } from './chart-svg.js';
import { PRINT_CHART_HEIGHT, SPARKLINE_HEIGHT } from './print-layout.js';

export interface PrintPanelEnv {
  ctx: ChartContext;
  /** Registered ECharts theme name, if any. */
  theme?: string;
  /** Width of the panel body in CSS pixels. */
  width: number;
}

export interface PrintedPanel {
  html: string;
  /** The panel failed: its section gets `vt-has-error`, as on screen. */
  failed: boolean;
}

const isNumeric = (c: ResultColumn) => c.type === 'integer' || c.type === 'number';
const tag = (name: string, className: string | undefined, text: string, attrs = '') =>
  `<${name}${className ? ` class="${className}"` : ''}${attrs}>${escapeHtml(text)}</${name}>`;

function errorHtml(problem: PanelProblem, ctx: ChartContext): string {
  const unavailable = problem.code === 'SOURCE_UNAVAILABLE' || problem.code === 'QUERY_TIMEOUT';
  return `<div class="vt-panel-message vt-panel-error" role="alert" data-code="${escapeHtml(problem.code)}">${tag(
    'p',
    'vt-message-title',
    unavailable ? ctx.t('sourceUnavailable') : ctx.t('error'),
  )}${tag('p', 'vt-message-text', problem.message)}${problem.hint ? tag('p', 'vt-message-hint', problem.hint) : ''}</div>`;
}

function emptyHtml(ctx: ChartContext): string {
  return `<div class="vt-panel-message vt-panel-empty vt-empty" role="status">${tag('p', 'vt-message-title', ctx.t('noData'))}</div>`;
}

function kpiHtml(result: PanelResult, env: PrintPanelEnv): string {
  const { ctx } = env;
  const model = kpiModel(result, ctx);
  if (!model) return emptyHtml(ctx);
  let html = `<div class="vt-kpi">${tag('p', 'vt-kpi-value', model.value, ` title="${escapeHtml(model.label)}"`)}`;
  for (const d of model.deltas) {
    html += `<p class="vt-kpi-delta vt-${d.tone} vt-${d.direction}">${tag('span', 'vt-delta-amount', d.text, ` title="${escapeHtml(d.detail)}"`)}${tag(
      'span',
      'vt-delta-against',
      ` ${d.against}`,
    )}</p>`;
  }
  if (model.attainment || model.runRate) {
    html += `<p class="vt-kpi-plan">${model.attainment ? tag('span', `vt-attainment vt-${model.attainment.tone}`, model.attainment.text) : ''}${
      model.runRate ? tag('span', 'vt-run-rate', model.runRate) : ''
    }</p>`;
  }
  if (result.series && result.series.rows.length >= 2) {
    const svg = chartSvg(sparklineOption(result.series, ctx), {
      width: env.width,
      height: SPARKLINE_HEIGHT,
      locale: ctx.locale,
      ...(env.theme ? { theme: env.theme } : {}),
    });
    html += `<div class="vt-kpi-spark" aria-hidden="true" style="height: ${SPARKLINE_HEIGHT}px">${svg}</div>`;
  }
  return `${html}</div>`;
}

/** Every row (paper has no pager); print CSS repeats the header row on each page. */
function tableHtml(result: PanelResult, ctx: ChartContext): string {
  const head = result.columns
    .map(
      (c) =>
        `<th${isNumeric(c) ? ' class="vt-num"' : ''} scope="col">${tag('button', 'vt-sort', c.label ?? c.name, ' type="button"')}</th>`,
    )
    .join('');
  const otherRow = result.otherRow ? result.rows[result.rows.length - 1] : undefined;
  const parts: string[] = [];
  for (const cells of result.rows) {
    let tr = cells === otherRow ? '<tr class="vt-other-row">' : '<tr>';
    for (let i = 0; i < result.columns.length; i++) {
      const column = result.columns[i] as ResultColumn;
      tr += tag('td', isNumeric(column) ? 'vt-num' : undefined, formatCell(cells[i], column, ctx));
    }
    parts.push(`${tr}</tr>`);
  }
  return `<div class="vt-table-wrap"><table class="vt-table"><thead><tr>${head}</tr></thead><tbody>${parts.join('')}</tbody></table></div><div class="vt-pager"></div>`;
}

function pivotHtml(result: PanelResult, ctx: ChartContext): string {
  const model = pivotModel(result);
  const column = (i: number) => result.columns[i] as ResultColumn;
  const totalColumn: ResultColumn = { name: 'total', type: 'integer', format: 'integer' };
  const levels = model.headerRows.length;
  let head = '';
  model.headerRows.forEach((cells, level) => {
    let tr = '<tr>';
    if (level === 0)
      for (const i of model.rowHeaders)
        tr += tag('th', 'vt-row-head', column(i).label ?? column(i).name, ` scope="col" rowspan="${levels}"`);
    for (const cell of cells)
      tr += tag(
        'th',
        cell.column === undefined ? 'vt-group-head' : 'vt-num',
        cell.text,
        ` scope="${cell.span > 1 ? 'colgroup' : 'col'}"${cell.span > 1 ? ` colspan="${cell.span}"` : ''}`,
      );
    if (level === 0 && model.rowTotals) tr += tag('th', 'vt-num vt-total', ctx.t('total'), ` rowspan="${levels}"`);
    head += `${tr}</tr>`;
  });
  let body = '';
  result.rows.forEach((cells, r) => {
    let tr = '<tr>';
    for (const i of model.rowHeaders) tr += tag('th', 'vt-row-head', formatCell(cells[i], column(i), ctx), ' scope="row"');
    for (const i of model.valueColumns) tr += tag('td', 'vt-num', formatCell(cells[i], column(i), ctx));
    if (model.rowTotals) tr += tag('td', 'vt-num vt-total', formatCell(model.rowTotals[r], totalColumn, ctx));
    body += `${tr}</tr>`;
  });
  let foot = '';
  if (model.columnTotals) {
    foot = `<tfoot><tr class="vt-total-row">${tag('th', 'vt-row-head', ctx.t('total'), ` scope="row" colspan="${Math.max(1, model.rowHeaders.length)}"`)}`;
    for (const total of model.columnTotals) foot += tag('td', 'vt-num vt-total', formatCell(total, totalColumn, ctx));
    foot += '</tr></tfoot>';
  }
  return `<div class="vt-table-wrap"><table class="vt-table vt-pivot"><thead>${head}</thead><tbody>${body}</tbody>${foot}</table></div>`;
}

function chartHtml(view: PanelView, result: PanelResult, env: PrintPanelEnv): string {
  const spec = chartOption(result, { ...view, title: view.title ?? result.title ?? '', width: env.width }, env.ctx);
  const svg = chartSvg(spec.option, {
    width: env.width,
    height: PRINT_CHART_HEIGHT[view.height] ?? PRINT_CHART_HEIGHT.m,
    locale: env.ctx.locale,
    ...(env.theme ? { theme: env.theme } : {}),
  });
  return `<div class="vt-chart vt-chart-svg" role="img" style="height: 100%">${svg}</div>`;
}

/** The body of one panel; a drawing bug prints as that panel's error, never as a blank. */
export function printPanel(view: PanelView, outcome: unknown, env: PrintPanelEnv): PrintedPanel {
  const problem = problemOf(outcome);
  if (problem) return { html: errorHtml(problem, env.ctx), failed: true };
  const result = outcome as PanelResult;
  try {
    // State-store data, not a query: its own list (or "shown on the hosted dashboard").
    if (view.type === 'tasks') return { html: tasksPanelHtml(outcome as TasksPanelResult, env.ctx.t), failed: false };
    if (result.rows.length === 0) return { html: emptyHtml(env.ctx), failed: false };
    if (view.type === 'kpi') return { html: kpiHtml(result, env), failed: false };
    if (view.type === 'pivot') return { html: pivotHtml(result, env.ctx), failed: false };
    if (isChartType(view.type)) return { html: chartHtml(view, result, env), failed: false };
    return { html: tableHtml(result, env.ctx), failed: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { html: errorHtml({ code: 'RENDER_FAILED', message }, env.ctx), failed: true };
  }
}
