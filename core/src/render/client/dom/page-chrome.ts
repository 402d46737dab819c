/**
 * @module The parts of the server's page the client keeps in step: the panel sections it draws
 * into, the "data as of" time and the language links (which must carry the current filters).
 */
import type { DashboardState, PanelView } from '../../html/dashboard-state.js';
import type { ChartContext } from '../model/chart-context.js';
import { formatCell, formatInstant } from '../model/format-cell.js';
import { withParameters } from '../model/url-query.js';
import type { PanelSlot } from './panel-slot.js';

export function slotsOf(doc: Document, state: DashboardState): PanelSlot[] {
  const slots: PanelSlot[] = [];
  for (const section of doc.querySelectorAll<HTMLElement>('section.vt-panel[data-panel]')) {
    const id = section.dataset.panel as string;
    const view: PanelView = state.panels.find((p) => p.id === id) ?? {
      id,
      type: (section.dataset.type ?? 'table') as PanelView['type'],
      width: 12,
      height: 'm',
    };
    const body = section.querySelector<HTMLElement>('.vt-panel-body') ?? section.appendChild(doc.createElement('div'));
    body.classList.add('vt-panel-body');
    slots.push({ view, section, body, charts: [] });
  }
  return slots;
}

export function updateLinks(doc: Document, ids: string[], query: URLSearchParams): void {
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('[data-role="locale"] a[href], a[data-role="locale"][href]'))
    a.setAttribute('href', withParameters(a.getAttribute('href') as string, ids, query));
}

export function showAsOf(doc: Document, date: Date, ctx: ChartContext): void {
  for (const node of doc.querySelectorAll<HTMLElement>('[data-role="as-of"]')) {
    node.textContent = formatInstant(date.toISOString(), ctx);
    if (node instanceof HTMLTimeElement) node.dateTime = date.toISOString();
  }
}

const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/**
 * The resolved range the server printed under a period picker is only true for the page's first
 * view: after a change it shows the custom range picked, or nothing (a preset's dates are the
 * server's to compute), and the original again when the view returns to it.
 */
export function syncPeriodRanges(doc: Document, state: DashboardState, query: URLSearchParams, ctx: ChartContext): void {
  for (const view of state.parameters) {
    if (view.type !== 'period') continue;
    const range = doc.querySelector<HTMLElement>(`form#vt-filters [data-parameter="${CSS.escape(view.id)}"] .vt-filter-range`);
    if (!range) continue;
    range.dataset.initial ??= range.textContent ?? '';
    const value = query.get(view.id);
    const initial = value === null ? !(view.id in state.query) : value === view.value;
    const custom = value === null ? null : RANGE.exec(value);
    const date = (d: string) => formatCell(d, { name: 'day', type: 'date' }, ctx);
    range.textContent = initial ? range.dataset.initial : custom ? `${date(custom[1] as string)} – ${date(custom[2] as string)}` : '';
    range.hidden = range.textContent === '';
  }
}
