/** @module Numbers, money, percentages and durations as people read them, per locale (Intl). */
import type { ResultColumn } from '../result/result-set.js';
import type { Locale } from './messages.js';

export interface FormatOptions {
  locale: Locale;
  /** ISO 4217 code for currency columns. Default RUB for ru, USD for en. */
  currency?: string;
}

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-US', options);
    formats.set(key, f);
  }
  return f;
}

function duration(value: number, locale: Locale): string {
  // Round once, up front: rounding only the seconds turned 179.6 s into "2 min 60 s".
  const seconds = Math.round(value);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const [hu, mu, su] = locale === 'ru' ? ['ч', 'мин', 'с'] : ['h', 'min', 's'];
  if (h) return `${h} ${hu} ${m} ${mu}`;
  if (m) return `${m} ${mu} ${s} ${su}`;
  return `${s} ${su}`;
}

/** A cell as text: null is an em dash; the column's format and type pick the rest. */
export function formatValue(value: unknown, column: Pick<ResultColumn, 'type' | 'format' | 'labels'>, options: FormatOptions): string {
  if (value === null || value === undefined) return '—';
  const label = column.labels?.[String(value)];
  if (label !== undefined) return label;
  if (typeof value !== 'number') return String(value);
  switch (column.format) {
    case 'percent':
      return numberFormat(options.locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'currency':
      return numberFormat(options.locale, {
        style: 'currency',
        currency: options.currency ?? (options.locale === 'ru' ? 'RUB' : 'USD'),
        maximumFractionDigits: 0,
      }).format(value);
    case 'duration':
      return duration(value, options.locale);
    case 'integer':
      return numberFormat(options.locale, { maximumFractionDigits: 0 }).format(value);
    default:
      return numberFormat(options.locale, { maximumFractionDigits: column.type === 'integer' ? 0 : 2 }).format(value);
  }
}
