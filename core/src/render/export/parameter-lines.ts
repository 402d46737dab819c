/**
 * @module The parameters a report was rendered with, as "label: value" pairs in the viewer's
 * language, for PDF headers, XLSX cover sheets and e-mails: a printed number is only as good as
 * the filters written next to it.
 */
import type { ReportDefinition } from '../../definition/report-definition.js';
import { localize } from '../../i18n/localize.js';
import type { Locale } from '../../i18n/messages.js';

/** Periods end exclusively (the next day's midnight); people read the last day included. */
function lastDay(end: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(end)) return end;
  return new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(text).join(', ');
  if (typeof value === 'object') {
    const period = value as { value?: unknown; start?: unknown; end?: unknown };
    // The resolved range is what the numbers cover; the preset name says how it was chosen.
    const range = period.start && period.end ? `${String(period.start)} – ${lastDay(String(period.end))}` : '';
    const preset = period.value !== undefined ? String(period.value) : '';
    return range && preset && !preset.includes(String(period.start)) ? `${range} (${preset})` : range || preset;
  }
  return String(value);
}

/** `parameters` is `ReportOutput.parameters` (resolved values; periods as {value, start, end}). */
export function parameterLines(def: ReportDefinition, parameters: Record<string, unknown>, locale: Locale): [string, string][] {
  return (def.parameters ?? []).map((p) => [localize(p.label, locale) ?? p.id, text(parameters[p.id])]);
}
