import { describe, expect, it } from 'vitest';
import { checkDefinitionText } from './definition-loader.js';

function definition(panel: Record<string, unknown>): string {
  return JSON.stringify(
    {
      id: 'r',
      title: 'R',
      datasets: { calls: { source: 'crm', table: 'calls', measures: { calls: { agg: 'count' } } } },
      panels: [{ id: 'total', type: 'kpi', dataset: 'calls', measure: 'calls' }, panel],
    },
    null,
    2,
  );
}

const problems = (panel: Record<string, unknown>) =>
  checkDefinitionText(definition(panel), 'r.json', { sourceNames: ['crm'] }).problems.map((p) => p.format());

describe('a tasks panel in a definition', () => {
  it('needs no dataset and filters by owner, task and state', () => {
    expect(problems({ id: 'tasks', type: 'tasks' })).toEqual([]);
    expect(problems({ id: 'tasks', type: 'tasks', tasks: { owner: ['head', 'ceo'], task: 'listen-calls', status: ['overdue'] } })).toEqual(
      [],
    );
  });

  it('refuses data settings, unknown states and a tasks filter on another panel type', () => {
    expect(problems({ id: 'tasks', type: 'tasks', dataset: 'calls', measure: 'calls' }).join('\n')).toMatch(
      /panel 'tasks' \(tasks\) takes no 'dataset'[\s\S]*takes no 'measure'/,
    );
    expect(problems({ id: 'tasks', type: 'tasks', tasks: { status: ['late'] } }).join('\n')).toMatch(/status/);
    expect(problems({ id: 'list', type: 'table', dataset: 'calls', measures: ['calls'], tasks: { owner: 'head' } }).join('\n')).toMatch(
      /sets 'tasks', which only a tasks panel uses/,
    );
  });
});
