/**
 * personnel-control on the demo CRM: tasks (activities) due in the period, done / open / overdue,
 * per department, manager and task type, with the department and type filters and row scopes.
 */
import { scopedViewer } from '@vitrina/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compared,
  DEPARTMENT_2,
  type Demo,
  expectRows,
  local,
  MANAGER_3,
  openDemo,
  type Period,
  period,
  ratio,
  SCOPES,
} from './demo-fixture.js';

let demo: Demo;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(async () => demo?.close());

const FROM = `from activities a join managers m on m.id = a.manager_id join departments dep on dep.id = m.department_id
  where a.due_at >= ? and a.due_at < ?`;
const MEASURES = `count(*) as tasks, count(case when a.status = 'done' then 1 end) as done, count(case when a.status = 'open' then 1 end) as open,
  count(case when a.status = 'overdue' then 1 end) as overdue`;
const KEY: Record<string, string> = { department: 'dep.name', manager: 'm.name', type: 'a.type' };

const cases = [
  {
    name: 'this month (default) by department',
    params: {},
    by: 'department',
    current: period('2026-11-01', '2026-12-01'),
    previous: period('2026-10-01', '2026-11-01'),
    lastYear: period('2025-11-01', '2025-12-01'),
    filter: '1 = 1',
  },
  {
    name: 'the last 30 days by manager, calls and to-dos only',
    params: { period: 'last_30_days', by: 'manager', type: 'call,task' },
    by: 'manager',
    current: period('2026-10-28', '2026-11-27'),
    previous: period('2026-09-28', '2026-10-28'),
    lastYear: period('2025-10-28', '2025-11-27'),
    filter: `a.type in ('call', 'task')`,
  },
  {
    name: 'October 2026 (custom range) by task type for two departments',
    params: { period: '2026-10-01..2026-10-31', by: 'type', department: 'Корпоративные продажи,Отдел продаж Москва' },
    by: 'type',
    current: period('2026-10-01', '2026-11-01'),
    previous: period('2026-09-01', '2026-10-01'),
    lastYear: period('2025-10-01', '2025-11-01'),
    filter: `dep.name in ('Корпоративные продажи', 'Отдел продаж Москва')`,
  },
];

for (const scope of SCOPES)
  describe(`personnel-control for ${scope.name}`, () => {
    for (const { name, params, by, current, previous, lastYear, filter } of cases)
      describe(name, () => {
        const where = () => `${filter} and ${scope.where}`;
        const totals = (p: Period) => demo.one(`select ${MEASURES} ${FROM} and ${where()}`, p.start, p.end);
        let panels: Awaited<ReturnType<Demo['render']>>;
        beforeAll(async () => {
          panels = await demo.render('personnel-control', params, scope.viewer);
        });

        it('tasks due and tasks done vs the previous period; overdue vs the previous period and last year', () => {
          const [now, before, yearAgo] = [current, previous, lastYear].map(totals);
          expect(now?.tasks).toBeGreaterThan(0);
          expectRows(panels.tasks?.rows ?? [], [{ tasks: now?.tasks, ...compared('tasks', now?.tasks, before?.tasks ?? 0) }]);
          expectRows(panels.done?.rows ?? [], [{ done: now?.done, ...compared('done', now?.done, before?.done ?? 0) }]);
          expectRows(panels.overdue?.rows ?? [], [
            {
              overdue: now?.overdue,
              ...compared('overdue', now?.overdue, before?.overdue ?? 0),
              ...compared('overdue', now?.overdue, yearAgo?.overdue, 'last_year'),
            },
          ]);
        });

        it('the overdue share is overdue among all tasks due', () => {
          const now = totals(current);
          expectRows(panels.overdue_share?.rows ?? [], [{ overdue_share: ratio(now.overdue, now.tasks) }]);
        });

        it(`done, open and overdue by ${by}, most overdue first`, () => {
          const rows = demo.all(
            `select ${KEY[by]} as "${by}", ${MEASURES} ${FROM} and ${where()} group by 1 order by overdue desc, 1`,
            current.start,
            current.end,
          );
          expectRows(
            panels.status_by?.rows ?? [],
            rows.map(({ tasks: _, ...r }) => r),
          );
        });

        it('the manager table is sorted by overdue tasks, then by overdue share', () => {
          const rows = demo.all(
            `select m.name as manager, dep.name as department, ${MEASURES}, 1.0 * count(case when a.status = 'overdue' then 1 end) / count(*) as overdue_share
         ${FROM} and ${where()} group by 1, 2 order by overdue desc, overdue_share desc, 1, 2`,
            current.start,
            current.end,
          );
          expectRows(panels.overdue_by_manager?.rows ?? [], rows);
        });

        it('the pivot holds overdue tasks per department (rows) and task type (columns)', () => {
          const cells = demo.all(
            `select dep.name as department, a.type, ${MEASURES} ${FROM} and ${where()} group by 1, 2`,
            current.start,
            current.end,
          );
          const types = [...new Set(cells.map((c) => c.type as string))].sort();
          const expected = [...new Set(cells.map((c) => c.department as string))].sort().map((department) => ({
            department,
            ...Object.fromEntries(types.map((t) => [t, cells.find((c) => c.department === department && c.type === t)?.overdue ?? null])),
          }));
          expect(panels.overdue_by_type?.columns).toEqual(['department', ...types]);
          const actual = [...(panels.overdue_by_type?.rows ?? [])].sort((a, b) => (String(a.department) < String(b.department) ? -1 : 1));
          expectRows(actual, expected);
        });

        it('done and overdue by the Moscow week the task was due', () => {
          const day = `date(${local('a.due_at')})`;
          const rows = demo.all(
            `select date(${day}, '-6 days', 'weekday 1') as "time:week", ${MEASURES} ${FROM} and ${where()} group by 1 order by 1`,
            current.start,
            current.end,
          );
          expectRows(
            panels.by_week?.rows ?? [],
            rows.map((r) => ({ 'time:week': r['time:week'], done: r.done, overdue: r.overdue })),
          );
        });
      });
  });

describe('personnel-control: row scopes', () => {
  it('a manager sees only their own tasks; a department head only their department', async () => {
    const own = await demo.render('personnel-control', { by: 'manager' }, MANAGER_3.viewer);
    expect(own.overdue_by_manager?.rows.map((r) => r.manager)).toEqual([demo.one('select name from managers where id = 3').name]);
    const dept = await demo.render('personnel-control', {}, DEPARTMENT_2.viewer);
    expect(dept.status_by?.rows.map((r) => r.department)).toEqual([demo.one('select name from departments where id = 2').name]);
  });

  it('a viewer who carries none of the scope attributes sees no tasks at all, never everyone', async () => {
    const panels = await demo.render('personnel-control', {}, scopedViewer({ region_id: 1 }));
    expect(panels.tasks?.rows[0]?.tasks).toBe(0);
    expect(panels.overdue_by_manager?.rows).toEqual([]);
  });
});
