/**
 * @module The result of a `tasks` panel: control task instances (read from the state store by
 * the server, see `schedule/tasks/task-board.ts`) as rows for the client's task list, and the same
 * list as printed HTML. Without a store — the static copy and the PDF — the panel is `hostedOnly`
 * and says where the tasks are.
 */
import type { PanelDefinition } from '../../definition/report-definition.js';
import { localize } from '../../i18n/localize.js';
import type { Locale } from '../../i18n/messages.js';
import type { TaskItem } from '../../schedule/tasks/task-board.js';
import { escapeHtml } from '../client/chart-options/escape-html.js';
import type { ClientMessageKey } from '../client/model/client-messages.js';
import { TASK_COLUMNS, type TasksPanelResult } from './dashboard-state.js';

/** The page listing every task the viewer may see, where tasks are marked done. */
export const TASKS_PAGE = '/tasks';

export function tasksPanelResult(
  panel: PanelDefinition,
  items: readonly TaskItem[] | undefined,
  format: { locale: Locale; dateTime: (date: Date) => string },
): TasksPanelResult {
  const title = localize(panel.title, format.locale);
  const base = {
    id: panel.id,
    type: 'tasks' as const,
    ...(title ? { title } : {}),
    columns: TASK_COLUMNS.map((name) => ({ name, type: name === 'may_close' ? ('boolean' as const) : ('string' as const) })),
  };
  if (!items) return { ...base, rows: [], hostedOnly: true };
  const when = (d: Date | null) => (d ? format.dateTime(d) : '');
  const rows = [...items]
    .sort((a, b) => a.owner.localeCompare(b.owner) || b.dueAt.getTime() - a.dueAt.getTime())
    .map((t) => [
      t.id,
      t.title,
      t.owner,
      t.status,
      when(t.dueAt),
      when(t.doneAt),
      t.doneBy ?? '',
      t.comment ?? '',
      t.escalateTo ?? '',
      when(t.escalatedAt),
      t.mayClose,
      t.link ?? '',
    ]);
  return { ...base, rows, tasksPage: TASKS_PAGE };
}

const STATUS_WORD: Record<string, ClientMessageKey> = { open: 'taskOpen', overdue: 'taskOverdue', done: 'taskClosed' };

/**
 * The printed body of a tasks panel (the PDF page has no script): the same markup and classes
 * the dashboard script builds (`client/dom/tasks-panel.ts`), every value escaped.
 */
export function tasksPanelHtml(result: TasksPanelResult, t: (key: ClientMessageKey) => string): string {
  const message = (text: string, className: string) =>
    `<div class="vt-panel-message ${className}" role="status"><p class="vt-message-title">${escapeHtml(text)}</p></div>`;
  if (result.hostedOnly) return message(t('tasksHostedOnly'), 'vt-tasks-hosted-only vt-empty');
  if (result.rows.length === 0) return message(t('noTasks'), 'vt-panel-empty vt-empty');
  const at = (name: string) => result.columns.findIndex((c) => c.name === name);
  const cell = (row: unknown[], name: string) => String(row[at(name)] ?? '');
  const head = (['taskOwner', 'task', 'taskStatus', 'taskDue', 'taskDone', 'taskEscalatedTo'] as const)
    .map((k) => `<th scope="col">${escapeHtml(t(k))}</th>`)
    .join('');
  const rows = result.rows.map((row) => {
    const status = cell(row, 'status');
    const word = STATUS_WORD[status];
    const done = cell(row, 'done_at')
      ? `${escapeHtml(`${cell(row, 'done_by')}, ${cell(row, 'done_at')}`)}${cell(row, 'comment') ? `<div class="vt-task-comment">${escapeHtml(cell(row, 'comment'))}</div>` : ''}`
      : '';
    const escalated = cell(row, 'escalated') ? `${cell(row, 'escalate_to')} (${cell(row, 'escalated')})` : cell(row, 'escalate_to');
    return [
      `<tr class="vt-task-row vt-task-${escapeHtml(status)}">`,
      `<td class="vt-task-owner-cell">${escapeHtml(cell(row, 'owner'))}</td>`,
      `<td class="vt-task-title">${escapeHtml(cell(row, 'task'))}</td>`,
      `<td><span class="vt-task-status vt-task-status-${escapeHtml(status)}">${escapeHtml(word ? t(word) : status)}</span></td>`,
      `<td>${escapeHtml(cell(row, 'due'))}</td>`,
      `<td>${done}</td>`,
      `<td>${escapeHtml(escalated)}</td>`,
      '</tr>',
    ].join('');
  });
  return `<div class="vt-table-wrap"><table class="vt-table vt-tasks-table"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}
