/**
 * @module Fetches one panel's result from the API. Every failure becomes a panel error value (the
 * API already answers a failed panel with its error JSON), so one panel never breaks the rest.
 */
import type { DashboardState } from '../../html/dashboard-state.js';
import { fillTemplate } from './dom-helpers.js';

export function panelUrl(state: DashboardState, panel: string, query: URLSearchParams): string {
  const q = query.toString();
  return `${fillTemplate(state.api.panel, { report: state.report.id, panel })}${q ? `?${q}` : ''}`;
}

/**
 * `revalidate` (auto-refresh): ask the server even if the browser still holds a fresh copy (a 304
 * costs little), so "data as of" never claims a refresh that only read the browser cache.
 */
export async function fetchPanel(
  state: DashboardState,
  panel: string,
  query: URLSearchParams,
  signal: AbortSignal,
  revalidate = false,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(panelUrl(state, panel, query), {
      signal,
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      ...(revalidate ? { cache: 'no-cache' as const } : {}),
    });
  } catch (error) {
    if (signal.aborted) throw error;
    return { id: panel, error: { code: 'NETWORK', message: error instanceof Error ? error.message : String(error) } };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.ok || (body && typeof body === 'object' && 'error' in body)) return body;
  return { id: panel, error: { code: `HTTP_${response.status}`, message: response.statusText || `HTTP ${response.status}` } };
}

/** A select's options from `api.options`: `{ options: [{ value, label }] }` (or a bare array). */
export async function fetchOptions(state: DashboardState, parameter: string): Promise<{ value: string; label: string }[]> {
  const url = fillTemplate(state.api.options, { report: state.report.id, parameter });
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) return [];
  const body = (await response.json()) as { options?: unknown } | unknown[];
  const list = Array.isArray(body) ? body : Array.isArray(body?.options) ? body.options : [];
  return (list as { value?: unknown; label?: unknown }[]).map((o) => ({
    value: String(o.value ?? o),
    label: String(o.label ?? o.value ?? o),
  }));
}
