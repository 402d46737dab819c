import { describe, expect, it } from 'vitest';
import type { DatasetDefinition } from '../definition/report-definition.js';
import { boundConditions } from './plan-panel.js';

const dataset: DatasetDefinition = { source: 'crm', table: 'deals', dimensions: { region: { column: 'r.name' } } };

describe('filters bound to parameters', () => {
  it('an empty parameter means no filter, in the short form and in operators', () => {
    expect(boundConditions(dataset, { region: '$region', amount: { gte: '$min', lt: 100 } }, { region: null, min: null })).toEqual([
      { column: 'amount', op: 'lt', value: 100 },
    ]);
  });

  it('a list parameter becomes IN, a single value equality; dimension names map to their columns', () => {
    expect(boundConditions(dataset, { region: '$region', stage: '$stage' }, { region: ['Москва', 'Казань'], stage: 'won' })).toEqual([
      { column: 'r.name', op: 'in', value: ['Москва', 'Казань'] },
      { column: 'stage', op: 'eq', value: 'won' },
    ]);
  });

  it('parameters inside lists and between are bound; a list parameter spreads into the list', () => {
    expect(
      boundConditions(
        dataset,
        { qty: { between: ['$lo', '$hi'] }, region: ['$extra', 'North'] },
        { lo: 3, hi: 5, extra: ['East', 'West'] },
      ),
    ).toEqual([
      { column: 'qty', op: 'between', value: [3, 5] },
      { column: 'r.name', op: 'in', value: ['East', 'West', 'North'] },
    ]);
    expect(boundConditions(dataset, { qty: { between: ['$lo', '$hi'] }, region: ['$extra'] }, { lo: 3, hi: null, extra: null })).toEqual(
      [],
    );
  });

  it('literal conditions stay, a literal null included', () => {
    expect(
      boundConditions(
        dataset,
        { closed_at: { eq: null }, region: ['A', 'B'], amount: { between: [1, 5] }, manager_id: { null: false } },
        {},
      ),
    ).toEqual([
      { column: 'closed_at', op: 'eq', value: null },
      { column: 'r.name', op: 'in', value: ['A', 'B'] },
      { column: 'amount', op: 'between', value: [1, 5] },
      { column: 'manager_id', op: 'notNull' },
    ]);
  });
});
