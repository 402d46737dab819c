/**
 * @module Enhances the server's plain GET form (`form#vt-filters`): a change applies at once
 * without a page load, selects without options get them from the API, periods get a custom range.
 * The form stays the single place the current parameters are read from and written to.
 */
import type { DashboardState } from '../../html/dashboard-state.js';
import type { ChartContext } from '../model/chart-context.js';
import { fetchOptions } from './panel-fetch.js';
import { CUSTOM, enhancePeriod, ensureOption } from './period-picker.js';

export interface FilterBar {
  /** The parameters as the form would submit them (empty values left out). */
  read(): URLSearchParams;
  /** Puts parameter values (from the URL, a drill) back into the controls. */
  write(query: URLSearchParams): void;
}

type Control = HTMLSelectElement | HTMLInputElement;

function controlOf(wrapper: Element): Control | null {
  if (wrapper instanceof HTMLSelectElement || wrapper instanceof HTMLInputElement) return wrapper;
  return wrapper.querySelector<Control>('select[name], input[name]');
}

export function enhanceFilters(doc: Document, state: DashboardState, ctx: ChartContext, onChange: () => void): FilterBar | null {
  const form = doc.querySelector<HTMLFormElement>('form#vt-filters');
  if (!form) return null;
  const ids = new Set(state.parameters.map((p) => p.id));
  const controls = new Map<string, Control>();
  for (const wrapper of form.querySelectorAll<HTMLElement>('[data-parameter]')) {
    const control = controlOf(wrapper);
    if (control) controls.set(wrapper.dataset.parameter as string, control);
  }
  const read = (): URLSearchParams => {
    const out = new URLSearchParams();
    for (const [key, value] of new FormData(form))
      if (ids.has(key) && typeof value === 'string' && value !== '' && value !== CUSTOM) out.append(key, value);
    return out;
  };
  // What each control showed for a parameter the page's URL left out: the report's default, which
  // a URL without the parameter (Back to the first view) must show again.
  const defaults = new Map<string, string[]>();
  for (const [id, control] of controls)
    if (!(id in state.query))
      defaults.set(id, control instanceof HTMLSelectElement ? [...control.selectedOptions].map((o) => o.value) : [control.value]);
  const write = (query: URLSearchParams): void => {
    for (const [id, control] of controls) {
      const given = query.getAll(id);
      const values = given.length ? given : (defaults.get(id) ?? []);
      if (control instanceof HTMLSelectElement) {
        if (!control.multiple && values[0] !== undefined) ensureOption(control, values[0]);
        else
          for (const o of control.options) o.selected = values.includes(o.value) || (!values.length && o.value === '' && !control.multiple);
      } else if (control.type === 'checkbox') control.checked = values.includes(control.value);
      else control.value = values[0] ?? '';
    }
  };
  if (state.static) {
    for (const control of form.querySelectorAll<HTMLElement>('select, input, button')) control.setAttribute('disabled', '');
    return { read, write };
  }
  form.classList.add('vt-enhanced');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onChange();
  });
  form.addEventListener('change', (e) => {
    const target = e.target as Control | null;
    // The custom range's own inputs have no name and apply with their button.
    if (!target?.name || target.value === CUSTOM) return;
    onChange();
  });
  for (const view of state.parameters) {
    const control = controls.get(view.id);
    const wrapper = form.querySelector<HTMLElement>(`[data-parameter="${CSS.escape(view.id)}"]`);
    if (!(control instanceof HTMLSelectElement) || !wrapper) continue;
    if (view.type === 'period') enhancePeriod(wrapper, control, view, ctx, onChange);
    const empty = [...control.options].every((o) => o.value === '');
    if (view.type === 'select' && empty && !view.options?.length) void loadOptions(state, view.id, control);
  }
  return { read, write };
}

async function loadOptions(state: DashboardState, id: string, select: HTMLSelectElement): Promise<void> {
  try {
    const selected = new Set([...select.selectedOptions].map((o) => o.value).filter(Boolean));
    const current = state.query[id];
    for (const v of Array.isArray(current) ? current : current ? [current] : []) selected.add(v);
    for (const { value, label } of await fetchOptions(state, id)) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = label;
      option.selected = selected.has(value);
      select.append(option);
    }
  } catch (error) {
    console.warn(`vitrina: options of ${id} could not be loaded`, error);
  }
}
