/**
 * @module Excel number formats for result columns, so a cell stays a number (sortable, summable)
 * and still reads like the dashboard: money with its symbol, percentages, durations, dates.
 */
import type { ResultColumn } from '../../result/result-set.js';

const CURRENCY_SYMBOLS: Record<string, string> = { RUB: '₽', USD: '$', EUR: '€', GBP: '£', CNY: '¥', KZT: '₸' };

function money(currency: string): string {
  const symbol = CURRENCY_SYMBOLS[currency] ?? currency;
  // Symbols that go before the amount in English use stay in front; ₽, ₸ and ISO codes follow it.
  return ['$', '€', '£', '¥'].includes(symbol) ? `"${symbol}"#,##0` : `#,##0 "${symbol}"`;
}

export function xlsxNumberFormat(column: Pick<ResultColumn, 'type' | 'format'>, currency: string): string | undefined {
  switch (column.format) {
    case 'currency':
      return money(currency);
    case 'percent':
      return '0.0%';
    case 'integer':
      return '#,##0';
    case 'duration':
      // Seconds become an Excel time (days); [h] keeps counting past 24 hours.
      return '[h]:mm:ss';
    default:
      break;
  }
  if (column.type === 'date') return 'yyyy-mm-dd';
  if (column.type === 'timestamp') return 'yyyy-mm-dd hh:mm';
  if (column.type === 'integer') return '#,##0';
  if (column.type === 'number') return '#,##0.00';
  return undefined;
}
