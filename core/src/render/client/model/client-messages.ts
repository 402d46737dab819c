/**
 * @module UI words the browser needs, in English and Russian. The page's `state.messages`
 * (`client.*` keys of i18n/messages, kept whole) wins, so the server's i18n stays the source of
 * truth; these fallbacks keep a page readable when a key is missing (an older server, a test).
 */
import type { Locale } from '../../../i18n/messages.js';

const en = {
  noData: 'No data for these filters',
  error: 'This panel could not be shown',
  sourceUnavailable: 'Source unavailable',
  loading: 'Loading…',
  refreshing: 'Refreshing…',
  retry: 'Retry',
  dataAsOf: 'Data as of',
  vsPrevious: 'vs previous period',
  vsLastYear: 'vs last year',
  ofPlan: 'of plan',
  runRate: 'run-rate',
  plan: 'Plan',
  total: 'Total',
  rows: 'rows',
  of: 'of',
  previousPage: 'Previous',
  nextPage: 'Next',
  customRange: 'Custom range',
  from: 'From',
  to: 'To',
  apply: 'Apply',
  all: 'All',
  drillTo: 'Show only',
  tasksHostedOnly: 'Control tasks are shown on the hosted dashboard.',
  noTasks: 'No control tasks here.',
  task: 'Task',
  taskOwner: 'Owner',
  taskStatus: 'Status',
  taskDue: 'Due',
  taskDone: 'Done',
  taskEscalatedTo: 'Escalated to',
  taskOpen: 'Open',
  taskOverdue: 'Overdue',
  taskClosed: 'Done',
  taskMarkDone: 'Mark done on the tasks page',
};

export type ClientMessageKey = keyof typeof en;

const ru: Record<ClientMessageKey, string> = {
  noData: 'Нет данных для этих фильтров',
  error: 'Не удалось показать панель',
  sourceUnavailable: 'Источник недоступен',
  loading: 'Загрузка…',
  refreshing: 'Обновление…',
  retry: 'Повторить',
  dataAsOf: 'Данные на',
  vsPrevious: 'к прошлому периоду',
  vsLastYear: 'к прошлому году',
  ofPlan: 'плана',
  runRate: 'прогноз',
  plan: 'План',
  total: 'Итого',
  rows: 'строк',
  of: 'из',
  previousPage: 'Назад',
  nextPage: 'Вперёд',
  customRange: 'Свой период',
  from: 'С',
  to: 'По',
  apply: 'Применить',
  all: 'Все',
  drillTo: 'Показать только',
  tasksHostedOnly: 'Контрольные задачи показываются на дашборде на сервере.',
  noTasks: 'Контрольных задач нет.',
  task: 'Задача',
  taskOwner: 'Ответственный',
  taskStatus: 'Статус',
  taskDue: 'Срок',
  taskDone: 'Выполнена',
  taskEscalatedTo: 'Эскалация',
  taskOpen: 'Открыта',
  taskOverdue: 'Просрочена',
  taskClosed: 'Выполнена',
  taskMarkDone: 'Отметить выполнение на странице задач',
};

export type Translate = (key: ClientMessageKey) => string;

/** A translator over the server's messages with the built-in words as fallback. */
export function translator(locale: Locale, server: Record<string, string> = {}): Translate {
  const base = locale === 'ru' ? ru : en;
  return (key) => server[`client.${key}`] ?? base[key];
}
