/**
 * sales on the demo CRM: KPIs, the breakdown panel for every option, top-10 managers with "Other",
 * select filters and row scopes, each checked against hand-written SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  byKey,
  compared,
  type Demo,
  expectRows,
  local,
  MANAGER_3,
  openDemo,
  type Period,
  period,
  type Row,
  ratio,
  SCOPES,
} from './demo-fixture.js';

let demo: Demo;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(async () => demo?.close());

const FROM = `from deals d join managers m on m.id = d.manager_id join departments dep on dep.id = m.department_id
  join clients c on c.id = d.client_id join regions r on r.id = c.region_id join products p on p.id = d.product_id
  where d.stage in ('won', 'lost') and d.closed_at >= ? and d.closed_at < ?`;
const MEASURES = `coalesce(sum(case when d.stage = 'won' then d.amount end), 0) as revenue, count(case when d.stage = 'won' then 1 end) as won,
  count(*) as closed`;
const MONTH = `strftime('%Y-%m-01', ${local('d.closed_at')})`;
const BY: Record<string, string> = { region: 'r.name', manager: 'm.name', product: 'p.name', department: 'dep.name', 'time:month': MONTH };

function totals(p: Period, where: string): { revenue: number; won: number; closed: number } {
  return demo.one(`select ${MEASURES} ${FROM} and ${where}`, p.start, p.end) as never;
}

function grouped(key: string, p: Period, where: string, order: string): Row[] {
  return demo.all(`select ${key} as k, ${MEASURES} ${FROM} and ${where} group by 1 order by ${order}`, p.start, p.end);
}

const THIS_QUARTER = { current: period('2026-10-01', '2027-01-01'), previous: period('2026-07-01', '2026-10-01') };
const SEP_OCT = { current: period('2026-09-01', '2026-11-01'), previous: period('2026-07-01', '2026-09-01') };
const shiftMonths = (month: unknown, n: number) => demo.one(`select date(?, '+${n} months') as m`, month).m;

const cases = [
  { name: 'this quarter (default)', params: {}, ...THIS_QUARTER, lastYear: period('2025-10-01', '2026-01-01'), filter: '1 = 1' },
  {
    name: 'September–October 2026 (custom range) in Москва and Казань',
    params: { period: '2026-09-01..2026-10-31', region: 'Москва,Казань' },
    ...SEP_OCT,
    lastYear: period('2025-09-01', '2025-11-01'),
    filter: `r.name in ('Москва', 'Казань')`,
  },
  {
    name: 'this quarter for two departments and two products',
    params: { department: ['Интернет-продажи', 'Корпоративные продажи'], product: 'Интеграция с 1С «Бизнес»,Лицензия CRM «Бизнес»' },
    ...THIS_QUARTER,
    lastYear: period('2025-10-01', '2026-01-01'),
    filter: `dep.name in ('Интернет-продажи', 'Корпоративные продажи') and p.name in ('Интеграция с 1С «Бизнес»', 'Лицензия CRM «Бизнес»')`,
  },
];

for (const scope of SCOPES)
  describe(`sales for ${scope.name}`, () => {
    for (const { name, params, current, previous, lastYear, filter } of cases)
      describe(name, () => {
        const where = () => `${filter} and ${scope.where}`;
        let panels: Awaited<ReturnType<Demo['render']>>;
        beforeAll(async () => {
          panels = await demo.render('sales', params, scope.viewer);
        });

        it('KPIs: revenue, deals won and win rate vs the previous period; average deal vs last year', () => {
          const [now, before, yearAgo] = [totals(current, where()), totals(previous, where()), totals(lastYear, where())];
          expect(now.closed).toBeGreaterThan(0);
          expectRows(panels.revenue?.rows ?? [], [{ revenue: now.revenue, ...compared('revenue', now.revenue, before.revenue) }]);
          expectRows(panels.deals_won?.rows ?? [], [{ won: now.won, ...compared('won', now.won, before.won) }]);
          const rate = (x: typeof now) => ratio(x.won, x.closed);
          expectRows(panels.win_rate?.rows ?? [], [{ win_rate: rate(now), ...compared('win_rate', rate(now), rate(before)) }]);
          const avg = (x: typeof now) => ratio(x.revenue, x.won);
          expectRows(panels.average_deal?.rows ?? [], [
            { avg_deal: avg(now), ...compared('avg_deal', avg(now), avg(yearAgo), 'last_year') },
          ]);
        });

        it('the revenue sparkline sums revenue per Moscow week starting on Monday', () => {
          const week = `date(${local('d.closed_at')}, '-' || ((cast(strftime('%w', ${local('d.closed_at')}) as integer) + 6) % 7) || ' days')`;
          const weeks = grouped(week, current, where(), 'k').map((r) => ({ 'time:week': r.k, revenue: r.revenue }));
          expectRows(panels.revenue?.series ?? [], weeks);
        });

        it('revenue by region (the default breakdown) compares each region with the previous period', () => {
          const before = byKey(grouped('r.name', previous, where(), 'k'), 'k');
          const expected = grouped('r.name', current, where(), 'revenue desc, k').map((r) => ({
            region: r.k,
            revenue: r.revenue,
            won: r.won,
            ...compared('revenue', r.revenue, before.get(r.k)?.revenue ?? 0),
            ...compared('won', r.won, before.get(r.k)?.won ?? 0),
          }));
          const order = [
            'region',
            'revenue',
            'won',
            'revenue_previous',
            'revenue_delta',
            'revenue_delta_pct',
            'won_previous',
            'won_delta',
            'won_delta_pct',
          ];
          expect(panels.revenue_by?.columns).toEqual(order);
          expectRows(panels.revenue_by?.rows ?? [], expected);
        });

        it('revenue by month and product category (stacked) is one row per month and category', () => {
          const rows = demo.all(
            `select ${MONTH} as "time:month", p.category as category, coalesce(sum(case when d.stage = 'won' then d.amount end), 0) as revenue
         ${FROM} and ${where()} group by 1, 2 order by 1, 2`,
            current.start,
            current.end,
          );
          expectRows(panels.revenue_by_category?.rows ?? [], rows);
        });

        it('revenue by product compares with the same period last year', () => {
          const before = byKey(grouped('p.name', lastYear, where(), 'k'), 'k');
          const expected = grouped('p.name', current, where(), 'revenue desc, k').map((r) => ({
            product: r.k,
            revenue: r.revenue,
            ...compared('revenue', r.revenue, before.get(r.k)?.revenue ?? 0, 'last_year'),
          }));
          expectRows(panels.revenue_by_product?.rows ?? [], expected);
        });

        it('top 10 managers by revenue, everyone else combined into "Other"', () => {
          const all = grouped('m.name', current, where(), 'revenue desc, k');
          const before = byKey(grouped('m.name', previous, where(), 'k'), 'k');
          const measures = (r: Row) => ({
            revenue: r.revenue,
            won: r.won,
            win_rate: ratio(r.won, r.closed),
            avg_deal: ratio(r.revenue, r.won),
          });
          const withCompare = (name: unknown, now: ReturnType<typeof measures>, earlier?: Row) => {
            const then = earlier ? measures(earlier) : undefined;
            return {
              manager: name,
              ...now,
              ...compared('revenue', now.revenue, then?.revenue ?? 0),
              ...compared('won', now.won, then?.won ?? 0),
              ...compared('win_rate', now.win_rate, then?.win_rate),
              ...compared('avg_deal', now.avg_deal, then?.avg_deal),
            };
          };
          const expected = all.slice(0, 10).map((r) => withCompare(r.k, measures(r), before.get(r.k)));
          const rest = all.slice(10);
          if (rest.length) {
            const sum = (k: string) => rest.reduce((s, r) => s + (r[k] as number), 0);
            expected.push(withCompare('Other', measures({ revenue: sum('revenue'), won: sum('won'), closed: sum('closed') })));
          }
          expect(panels.top_managers?.otherRow).toBe(rest.length > 0);
          expectRows(panels.top_managers?.rows ?? [], expected);
        });
      });
  });

describe('sales: the breakdown parameter rebuilds the "revenue by" panel', () => {
  it.each(['region', 'manager', 'product', 'department', 'time:month'])(
    'by=%s for the custom range 2026-09-01..2026-10-31 matches the raw grouping, with the previous two months alongside',
    async (by) => {
      const panels = await demo.render('sales', { by, period: '2026-09-01..2026-10-31' });
      const time = by === 'time:month';
      const earlier = grouped(BY[by] as string, SEP_OCT.previous, '1 = 1', 'k');
      const before = byKey(
        earlier.map((r) => ({ ...r, k: time ? shiftMonths(r.k, 2) : r.k })),
        'k',
      );
      const expected = grouped(BY[by] as string, SEP_OCT.current, '1 = 1', time ? 'k' : 'revenue desc, k').map((r) => ({
        [by]: r.k,
        revenue: r.revenue,
        won: r.won,
        ...compared('revenue', r.revenue, before.get(r.k)?.revenue ?? 0),
        ...compared('won', r.won, before.get(r.k)?.won ?? 0),
      }));
      expect(expected.length).toBeGreaterThan(1);
      expectRows(panels.revenue_by?.rows ?? [], expected);
    },
  );

  it('a manager scoped to themself and built by manager sees a single row: their own', async () => {
    const panels = await demo.render('sales', { by: 'manager' }, MANAGER_3.viewer);
    const own = demo.one('select name from managers where id = 3').name;
    expect(panels.revenue_by?.rows.map((r) => r.manager)).toEqual([own]);
  });
});

describe('sales: select parameters offer the values of their dimension', () => {
  it('region options are the region names of closed deals, in order', async () => {
    const options = await demo.project.engine.parameterOptions('sales', 'region');
    const names = demo.all(
      `select distinct r.name from deals d join clients c on c.id = d.client_id join regions r on r.id = c.region_id
       where d.stage in ('won', 'lost') order by 1`,
    );
    expect(options).toEqual(names.map((r) => r.name));
  });
});
