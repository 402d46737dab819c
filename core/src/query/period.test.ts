import { describe, expect, it } from 'vitest';
import { previousPeriod, previousYear, resolvePeriod } from './period.js';

const moscow = { timezone: 'Europe/Moscow', now: new Date('2026-11-26T22:30:00Z') }; // already Nov 27 in Moscow
const utc = { timezone: 'UTC', now: new Date('2026-11-26T12:00:00Z') };

describe('period presets resolve in the reporting time zone', () => {
  it.each([
    ['today', '2026-11-26', '2026-11-27'],
    ['yesterday', '2026-11-25', '2026-11-26'],
    ['this_week', '2026-11-23', '2026-11-30'],
    ['last_week', '2026-11-16', '2026-11-23'],
    ['this_month', '2026-11-01', '2026-12-01'],
    ['last_month', '2026-10-01', '2026-11-01'],
    ['this_quarter', '2026-10-01', '2027-01-01'],
    ['last_quarter', '2026-07-01', '2026-10-01'],
    ['this_year', '2026-01-01', '2027-01-01'],
    ['last_year', '2025-01-01', '2026-01-01'],
    ['last_7_days', '2026-11-20', '2026-11-27'],
    ['last_30_days', '2026-10-28', '2026-11-27'],
    ['last_90_days', '2026-08-29', '2026-11-27'],
    ['last_12_months', '2025-12-01', '2026-12-01'],
  ])('%s is [%s, %s) in UTC', (preset, start, end) => {
    const p = resolvePeriod(preset, utc);
    expect([p.start, p.end]).toEqual([start, end]);
  });

  it('uses the local date: 22:30 UTC is already tomorrow in Moscow', () => {
    const p = resolvePeriod('today', moscow);
    expect(p.start).toBe('2026-11-27');
    expect(p.startInstant.toISOString()).toBe('2026-11-26T21:00:00.000Z');
  });

  it('puts boundaries at local midnight across a DST change', () => {
    const berlin = { timezone: 'Europe/Berlin', now: new Date('2026-03-30T12:00:00Z') };
    const p = resolvePeriod('2026-03-29', berlin); // clocks jump 02:00 → 03:00 that day
    expect(p.startInstant.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(p.endInstant.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});

describe('custom periods', () => {
  it.each([
    ['2026-01-15..2026-02-14', '2026-01-15', '2026-02-15', 'day', 31],
    ['2026-01-01..2026-03-31', '2026-01-01', '2026-04-01', 'month', 3],
    ['2026-02', '2026-02-01', '2026-03-01', 'month', 1],
    ['2026-Q3', '2026-07-01', '2026-10-01', 'month', 3],
    ['2025', '2025-01-01', '2026-01-01', 'month', 12],
    ['2026-05-09', '2026-05-09', '2026-05-10', 'day', 1],
  ])('%s', (text, start, end, unit, length) => {
    expect(resolvePeriod(text, utc)).toMatchObject({ start, end, unit, length });
  });

  it('rejects nonsense with a did-you-mean', () => {
    expect(() => resolvePeriod('last_30_dayz', utc)).toThrow(
      expect.objectContaining({ code: 'PERIOD_INVALID', hint: "did you mean 'last_30_days'?" }),
    );
    expect(() => resolvePeriod('2026-02-30', utc)).toThrow("'2026-02-30' is not a period");
    expect(() => resolvePeriod('2026-03-01..2026-01-01', utc)).toThrow(/is not a period/);
  });
});

describe('comparison periods', () => {
  it('previous period of a calendar month is the previous calendar month', () => {
    const p = previousPeriod(resolvePeriod('2026-03', utc), utc);
    expect([p.start, p.end]).toEqual(['2026-02-01', '2026-03-01']);
  });

  it('previous period of the last 30 days is the 30 days before', () => {
    const p = previousPeriod(resolvePeriod('last_30_days', utc), utc);
    expect([p.start, p.end]).toEqual(['2026-09-28', '2026-10-28']);
  });

  it('previous year keeps the calendar dates', () => {
    const p = previousYear(resolvePeriod('this_quarter', utc), utc);
    expect([p.start, p.end]).toEqual(['2025-10-01', '2026-01-01']);
  });
});
