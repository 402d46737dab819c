/** @module Escaping for the only place ECharts renders HTML: tooltips. Data never reaches it raw. */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

/**
 * ECharts reads `{name|text}` in label strings as rich-text markup; a dimension value with braces
 * must print as typed, so labels built from data go through this.
 */
export function plainLabel(text: string): string {
  return text.replace(/[{}|]/g, (c) => (c === '|' ? '¦' : c === '{' ? '(' : ')'));
}

/** One tooltip line: ECharts' colour marker (its own markup) then escaped name and value. */
export function tooltipLine(marker: string | undefined, name: string, value: string): string {
  return `${marker ?? ''}${escapeHtml(name)}: <b>${escapeHtml(value)}</b>`;
}

export function tooltipHeader(text: string): string {
  return `<div style="font-weight:600;margin-bottom:2px">${escapeHtml(text)}</div>`;
}
