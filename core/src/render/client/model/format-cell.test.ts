import { describe, expect, it } from 'vitest';
import { chartContext } from './chart-context.js';
import { bucketOf, formatCell, formatInstant, formatTick } from './format-cell.js';

const en = chartContext({ locale: 'en' });
const ru = chartContext({ locale: 'ru' });
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatCell', () => {
  it('formats numbers, money and percentages per locale (through formatValue)', () => {
    expect(formatCell(1234567.8, { name: 'r', type: 'number', format: 'currency' }, en)).toBe('$1,234,568');
    expect(nbsp(formatCell(1234567.8, { name: 'r', type: 'number', format: 'currency' }, ru))).toBe('1 234 568 ₽');
    expect(formatCell(0.1234, { name: 'p', type: 'number', format: 'percent' }, en)).toBe('12.3%');
    expect(nbsp(formatCell(0.1234, { name: 'p', type: 'number', format: 'percent' }, ru))).toBe('12,3 %');
    expect(formatCell(42, { name: 'n', type: 'integer' }, en)).toBe('42');
    expect(formatCell(null, { name: 'n', type: 'integer' }, en)).toBe('—');
    expect(formatCell('1234567', { name: 'n', type: 'integer' }, en)).toBe('1,234,567');
    expect(formatCell('12', { name: 's', type: 'string' }, en)).toBe('12');
  });
  it('uses the configured currency', () => {
    const eur = chartContext({ locale: 'en', currency: 'EUR' });
    expect(formatCell(10, { name: 'r', type: 'number', format: 'currency' }, eur)).toBe('€10');
  });
  it('prefers value labels (dimension labels, "Other")', () => {
    expect(formatCell('key', { name: 'segment', type: 'string', labels: { key: 'Key accounts' } }, en)).toBe('Key accounts');
  });
  it('formats dates by their time bucket without shifting the calendar day', () => {
    expect(formatCell('2026-11-01', { name: 'time:month', type: 'date' }, en)).toBe('November 2026');
    expect(formatCell('2026-11-01', { name: 'time:month', type: 'date' }, en, true)).toBe('Nov 2026');
    expect(formatCell('2026-04-01', { name: 'time:quarter', type: 'date' }, en)).toBe('Q2 2026');
    expect(formatCell('2026-04-01', { name: 'time:quarter', type: 'date' }, ru)).toBe('2 кв. 2026');
    expect(formatCell('2026-01-01', { name: 'time:year', type: 'date' }, en)).toBe('2026');
    expect(formatCell('2026-11-02', { name: 'time:week', type: 'date' }, en, true)).toBe('Nov 2');
    expect(formatCell('2026-11-02', { name: 'last_activity_on', type: 'date' }, en)).toBe('Nov 2, 2026');
    expect(formatCell('2026-11-02 14:30:00', { name: 'at', type: 'timestamp' }, en)).toBe('Nov 2, 2026, 2:30 PM');
  });
  it('names weekdays (1 = Monday) and hours of the day', () => {
    expect(formatCell(1, { name: 'time:weekday', type: 'integer' }, en, true)).toBe('Mon');
    expect(formatCell(7, { name: 'time:weekday', type: 'integer' }, ru)).toBe('воскресенье');
    expect(formatCell(9, { name: 'time:hour_of_day', type: 'integer' }, en)).toBe('09:00');
  });
  it('reads the bucket from the column name', () => {
    expect(bucketOf({ name: 'time:month' })).toBe('month');
    expect(bucketOf({ name: 'region' })).toBeUndefined();
  });
});

describe('formatTick', () => {
  it('is compact on axes', () => {
    expect(formatTick(12_500_000, { name: 'r', type: 'number', format: 'currency' }, en)).toBe('$12.5M');
    expect(formatTick(0.25, { name: 'p', type: 'number', format: 'percent' }, en)).toBe('25%');
    expect(formatTick(1500, undefined, en)).toBe('1.5K');
  });
});

describe('formatInstant', () => {
  it('writes "data as of" in the reporting time zone like the server', () => {
    expect(formatInstant('2026-11-26T22:24:55Z', chartContext({ locale: 'en', timezone: 'Europe/Moscow' }))).toBe('27 Nov 2026, 01:24');
    expect(formatInstant('not a date', en)).toBe('not a date');
    expect(formatInstant('2026-11-26T22:24:55Z', chartContext({ locale: 'en', timezone: 'Nowhere/Atlantis' }))).toMatch(/2026/);
  });
});
