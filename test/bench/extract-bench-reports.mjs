/** @module The extract benchmark's report definitions: three typical call-panel aggregates over the `calls` table. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const calls = {
  source: 'calls',
  table: 'calls',
  time: 'started_at',
  dimensions: { extension: {}, disposition: {}, direction: {} },
  measures: { calls: { agg: 'count' }, talk: { agg: 'sum', column: 'talk_seconds' } },
};

export const BENCH_PANELS = [
  // One month, grouped: the commonest dashboard query (a KPI or a bar for "this month").
  { report: 'bench-month', panel: 'month_by_disposition', title: 'one-month filter, group by disposition' },
  // Every extension by month over the whole log: the "department × month" kind of pivot.
  { report: 'bench-all', panel: 'extension_by_month', title: 'extension × month group-by' },
  { report: 'bench-all', panel: 'by_disposition', title: 'full-table group-by' },
];

export function writeBenchDefinitions(dir) {
  mkdirSync(dir, { recursive: true });
  const reports = [
    {
      id: 'bench-month',
      title: 'Bench: one month',
      parameters: [{ id: 'period', type: 'period', default: '2026-10' }],
      datasets: { calls },
      panels: [{ id: 'month_by_disposition', type: 'bar', dataset: 'calls', dimensions: ['disposition'], measures: ['calls', 'talk'] }],
    },
    {
      id: 'bench-all',
      title: 'Bench: whole log',
      datasets: { calls },
      panels: [
        { id: 'extension_by_month', type: 'table', dataset: 'calls', dimensions: ['extension', 'time:month'], measures: ['calls'] },
        { id: 'by_disposition', type: 'table', dataset: 'calls', dimensions: ['disposition', 'direction'], measures: ['calls', 'talk'] },
      ],
    },
  ];
  for (const r of reports) writeFileSync(join(dir, `${r.id}.json`), JSON.stringify(r, null, 2));
}
