import { describe, expect, it } from 'vitest';
import type { PanelResult } from '../../../result/result-set.js';
import { chartContext } from './chart-context.js';
import { kpiModel, toneOf } from './kpi-model.js';

const revenue: PanelResult = {
  id: 'revenue',
  columns: [
    { name: 'revenue', type: 'number', role: 'measure', format: 'currency', label: 'Revenue' },
    { name: 'revenue_previous', type: 'number', role: 'measure', format: 'currency' },
    { name: 'revenue_delta', type: 'number', role: 'measure', format: 'currency' },
    { name: 'revenue_delta_pct', type: 'number', role: 'measure', format: 'percent' },
    { name: 'revenue_target', type: 'number', role: 'measure', format: 'currency' },
    { name: 'revenue_attainment', type: 'number', role: 'measure', format: 'percent' },
    { name: 'revenue_run_rate', type: 'number', role: 'measure', format: 'currency' },
    { name: 'revenue_run_rate_attainment', type: 'number', role: 'measure', format: 'percent' },
  ],
  rows: [[1100, 1000, 100, 0.1, 1200, 0.9167, 1300, 1.0833]],
};

describe('kpiModel', () => {
  it('shows the value, the change with an arrow, % of plan and run-rate', () => {
    const m = kpiModel(revenue, chartContext({ locale: 'en' }));
    expect(m?.value).toBe('$1,100');
    expect(m?.deltas).toEqual([{ text: '▲ 10%', detail: '+$100 ($1,000)', against: 'vs previous period', direction: 'up', tone: 'good' }]);
    expect(m?.attainment).toEqual({ text: '91.7% of plan', tone: 'bad' });
    expect(m?.runRate).toBe('run-rate: 108.3% of plan');
  });
  it('colours by goodWhen: more complaints is bad', () => {
    const ctx = chartContext({ locale: 'en', goodWhen: { revenue: 'down' } });
    expect(kpiModel(revenue, ctx)?.deltas[0]?.tone).toBe('bad');
    expect(kpiModel(revenue, ctx)?.attainment?.tone).toBe('good');
  });
  it('uses the server words when given', () => {
    const ctx = chartContext({ locale: 'ru', messages: { 'client.vsPrevious': 'к пред.' } });
    expect(kpiModel(revenue, ctx)?.deltas[0]?.against).toBe('к пред.');
  });
  it('has nothing to say without a row', () => {
    expect(kpiModel({ ...revenue, rows: [] }, chartContext({ locale: 'en' }))).toBeNull();
  });
  it('skips a comparison with no earlier value', () => {
    const m = kpiModel({ ...revenue, rows: [[1100, null, null, null, null, null, null, null]] }, chartContext({ locale: 'en' }));
    expect(m?.deltas).toEqual([]);
    expect(m?.attainment).toBeUndefined();
  });
  it('tones', () => {
    expect(toneOf(0)).toBe('neutral');
    expect(toneOf(-1, 'down')).toBe('good');
    expect(toneOf(-1)).toBe('bad');
  });
});
