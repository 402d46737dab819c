import { describe, expect, it } from 'vitest';
import { drillHref, parametersOf, withParameters } from './url-query.js';

describe('url-query', () => {
  it('replaces report parameters and keeps the rest (lang)', () => {
    const q = new URLSearchParams([
      ['period', 'last_month'],
      ['region', 'Moscow'],
      ['region', 'Kazan'],
    ]);
    expect(withParameters('/d/sales?lang=en&period=this_month&by=region', ['period', 'region', 'by'], q)).toBe(
      '/d/sales?lang=en&period=last_month&region=Moscow&region=Kazan',
    );
    expect(withParameters('http://host/d/sales', ['period'], new URLSearchParams())).toBe('/d/sales');
  });
  it('reads only report parameters, without empty values', () => {
    expect(parametersOf('?lang=ru&period=2026-01-01..2026-01-31&region=', ['period', 'region']).toString()).toBe(
      'period=2026-01-01..2026-01-31',
    );
  });
  it('drills to another dashboard keeping the period', () => {
    const q = new URLSearchParams([
      ['period', 'last_quarter'],
      ['region', 'Moscow'],
    ]);
    expect(drillHref('/d/sales-activity', 'department', 'Отдел продаж & Co', q, ['period'])).toBe(
      '/d/sales-activity?period=last_quarter&department=%D0%9E%D1%82%D0%B4%D0%B5%D0%BB+%D0%BF%D1%80%D0%BE%D0%B4%D0%B0%D0%B6+%26+Co',
    );
  });
});
