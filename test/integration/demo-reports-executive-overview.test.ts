/**
 * executive-overview on the demo CRM: every panel equals the same question asked in hand-written
 * SQL, for the default period (this month), a custom range, another trend period, and row scopes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  byKey,
  compared,
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
  type Scope,
  targeted,
} from './demo-fixture.js';

let demo: Demo;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(async () => demo?.close());

const CLOSED = `from deals d join managers m on m.id = d.manager_id join clients c on c.id = d.client_id join regions r on r.id = c.region_id
  where d.stage in ('won', 'lost') and d.closed_at >= ? and d.closed_at < ?`;
const REVENUE = `coalesce(sum(case when d.stage = 'won' then d.amount end), 0)`;

function closed(p: Period, scope: Scope): { revenue: number; won: number; closed: number } {
  return demo.one(
    `select ${REVENUE} as revenue, count(case when d.stage = 'won' then 1 end) as won, count(*) as closed ${CLOSED} and ${scope.where}`,
    p.start,
    p.end,
  ) as never;
}

function plan(column: 'revenue' | 'calls', p: Period, scope: Scope): Row[] {
  return demo.all(
    `select pl.month, sum(pl.${column}) as value from plans pl join managers m on m.id = pl.manager_id
     where pl.month >= ? and pl.month < ? and ${scope.where} group by pl.month`,
    `${p.from.slice(0, 7)}-01`,
    p.to,
  );
}

const cases = [
  {
    name: 'this month (the default)',
    params: {},
    current: period('2026-11-01', '2026-12-01'),
    previous: period('2026-10-01', '2026-11-01'),
    lastYear: period('2025-11-01', '2025-12-01'),
  },
  {
    name: 'the custom range 2026-06-01..2026-08-31 (a finished quarter: no run-rate)',
    params: { period: '2026-06-01..2026-08-31' },
    current: period('2026-06-01', '2026-09-01'),
    previous: period('2026-03-01', '2026-06-01'),
    lastYear: period('2025-06-01', '2025-09-01'),
  },
];

for (const scope of SCOPES)
  describe(`executive-overview for ${scope.name}`, () => {
    for (const { name, params, current, previous, lastYear } of cases)
      describe(name, () => {
        let panels: Awaited<ReturnType<Demo['render']>>;
        beforeAll(async () => {
          panels = await demo.render('executive-overview', params, scope.viewer);
        });

        it('revenue is the won amount closed in the period, against the previous period and the prorated revenue plan', () => {
          const now = closed(current, scope);
          const before = closed(previous, scope);
          const target = prorated(plan('revenue', current, scope), current);
          expectRows(panels.revenue?.rows ?? [], [
            {
              revenue: now.revenue,
              ...compared('revenue', now.revenue, before.revenue),
              ...targeted('revenue', now.revenue, target, elapsed(current)),
            },
          ]);
        });

        it('the revenue sparkline is the revenue per Moscow day with a closed deal', () => {
          const days = demo.all(
            `select date(${local('d.closed_at')}) as "time:day", ${REVENUE} as revenue ${CLOSED} and ${scope.where} group by 1 order by 1`,
            current.start,
            current.end,
          );
          expect(days.length).toBeGreaterThan(0);
          expectRows(panels.revenue?.series ?? [], days);
        });

        it('deals won compare with the previous period and the same period last year', () => {
          const [now, before, yearAgo] = [current, previous, lastYear].map((p) => closed(p, scope).won);
          expectRows(panels.deals_won?.rows ?? [], [
            { won: now, ...compared('won', now, before), ...compared('won', now, yearAgo, 'last_year') },
          ]);
        });

        it('average deal is revenue per won deal; win rate is won among closed (vs last year)', () => {
          const [now, before, yearAgo] = [closed(current, scope), closed(previous, scope), closed(lastYear, scope)];
          const avg = (x: typeof now) => ratio(x.revenue, x.won);
          const rate = (x: typeof now) => ratio(x.won, x.closed);
          expectRows(panels.average_deal?.rows ?? [], [{ avg_deal: avg(now), ...compared('avg_deal', avg(now), avg(before)) }]);
          expectRows(panels.win_rate?.rows ?? [], [
            { win_rate: rate(now), ...compared('win_rate', rate(now), rate(yearAgo), 'last_year') },
          ]);
        });

        it('new clients count clients created on the local dates of the period', () => {
          const count = (p: Period) =>
            demo.one(
              `select count(*) as n from clients c join managers m on m.id = c.manager_id where c.created_on >= ? and c.created_on < ? and ${scope.where}`,
              p.from,
              p.to,
            ).n;
          expectRows(panels.new_clients?.rows ?? [], [
            { new_clients: count(current), ...compared('new_clients', count(current), count(previous)) },
          ]);
        });

        it('the calls gauge counts calls against the prorated calls plan', () => {
          const calls = demo.one(
            `select count(*) as n from calls k join managers m on m.id = k.manager_id where k.started_at >= ? and k.started_at < ? and ${scope.where}`,
            current.start,
            current.end,
          ).n;
          const target = prorated(plan('calls', current, scope), current);
          expectRows(panels.calls_vs_plan?.rows ?? [], [{ calls, ...targeted('calls', calls, target, elapsed(current)) }]);
        });

        it('revenue by region (of the client) compares each region with its own previous period, biggest first', () => {
          const byRegion = (p: Period) =>
            demo.all(
              `select r.name as region, ${REVENUE} as revenue ${CLOSED} and ${scope.where} group by r.name order by revenue desc, region`,
              p.start,
              p.end,
            );
          const before = byKey(byRegion(previous), 'region');
          const expected = byRegion(current).map((r) => ({ ...r, ...compared('revenue', r.revenue, before.get(r.region)?.revenue ?? 0) }));
          expectRows(panels.revenue_by_region?.rows ?? [], expected);
        });
      });

    const trends = [
      {
        name: 'the last 12 months (the default trend)',
        params: {},
        trend: period('2025-12-01', '2026-12-01'),
        yearAgo: period('2024-12-01', '2025-12-01'),
      },
      {
        name: 'the trend set to 2026-01-01..2026-06-30',
        params: { trend: '2026-01-01..2026-06-30' },
        trend: period('2026-01-01', '2026-07-01'),
        yearAgo: period('2025-01-01', '2025-07-01'),
      },
    ];
    for (const { name, params, trend, yearAgo } of trends)
      describe(`revenue by month over ${name}`, () => {
        it('is the revenue per Moscow month, with the same month a year earlier and the month plan', async () => {
          const panels = await demo.render('executive-overview', params, scope.viewer);
          const months = (p: Period, shift: string) =>
            demo.all(
              `select date(strftime('%Y-%m-01', ${local('d.closed_at')}), '${shift}') as month, ${REVENUE} as revenue ${CLOSED} and ${scope.where}
           group by 1 order by 1`,
              p.start,
              p.end,
            );
          const before = byKey(months(yearAgo, '+12 months'), 'month');
          const plans = byKey(plan('revenue', trend, scope), 'month');
          const expected = months(trend, '+0 months').map((r) => ({
            'time:month': r.month,
            revenue: r.revenue,
            ...compared('revenue', r.revenue, before.get(r.month)?.revenue ?? 0, 'last_year'),
            ...targeted('revenue', r.revenue, (plans.get(r.month)?.value as number | undefined) ?? null),
          }));
          expect(expected.length).toBeGreaterThan(3);
          expectRows(panels.revenue_by_month?.rows ?? [], expected);
        });
      });
  });

it('executive-overview: a manager sees only their own revenue, which is part of the company total', async () => {
  const [all, own] = await Promise.all([demo.render('executive-overview'), demo.render('executive-overview', {}, MANAGER_3.viewer)]);
  const total = all.revenue?.rows[0]?.revenue as number;
  const mine = own.revenue?.rows[0]?.revenue as number;
  expect(mine).toBeLessThan(total);
  expect(mine).toBe(closed(period('2026-11-01', '2026-12-01'), MANAGER_3).revenue);
});
