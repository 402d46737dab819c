/** @module The definition `vitrina init` writes: small, valid, and a starting point to edit. */

export const SAMPLE_DEFINITION = {
  $schema: '../schemas/report.schema.json',
  id: 'my-first-report',
  title: { en: 'My first report', ru: 'Мой первый отчёт' },
  description: { en: 'Deals and revenue by region. Edit me, then run vitrina validate.', ru: 'Сделки и выручка по регионам.' },
  parameters: [
    { id: 'period', type: 'period', default: 'last_90_days' },
    { id: 'by', type: 'breakdown', options: ['region', 'manager', 'time:month'], default: 'region' },
  ],
  datasets: {
    deals: {
      source: 'crm',
      table: 'deals',
      time: 'created_at',
      joins: [
        { table: 'clients', as: 'c', on: { client_id: 'id' } },
        { table: 'regions', as: 'r', on: { 'c.region_id': 'id' } },
        { table: 'managers', as: 'm', on: { manager_id: 'id' } },
      ],
      dimensions: { region: { column: 'r.name' }, manager: { column: 'm.name' } },
      measures: {
        deals: { agg: 'count', label: { en: 'Deals', ru: 'Сделки' } },
        won: { agg: 'count', where: { stage: 'won' }, label: { en: 'Won', ru: 'Выиграно' } },
        revenue: { agg: 'sum', column: 'amount', where: { stage: 'won' }, format: 'currency' },
        win_rate: { expr: 'won / deals', format: 'percent' },
      },
    },
  },
  panels: [
    { id: 'revenue', type: 'kpi', dataset: 'deals', measure: 'revenue', compare: 'previous_period' },
    {
      id: 'by_dimension',
      type: 'bar',
      dataset: 'deals',
      dimensions: ['$by'],
      measures: ['deals', 'won', 'win_rate'],
      sort: '-deals',
      limit: 10,
    },
  ],
};
