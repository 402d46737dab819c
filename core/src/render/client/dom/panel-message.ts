/** @module A panel that has nothing to draw: its error (with the hint) or "no data for these filters". */
import type { ChartContext } from '../model/chart-context.js';
import type { PanelProblem } from '../model/panel-problem.js';
import { el } from './dom-helpers.js';
import { clearSlot, type PanelSlot } from './panel-slot.js';

/** `onRetry`: a source that was down may be back; the button asks again without a page load. */
export function showError(slot: PanelSlot, error: PanelProblem, ctx: ChartContext, onRetry?: () => void): void {
  clearSlot(slot);
  slot.kind = 'message';
  const box = el('div', 'vt-panel-message vt-panel-error');
  box.setAttribute('role', 'alert');
  box.dataset.code = error.code;
  const unavailable = error.code === 'SOURCE_UNAVAILABLE' || error.code === 'QUERY_TIMEOUT';
  box.append(el('p', 'vt-message-title', unavailable ? ctx.t('sourceUnavailable') : ctx.t('error')));
  box.append(el('p', 'vt-message-text', error.message));
  if (error.hint) box.append(el('p', 'vt-message-hint', error.hint));
  if (onRetry) {
    const retry = el('button', 'vt-retry', ctx.t('retry'));
    retry.type = 'button';
    retry.addEventListener('click', onRetry, { once: true });
    box.append(retry);
  }
  slot.body.append(box);
  slot.section.classList.add('vt-has-error');
}

export function showEmpty(slot: PanelSlot, ctx: ChartContext): void {
  clearSlot(slot);
  slot.kind = 'message';
  const box = el('div', 'vt-panel-message vt-panel-empty vt-empty');
  box.setAttribute('role', 'status');
  box.append(el('p', 'vt-message-title', ctx.t('noData')));
  slot.body.append(box);
}
