/**
 * @module Custom range for a period select: a "Custom range" choice opens two date inputs whose
 * Apply writes `YYYY-MM-DD..YYYY-MM-DD` (both days inclusive) into the select, so the plain form,
 * the URL and the API all carry the same text.
 */
import type { ParameterView } from '../../html/dashboard-state.js';
import type { ChartContext } from '../model/chart-context.js';
import { el } from './dom-helpers.js';

export const CUSTOM = '__custom';
const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/** Makes sure the select offers `value` (a custom range or a drilled value) and selects it. */
export function ensureOption(select: HTMLSelectElement, value: string, label = value): void {
  let option = [...select.options].find((o) => o.value === value);
  if (!option) {
    option = el('option', undefined, label);
    option.value = value;
    const custom = [...select.options].find((o) => o.value === CUSTOM);
    select.insertBefore(option, custom ?? null);
  }
  option.selected = true;
}

export function rangeLabel(value: string): string {
  const m = RANGE.exec(value);
  return m ? `${m[1]} – ${m[2]}` : value;
}

export function enhancePeriod(
  wrapper: HTMLElement,
  select: HTMLSelectElement,
  view: ParameterView,
  ctx: ChartContext,
  apply: () => void,
): void {
  const custom = el('option', undefined, `${ctx.t('customRange')}…`);
  custom.value = CUSTOM;
  select.append(custom);
  for (const o of select.options) if (RANGE.test(o.value) && o.textContent === o.value) o.textContent = rangeLabel(o.value);
  const box = el('div', 'vt-period-custom');
  box.hidden = true;
  const input = (label: string) => {
    const field = el('label', 'vt-period-field');
    const date = el('input');
    date.type = 'date';
    field.append(el('span', undefined, label), date);
    box.append(field);
    return date;
  };
  const from = input(ctx.t('from'));
  const to = input(ctx.t('to'));
  const ok = el('button', 'vt-period-apply', ctx.t('apply'));
  ok.type = 'button';
  box.append(ok);
  wrapper.append(box);
  let previous = select.value;
  select.addEventListener('change', () => {
    if (select.value !== CUSTOM) {
      previous = select.value;
      box.hidden = true;
      return;
    }
    const current = RANGE.exec(previous);
    from.value = current?.[1] ?? view.resolved?.start ?? '';
    to.value = current?.[2] ?? view.resolved?.end ?? '';
    box.hidden = false;
    from.focus();
  });
  ok.addEventListener('click', () => {
    if (!from.value || !to.value) return;
    const [start, end] = from.value <= to.value ? [from.value, to.value] : [to.value, from.value];
    const value = `${start}..${end}`;
    ensureOption(select, value, rangeLabel(value));
    previous = value;
    box.hidden = true;
    apply();
  });
}
