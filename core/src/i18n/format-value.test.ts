import { describe, expect, it } from 'vitest';
import { formatValue } from './format-value.js';

// Intl separates digit groups and units with no-break spaces, which is right for display; compare as plain text.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatValue', () => {
  it('formats money, percentages and numbers by locale', () => {
    expect(plain(formatValue(1234567.8, { type: 'number', format: 'currency' }, { locale: 'ru' }))).toBe('1 234 568 ₽');
    expect(plain(formatValue(1234567.8, { type: 'number', format: 'currency' }, { locale: 'en', currency: 'EUR' }))).toBe('€1,234,568');
    expect(plain(formatValue(0.2034, { type: 'number', format: 'percent' }, { locale: 'ru' }))).toBe('20,3 %');
    expect(plain(formatValue(1234.567, { type: 'number' }, { locale: 'en' }))).toBe('1,234.57');
    expect(plain(formatValue(4610, { type: 'integer' }, { locale: 'ru' }))).toBe('4 610');
  });

  it('shows durations, empty values and value labels', () => {
    expect(plain(formatValue(3725, { type: 'number', format: 'duration' }, { locale: 'en' }))).toBe('1 h 2 min');
    expect(plain(formatValue(95, { type: 'number', format: 'duration' }, { locale: 'ru' }))).toBe('1 мин 35 с');
    // Rounds the whole duration, so 179.6 s is 3 minutes, never "2 min 60 s".
    expect(plain(formatValue(179.6, { type: 'number', format: 'duration' }, { locale: 'en' }))).toBe('3 min 0 s');
    expect(plain(formatValue(3599.7, { type: 'number', format: 'duration' }, { locale: 'en' }))).toBe('1 h 0 min');
    expect(plain(formatValue(null, { type: 'number' }, { locale: 'en' }))).toBe('—');
    expect(plain(formatValue('won', { type: 'string', labels: { won: 'Выиграна' } }, { locale: 'ru' }))).toBe('Выиграна');
  });
});
