/**
 * @module The parts of the server's page the client keeps in step: the panel sections it draws
 * into, the "data as of" time and the language links (which must carry the current filters).
 */
import type { DashboardState, PanelView } from '../../html/dashboard-state.js';
import type { ChartContext } from '../model/chart-context.js';
import { formatInstant } from '../model/format-cell.js';
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
