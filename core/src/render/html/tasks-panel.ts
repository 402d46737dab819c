/**
 * @module The result of a `tasks` panel: control task instances (read from the state store by
 * the server, see `schedule/tasks/task-board.ts`) as rows for the client's task list. Without a
 * store — the static copy and the PDF — the panel is `hostedOnly` and says where the tasks are.
 */
import type { PanelDefinition } from '../../definition/report-definition.js';
import { localize } from '../../i18n/localize.js';
import type { Locale } from '../../i18n/messages.js';
import type { TaskItem } from '../../schedule/tasks/task-board.js';
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
