/** @module Pivot panel: row headers × one or two rows of column headers, totals where summing is honest. */
import type { PanelResult, ResultColumn } from '../../../result/result-set.js';
import type { ChartContext } from '../model/chart-context.js';
import { formatCell } from '../model/format-cell.js';
import { pivotModel } from '../model/pivot-model.js';
import { el } from './dom-helpers.js';
import { clearSlot, type PanelSlot } from './panel-slot.js';

export function renderPivot(slot: PanelSlot, result: PanelResult, ctx: ChartContext): void {
  clearSlot(slot);
  slot.kind = 'pivot';
  const model = pivotModel(result);
  const column = (i: number) => result.columns[i] as ResultColumn;
  const totalColumn: ResultColumn = { name: 'total', type: 'integer', format: 'integer' };
  const table = el('table', 'vt-table vt-pivot');
  const head = el('thead');
  model.headerRows.forEach((cells, level) => {
    const tr = el('tr');
    if (level === 0)
      for (const i of model.rowHeaders) {
        const th = el('th', 'vt-row-head', column(i).label ?? column(i).name);
        th.scope = 'col';
        th.rowSpan = model.headerRows.length;
        tr.append(th);
      }
    for (const cell of cells) {
      const th = el('th', cell.column === undefined ? 'vt-group-head' : 'vt-num', cell.text);
      th.scope = cell.span > 1 ? 'colgroup' : 'col';
      if (cell.span > 1) th.colSpan = cell.span;
      tr.append(th);
    }
    if (level === 0 && model.rowTotals) {
      const th = el('th', 'vt-num vt-total', ctx.t('total'));
      th.rowSpan = model.headerRows.length;
      tr.append(th);
    }
    head.append(tr);
  });
  const body = el('tbody');
  result.rows.forEach((cells, r) => {
    const tr = el('tr');
    for (const i of model.rowHeaders) {
      const th = el('th', 'vt-row-head', formatCell(cells[i], column(i), ctx));
      th.scope = 'row';
      tr.append(th);
    }
    for (const i of model.valueColumns) tr.append(el('td', 'vt-num', formatCell(cells[i], column(i), ctx)));
    if (model.rowTotals) tr.append(el('td', 'vt-num vt-total', formatCell(model.rowTotals[r], totalColumn, ctx)));
    body.append(tr);
  });
  table.append(head, body);
  if (model.columnTotals) {
    const foot = el('tfoot');
    const tr = el('tr', 'vt-total-row');
    const th = el('th', 'vt-row-head', ctx.t('total'));
    th.scope = 'row';
    th.colSpan = Math.max(1, model.rowHeaders.length);
    tr.append(th);
    for (const total of model.columnTotals) tr.append(el('td', 'vt-num vt-total', formatCell(total, totalColumn, ctx)));
    foot.append(tr);
    table.append(foot);
  }
  const wrap = el('div', 'vt-table-wrap');
  wrap.append(table);
  slot.body.append(wrap);
}
