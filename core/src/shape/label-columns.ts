/**
 * @module Puts human labels on a panel's result in the viewer's language: column labels from the
 * definition's measure and dimension labels (with "· previous period", "· % of plan"…), display
 * labels for stored values, and the panel's title. Rows keep the stored values.
 */
import type { DatasetDefinition, PanelDefinition } from '../definition/report-definition.js';
import { localize } from '../i18n/localize.js';
import { type Locale, type MessageKey, t } from '../i18n/messages.js';
import { parseDimensionRef } from '../query/time-grain.js';
import type { PanelResult, ResultColumn } from '../result/result-set.js';

const SUFFIXES: MessageKey[] = [
  'previous',
  'delta_pct',
  'delta',
  'last_year',
  'yoy_delta_pct',
  'yoy_delta',
  'target',
  'run_rate_attainment',
  'attainment',
  'run_rate',
];
const FUNNEL: Record<string, MessageKey> = {
  stage: 'stage',
  value: 'value',
  conversion_from_previous: 'conversion_from_previous',
  conversion_from_first: 'conversion_from_first',
};

function measureLabel(dataset: DatasetDefinition, name: string, locale: Locale): string {
  return localize(dataset.measures?.[name]?.label, locale) ?? name;
}

function columnLabel(dataset: DatasetDefinition, panel: PanelDefinition, column: ResultColumn, locale: Locale): string {
  if (panel.type === 'funnel' && FUNNEL[column.name]) return t(locale, FUNNEL[column.name] as MessageKey);
  if (dataset.measures?.[column.name]) return measureLabel(dataset, column.name, locale);
  for (const suffix of SUFFIXES) {
    const base = column.name.slice(0, -(suffix.length + 1));
    if (column.name.endsWith(`_${suffix}`) && dataset.measures?.[base])
      return `${measureLabel(dataset, base, locale)} · ${t(locale, suffix)}`;
  }
  if (column.role === 'dimension') {
    const { name, bucket } = parseDimensionRef(column.name);
    const declared = localize(dataset.dimensions?.[name]?.label, locale);
    if (bucket)
      return declared ? `${declared} · ${t(locale, `grain.${bucket}` as MessageKey)}` : t(locale, `grain.${bucket}` as MessageKey);
    return declared ?? name;
  }
  return column.name;
}

function valueLabels(
  dataset: DatasetDefinition,
  panel: PanelDefinition,
  result: PanelResult,
  column: ResultColumn,
  index: number,
  locale: Locale,
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  // A funnel's stage column holds measure names, not values of a dataset dimension.
  if (panel.type === 'funnel' && column.name === 'stage') for (const m of panel.measures ?? []) out[m] = measureLabel(dataset, m, locale);
  else if (column.role === 'dimension') {
    for (const [value, text] of Object.entries(dataset.dimensions?.[parseDimensionRef(column.name).name]?.labels ?? {}))
      out[value] = localize(text, locale) ?? value;
    if (result.otherRow && index === 0) out[String(result.rows[result.rows.length - 1]?.[0])] = t(locale, 'other');
  }
  return Object.keys(out).length ? out : undefined;
}

export function labelPanel(result: PanelResult, panel: PanelDefinition, dataset: DatasetDefinition, locale: Locale): PanelResult {
  const columns = result.columns.map((column, i) => {
    const labels = valueLabels(dataset, panel, result, column, i, locale);
    return { ...column, label: columnLabel(dataset, panel, column, locale), ...(labels ? { labels } : {}) };
  });
  const title = localize(panel.title, locale);
  return { ...result, type: panel.type, ...(title ? { title } : {}), columns };
}
