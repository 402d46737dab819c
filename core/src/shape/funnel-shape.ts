/** @module Funnel: one row of stage measures becomes one row per stage with conversion rates. */
import type { ResultSet } from '../result/result-set.js';

export function funnelShape(single: ResultSet, stages: string[]): ResultSet {
  const row = single.rows[0] ?? [];
  const values = stages.map((s) => {
    const v = row[single.columns.findIndex((c) => c.name === s)];
    return typeof v === 'number' ? v : 0;
  });
  const first = values[0] ?? 0;
  return {
    columns: [
      { name: 'stage', type: 'string', role: 'dimension' },
      { name: 'value', type: 'number', role: 'measure' },
      { name: 'conversion_from_previous', type: 'number', role: 'measure', format: 'percent' },
      { name: 'conversion_from_first', type: 'number', role: 'measure', format: 'percent' },
    ],
    rows: stages.map((stage, i) => {
      const value = values[i] as number;
      const previous = i === 0 ? null : (values[i - 1] as number);
      return [stage, value, previous === null ? null : previous === 0 ? null : value / previous, first === 0 ? null : value / first];
    }),
  };
}
