import { describe, expect, it } from 'vitest';
import type { DatasetDefinition, PanelDefinition } from '../definition/report-definition.js';
import { labelPanel } from './label-columns.js';

const dataset: DatasetDefinition = {
  source: 'crm',
  table: 'deals',
  time: 'created_at',
  dimensions: { stage: { label: { en: 'Stage', ru: 'Этап' }, labels: { won: { en: 'Won', ru: 'Выиграна' } } }, manager: {} },
  measures: {
    revenue: { agg: 'sum', column: 'amount', label: { en: 'Revenue', ru: 'Выручка' } },
    leads: { agg: 'count', label: 'Leads' },
    won: { agg: 'count' },
  },
};

describe('labels in the viewer’s language', () => {
  it('names measures, comparisons and plans in Russian', () => {
    const panel: PanelDefinition = {
      id: 'p',
      type: 'bar',
      title: { en: 'By stage', ru: 'По этапам' },
      dataset: 'deals',
      dimensions: ['stage'],
      measures: ['revenue'],
    };
    const out = labelPanel(
      {
        id: 'p',
        columns: [
          { name: 'stage', type: 'string', role: 'dimension' },
          { name: 'revenue', type: 'number', role: 'measure' },
          { name: 'revenue_previous', type: 'number', role: 'measure' },
          { name: 'revenue_delta_pct', type: 'number', role: 'measure' },
          { name: 'revenue_run_rate_attainment', type: 'number', role: 'measure' },
        ],
        rows: [['won', 1, 2, -0.5, 0.9]],
      },
      panel,
      dataset,
      'ru',
    );
    expect(out.title).toBe('По этапам');
    expect(out.columns.map((c) => c.label)).toEqual([
      'Этап',
      'Выручка',
      'Выручка · пред. период',
      'Выручка · изменение, %',
      'Выручка · прогноз, % плана',
    ]);
    expect(out.columns[0]?.labels).toEqual({ won: 'Выиграна' });
    expect(out.rows).toEqual([['won', 1, 2, -0.5, 0.9]]);
  });

  it('labels time grains, funnel stages and the "Other" row', () => {
    const bar = labelPanel(
      {
        id: 'b',
        columns: [
          { name: 'manager', type: 'string', role: 'dimension' },
          { name: 'won', type: 'integer', role: 'measure' },
        ],
        rows: [
          ['A', 1],
          ['Other', 5],
        ],
        otherRow: true,
      },
      { id: 'b', type: 'table', dataset: 'deals', dimensions: ['manager'], measures: ['won'], limit: 1, other: true },
      dataset,
      'ru',
    );
    expect(bar.columns[0]).toMatchObject({ label: 'manager', labels: { Other: 'Прочие' } });
    const line = labelPanel(
      { id: 'l', columns: [{ name: 'time:month', type: 'date', role: 'dimension' }], rows: [] },
      { id: 'l', type: 'line', dataset: 'deals', measures: ['won'] },
      dataset,
      'en',
    );
    expect(line.columns[0]?.label).toBe('Month');
    const funnel = labelPanel(
      {
        id: 'f',
        columns: [
          { name: 'stage', type: 'string', role: 'dimension' },
          { name: 'conversion_from_previous', type: 'number', role: 'measure' },
        ],
        rows: [['leads', null]],
      },
      { id: 'f', type: 'funnel', dataset: 'deals', measures: ['leads', 'won'] },
      dataset,
      'en',
    );
    expect(funnel.columns.map((c) => c.label)).toEqual(['Stage', 'Conversion from previous stage']);
    expect(funnel.columns[0]?.labels).toEqual({ leads: 'Leads', won: 'won' });
  });
});
