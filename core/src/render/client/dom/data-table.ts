/**
 * @module Table panel: sortable headers (buttons, with aria-sort), pages of `pageSize` rows,
 * numbers right-aligned and formatted for the locale, the "Other" row set apart, rows that drill
 * when the panel says so (click or Enter).
 */
import type { PanelResult, ResultColumn } from '../../../result/result-set.js';
import type { ChartContext } from '../model/chart-context.js';
import { formatCell } from '../model/format-cell.js';
import { nextSort, paginate, type SortState, sortRows } from '../model/table-model.js';
import { el } from './dom-helpers.js';
import { clearSlot, type PanelSlot } from './panel-slot.js';

const isNumeric = (c: ResultColumn) => c.type === 'integer' || c.type === 'number';

export function renderTable(slot: PanelSlot, result: PanelResult, ctx: ChartContext, onDrill?: (value: unknown) => void): void {
  clearSlot(slot);
  slot.kind = 'table';
  // A static copy (archive, PDF) has no pager to click: it shows every row, and print splits them
  // across pages with the header row repeated. Static copies are the ones drawn without animation.
  const pageSize = ctx.animation ? (slot.view.pageSize ?? 20) : Number.MAX_SAFE_INTEGER;
  const drillAt = result.columns.findIndex(
    (c) => c.name === (slot.view.drillColumn ?? result.columns.find((x) => x.role === 'dimension')?.name),
  );
  const drills = Boolean(onDrill && drillAt >= 0 && (slot.view.drill?.parameter || slot.view.drill?.report));
  let sort: SortState | null = null;
  let page = 1;
  const wrap = el('div', 'vt-table-wrap');
  const table = el('table', 'vt-table');
  const head = el('thead');
  const headRow = el('tr');
  const body = el('tbody');
  const pager = el('div', 'vt-pager');
  const headers = result.columns.map((column, i) => {
    const th = el('th', isNumeric(column) ? 'vt-num' : undefined);
    th.scope = 'col';
    const button = el('button', 'vt-sort', column.label ?? column.name);
    button.type = 'button';
    button.addEventListener('click', () => {
      sort = nextSort(sort, i, isNumeric(column));
      page = 1;
      draw();
    });
    th.append(button);
    headRow.append(th);
    return th;
  });
  head.append(headRow);
  table.append(head, body);
  wrap.append(table);
  slot.body.append(wrap, pager);

  function row(cells: unknown[], other: boolean): HTMLTableRowElement {
    const tr = el('tr', other ? 'vt-other-row' : undefined);
    result.columns.forEach((column, i) => {
      tr.append(el('td', isNumeric(column) ? 'vt-num' : undefined, formatCell(cells[i], column, ctx)));
    });
    if (drills && !other && onDrill) {
      tr.classList.add('vt-drillable');
      tr.tabIndex = 0;
      tr.title = `${ctx.t('drillTo')}: ${formatCell(cells[drillAt], result.columns[drillAt] as ResultColumn, ctx)}`;
      const go = () => onDrill(cells[drillAt]);
      tr.addEventListener('click', go);
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') go();
      });
    }
    return tr;
  }

  function draw(): void {
    headers.forEach((th, i) => {
      if (sort?.column === i) th.setAttribute('aria-sort', sort.direction === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
    const sorted = sortRows(result.rows, sort, ctx.locale, result.otherRow === true);
    const at = paginate(sorted, page, pageSize);
    const otherRow = result.otherRow ? result.rows[result.rows.length - 1] : undefined;
    body.replaceChildren(...at.rows.map((cells) => row(cells, cells === otherRow)));
    pager.replaceChildren();
    if (at.pages <= 1) return;
    const prev = el('button', 'vt-page-prev', ctx.t('previousPage'));
    const next = el('button', 'vt-page-next', ctx.t('nextPage'));
    prev.type = next.type = 'button';
    prev.disabled = at.page <= 1;
    next.disabled = at.page >= at.pages;
    prev.addEventListener('click', () => {
      page = at.page - 1;
      draw();
    });
    next.addEventListener('click', () => {
      page = at.page + 1;
      draw();
    });
    const status = el('span', 'vt-page-status', `${at.first}–${at.last} ${ctx.t('of')} ${sorted.length} ${ctx.t('rows')}`);
    status.setAttribute('aria-live', 'polite');
    pager.append(prev, status, next);
  }
  draw();
}
