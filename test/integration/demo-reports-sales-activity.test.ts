/**
 * sales-activity on the demo CRM: calls and meetings against the monthly plans (prorated, with
 * run-rate), answer rate, talk time, the weekday × hour heatmap, by manager and by department.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compared,
  DEPARTMENT_2,
  type Demo,
  elapsed,
  expectRows,
  local,
  MANAGER_3,
  openDemo,
  type Period,
  period,
  prorated,
  type Row,
  ratio,
  SCOPES,
  targeted,
} from './demo-fixture.js';

let demo: Demo;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(async () => demo?.close());

const CALLS = `from calls k join managers m on m.id = k.manager_id join departments dep on dep.id = m.department_id
  where k.started_at >= ? and k.started_at < ?`;
const CALL_MEASURES = `count(*) as calls, count(case when k.disposition = 'answered' then 1 end) as answered,
  count(case when k.disposition <> 'answered' then 1 end) as not_answered, coalesce(sum(k.talk_seconds), 0) as talk_time`;
const MEETINGS = `from activities a join managers m on m.id = a.manager_id join departments dep on dep.id = m.department_id
  where a.type = 'meeting' and a.status = 'done' and a.done_at >= ? and a.done_at < ?`;
const KEY: Record<string, string> = { manager: 'm.name', department: 'dep.name' };

/** Plan per key (or in total), prorated to the period by overlapping days. */
function plans(column: 'calls' | 'meetings', p: Period, where: string, key?: string): Map<unknown, number> {
  const rows = demo.all(
    `select ${key ?? "'all'"} as k, pl.month, sum(pl.${column}) as value
     from plans pl join managers m on m.id = pl.manager_id join departments dep on dep.id = m.department_id
     where pl.month >= ? and pl.month < ? and ${where} group by 1, 2`,
    `${p.from.slice(0, 7)}-01`,
    p.to,
  );
  const out = new Map<unknown, number>();
  for (const k of new Set(rows.map((r) => r.k)))
    out.set(
      k,
      prorated(
        rows.filter((r) => r.k === k),
        p,
      ),
    );
  return out;
}

const cases = [
  {
    name: 'the last 30 days (default) by manager',
    params: {},
    by: 'manager',
    current: period('2026-10-28', '2026-11-27'),
    previous: period('2026-09-28', '2026-10-28'),
    filter: '1 = 1',
  },
  {
    name: 'last month by department, for two departments',
    params: { period: 'last_month', by: 'department', department: 'Корпоративные продажи,Региональные продажи' },
    by: 'department',
    current: period('2026-10-01', '2026-11-01'),
    previous: period('2026-09-01', '2026-10-01'),
    filter: `dep.name in ('Корпоративные продажи', 'Региональные продажи')`,
  },
  {
    name: 'the custom fortnight 2026-11-02..2026-11-15 by manager',
    params: { period: '2026-11-02..2026-11-15' },
    by: 'manager',
    current: period('2026-11-02', '2026-11-16'),
    previous: period('2026-10-19', '2026-11-02'),
    filter: '1 = 1',
  },
];

for (const scope of SCOPES)
  describe(`sales-activity for ${scope.name}`, () => {
    for (const { name, params, by, current, previous, filter } of cases)
      describe(name, () => {
        const where = () => `${filter} and ${scope.where}`;
        const share = elapsed(current);
        let panels: Awaited<ReturnType<Demo['render']>>;
        beforeAll(async () => {
          panels = await demo.render('sales-activity', params, scope.viewer);
        });

        it('calls: the raw count, the previous period, the prorated calls plan and the run-rate; a daily sparkline', () => {
          const [now, before] = [current, previous].map((p) => demo.one(`select ${CALL_MEASURES} ${CALLS} and ${where()}`, p.start, p.end));
          const target = plans('calls', current, where()).get('all') ?? null;
          expectRows(panels.calls?.rows ?? [], [
            { calls: now?.calls, ...compared('calls', now?.calls, before?.calls ?? 0), ...targeted('calls', now?.calls, target, share) },
          ]);
          const days = demo.all(
            `select date(${local('k.started_at')}) as "time:day", count(*) as calls ${CALLS} and ${where()} group by 1 order by 1`,
            current.start,
            current.end,
          );
          expectRows(panels.calls?.series ?? [], days);
        });

        it('meetings held (done meetings by the time they were done) against the meetings plan', () => {
          const [now, before] = [current, previous].map(
            (p) => demo.one(`select count(*) as n ${MEETINGS} and ${where()}`, p.start, p.end).n,
          );
          const target = plans('meetings', current, where()).get('all') ?? null;
          expectRows(panels.meetings?.rows ?? [], [
            { meetings: now, ...compared('meetings', now, before), ...targeted('meetings', now, target, share) },
          ]);
        });

        it('answer rate is answered among all calls; average conversation is talk time per answered call', () => {
          const [now, before] = [current, previous].map((p) => demo.one(`select ${CALL_MEASURES} ${CALLS} and ${where()}`, p.start, p.end));
          expectRows(panels.answer_rate?.rows ?? [], [{ answer_rate: ratio(now?.answered, now?.calls) }]);
          const avg = (r?: Row) => ratio(r?.talk_time, r?.answered);
          expectRows(panels.average_conversation?.rows ?? [], [{ avg_talk: avg(now), ...compared('avg_talk', avg(now), avg(before)) }]);
        });

        it(`calls and meetings per ${by} match the raw counts, each against its own plan`, () => {
          const callPlans = plans('calls', current, where(), KEY[by]);
          const calls = demo.all(
            `select ${KEY[by]} as k, count(*) as n ${CALLS} and ${where()} group by 1 order by n desc, k`,
            current.start,
            current.end,
          );
          expectRows(
            panels.calls_vs_plan?.rows ?? [],
            calls.map((r) => ({ [by]: r.k, calls: r.n, ...targeted('calls', r.n, callPlans.get(r.k) ?? null, share) })),
          );
          const meetingPlans = plans('meetings', current, where(), KEY[by]);
          const meetings = demo.all(
            `select ${KEY[by]} as k, count(*) as n ${MEETINGS} and ${where()} group by 1 order by n desc, k`,
            current.start,
            current.end,
          );
          expectRows(
            panels.meetings_vs_plan?.rows ?? [],
            meetings.map((r) => ({ [by]: r.k, meetings: r.n, ...targeted('meetings', r.n, meetingPlans.get(r.k) ?? null, share) })),
          );
        });

        it('calls by Moscow day split into answered and not answered', () => {
          const days = demo.all(
            `select date(${local('k.started_at')}) as "time:day", count(case when k.disposition = 'answered' then 1 end) as answered,
         count(case when k.disposition in ('no_answer', 'busy', 'failed') then 1 end) as not_answered ${CALLS} and ${where()} group by 1 order by 1`,
            current.start,
            current.end,
          );
          expectRows(panels.calls_by_day?.rows ?? [], days);
        });

        it('the heatmap counts calls per Moscow weekday (Monday = 1) and hour', () => {
          const cells = demo.all(
            `select case strftime('%w', ${local('k.started_at')}) when '0' then 7 else cast(strftime('%w', ${local('k.started_at')}) as integer) end as "time:weekday",
           cast(substr(${local('k.started_at')}, 12, 2) as integer) as "time:hour_of_day", count(*) as calls
         ${CALLS} and ${where()} group by 1, 2 order by 1, 2`,
            current.start,
            current.end,
          );
          expect(cells.length).toBeGreaterThan(0);
          expectRows(panels.calls_heatmap?.rows ?? [], cells);
        });

        it('the manager table: calls, answer rate and talk time per manager, against their calls plan, most calls first', () => {
          const planRows = demo.all(
            `select m.name || '|' || dep.name as k, pl.month, sum(pl.calls) as value from plans pl join managers m on m.id = pl.manager_id
         join departments dep on dep.id = m.department_id where pl.month >= ? and pl.month < ? and ${where()} group by 1, 2`,
            `${current.from.slice(0, 7)}-01`,
            current.to,
          );
          const rows = demo.all(
            `select m.name as manager, dep.name as department, ${CALL_MEASURES} ${CALLS} and ${where()} group by 1, 2 order by calls desc, 1, 2`,
            current.start,
            current.end,
          );
          const expected = rows.map((r) => {
            const mine = planRows.filter((p) => p.k === `${r.manager}|${r.department}`);
            const target = mine.length ? prorated(mine, current) : null;
            const { not_answered: _, ...measures } = r;
            return {
              ...measures,
              answer_rate: ratio(r.answered, r.calls),
              avg_talk: ratio(r.talk_time, r.answered),
              ...targeted('calls', r.calls, target, share),
            };
          });
          expect(panels.managers?.columns.slice(0, 7)).toEqual([
            'manager',
            'department',
            'calls',
            'answered',
            'answer_rate',
            'talk_time',
            'avg_talk',
          ]);
          expectRows(panels.managers?.rows ?? [], expected);
        });
      });
  });

describe('sales-activity: row scopes', () => {
  it('a manager sees only their own calls: one row in every per-manager panel', async () => {
    const panels = await demo.render('sales-activity', {}, MANAGER_3.viewer);
    const own = demo.one('select name from managers where id = 3').name;
    expect(panels.managers?.rows.map((r) => r.manager)).toEqual([own]);
    expect(panels.calls_vs_plan?.rows.map((r) => r.manager)).toEqual([own]);
  });

  it('the department select offers only the scoped department to a department head', async () => {
    const options = await demo.project.engine.parameterOptions('sales-activity', 'department', { viewer: DEPARTMENT_2.viewer });
    expect(options).toEqual([demo.one('select name from departments where id = 2').name]);
  });

  it('a department head who filters on another department sees no calls at all (filters narrow, never widen, a scope)', async () => {
    const panels = await demo.render('sales-activity', { department: 'Интернет-продажи' }, DEPARTMENT_2.viewer);
    expect(panels.calls?.rows[0]?.calls).toBe(0);
    expect(panels.managers?.rows).toEqual([]);
    expect(panels.calls_heatmap?.rows).toEqual([]);
  });
});
