import { describe, expect, it } from 'vitest';
import type { ResultSet } from '../../../result/result-set.js';
import { columnRoles, numeric } from './column-roles.js';

const set = (names: string[], roles: ('dimension' | 'measure')[]): ResultSet => ({
  columns: names.map((name, i) => ({
    name,
    type: roles[i] === 'dimension' ? 'string' : 'number',
    role: roles[i] as 'dimension' | 'measure',
  })),
  rows: [],
});

describe('columnRoles', () => {
  it('separates dimensions, measures and the comparison/plan columns the shapes add', () => {
    const roles = columnRoles(
      set(
        [
          'region',
          'revenue',
          'won',
          'revenue_previous',
          'revenue_delta',
          'revenue_delta_pct',
          'won_yoy_delta_pct',
          'revenue_target',
          'revenue_run_rate_attainment',
        ],
        ['dimension', 'measure', 'measure', 'measure', 'measure', 'measure', 'measure', 'measure', 'measure'],
      ),
    );
    expect(roles.dimensions).toEqual([0]);
    expect(roles.measures.map((m) => m.column.name)).toEqual(['revenue', 'won']);
    expect(roles.measures[0]?.companions).toEqual({ previous: 3, delta: 4, deltaPct: 5, target: 7, runRateAttainment: 8 });
    expect(roles.measures[1]?.companions).toEqual({ yoyDeltaPct: 6 });
  });
  it('keeps a measure whose name merely ends like a suffix when there is no base measure', () => {
    const roles = columnRoles(set(['manager', 'calls_target'], ['dimension', 'measure']));
    expect(roles.measures.map((m) => m.column.name)).toEqual(['calls_target']);
  });
  it('falls back to types when roles are missing', () => {
    const roles = columnRoles({
      columns: [
        { name: 'd', type: 'date' },
        { name: 'n', type: 'integer' },
      ],
      rows: [],
    });
    expect(roles.dimensions).toEqual([0]);
  });
});

describe('numeric', () => {
  it('reads numbers and numeric strings (DuckDB BIGINT), nothing else', () => {
    expect(numeric(3)).toBe(3);
    expect(numeric('12')).toBe(12);
    expect(numeric('')).toBeNull();
    expect(numeric('x')).toBeNull();
    expect(numeric(Number.NaN)).toBeNull();
    expect(numeric(null)).toBeNull();
  });
});
