/**
 * @module `tasks` panel: control task instances per owner (from the state store, embedded by the
 * server) — the task, its state, due time, who closed it with what comment, and whom it escalates
 * to. Closing happens on the tasks page, linked below. Without a store (static copy, PDF) the
 * panel says the tasks are on the hosted dashboard.
 */
import type { TasksPanelResult } from '../../html/dashboard-state.js';
import type { ChartContext } from '../model/chart-context.js';
import type { ClientMessageKey } from '../model/client-messages.js';
import { el } from './dom-helpers.js';
import { clearSlot, type PanelSlot } from './panel-slot.js';

const STATUS_WORD: Record<string, ClientMessageKey> = { open: 'taskOpen', overdue: 'taskOverdue', done: 'taskClosed' };

function message(slot: PanelSlot, text: string, className: string): void {
  const box = el('div', `vt-panel-message ${className}`);
  box.setAttribute('role', 'status');
  box.append(el('p', 'vt-message-title', text));
  slot.body.append(box);
}

export function renderTasks(slot: PanelSlot, result: TasksPanelResult, ctx: ChartContext, hosted: boolean): void {
  clearSlot(slot);
  slot.kind = 'table';
  if (result.hostedOnly || result.rows.length === 0) {
    message(
      slot,
      ctx.t(result.hostedOnly ? 'tasksHostedOnly' : 'noTasks'),
      result.hostedOnly ? 'vt-tasks-hosted-only vt-empty' : 'vt-panel-empty vt-empty',
    );
    return;
  }
  const at = (name: string) => result.columns.findIndex((c) => c.name === name);
  const cell = (row: unknown[], name: string) => {
    const v = row[at(name)];
    return v === null || v === undefined ? '' : String(v);
  };
  const wrap = el('div', 'vt-table-wrap');
  const table = el('table', 'vt-table vt-tasks-table');
  const headRow = el('tr');
  for (const key of ['taskOwner', 'task', 'taskStatus', 'taskDue', 'taskDone', 'taskEscalatedTo'] as const) {
    const th = el('th', undefined, ctx.t(key));
    th.scope = 'col';
    headRow.append(th);
  }
  const head = el('thead');
  head.append(headRow);
  const body = el('tbody');
  for (const row of result.rows) {
    const status = cell(row, 'status');
    const tr = el('tr', `vt-task-row vt-task-${status}`);
    tr.dataset.task = cell(row, 'id');
    tr.dataset.status = status;
    const word = STATUS_WORD[status];
    const badge = el('span', `vt-task-status vt-task-status-${status}`, word ? ctx.t(word) : status);
    const statusCell = el('td');
    statusCell.append(badge);
    const done = el('td');
    if (cell(row, 'done_at')) {
      done.append(`${cell(row, 'done_by')}, ${cell(row, 'done_at')}`);
      if (cell(row, 'comment')) done.append(el('div', 'vt-task-comment', cell(row, 'comment')));
    }
    const escalated = cell(row, 'escalate_to');
    const escalatedAt = cell(row, 'escalated');
    tr.append(
      el('td', 'vt-task-owner-cell', cell(row, 'owner')),
      el('td', 'vt-task-title', cell(row, 'task')),
      statusCell,
      el('td', undefined, cell(row, 'due')),
      done,
      el('td', escalatedAt ? 'vt-task-escalation' : undefined, escalated && escalatedAt ? `${escalated} (${escalatedAt})` : escalated),
    );
    body.append(tr);
  }
  table.append(head, body);
  wrap.append(table);
  slot.body.append(wrap);
  if (hosted && result.tasksPage && result.rows.some((r) => r[at('may_close')] === true)) {
    const foot = el('p', 'vt-tasks-foot');
    const link = el('a', 'vt-tasks-page', ctx.t('taskMarkDone'));
    link.href = result.tasksPage;
    foot.append(link);
    slot.body.append(foot);
  }
}
