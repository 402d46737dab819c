/** @module Words of mailed reports, alerts and tasks, in English and Russian. */
import type { Locale } from '../../i18n/messages.js';

const en = {
  openDashboard: 'Open the dashboard',
  attached: 'The report is attached.',
  vsPrevious: 'vs previous period',
  ofPlan: 'of plan',
  alertFiring: 'Alert',
  alertCleared: 'Alert cleared',
  clearedNote: 'The condition no longer holds: the alert is re-armed and will notify again if it returns.',
  firingSince: 'firing since',
  clearedAt: 'cleared',
  overdue: 'Overdue task',
  owner: 'Owner',
  due: 'Due',
  checklist: 'Checklist',
  scope: 'Scope',
} as const;

const ru: Record<keyof typeof en, string> = {
  openDashboard: 'Открыть дашборд',
  attached: 'Отчёт во вложении.',
  vsPrevious: 'к прошлому периоду',
  ofPlan: 'плана',
  alertFiring: 'Сигнал',
  alertCleared: 'Сигнал снят',
  clearedNote: 'Условие больше не выполняется: сигнал снова взведён и сообщит, если проблема вернётся.',
  firingSince: 'действовал с',
  clearedAt: 'снят',
  overdue: 'Просроченная задача',
  owner: 'Ответственный',
  due: 'Срок',
  checklist: 'Чек-лист',
  scope: 'Срез',
};

export type DeliveryWord = keyof typeof en;

export function word(locale: Locale, key: DeliveryWord): string {
  return (locale === 'ru' ? ru : en)[key];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `2026-11-30 09:00` on the reporting clock. */
export function localTime(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: timezone, dateStyle: 'short', timeStyle: 'short' }).format(at);
}
