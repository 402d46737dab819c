/**
 * client-base on the demo CRM: the structure of the base (no period), new and churned clients by
 * month, churn rate, and clients silent for at least `silent_days` days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byKey, compared, type Demo, expectRows, openDemo, type Period, period, type Row, ratio, SCOPES } from './demo-fixture.js';

let demo: Demo;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(async () => demo?.close());

const CLIENTS = `from clients c join managers m on m.id = c.manager_id join regions r on r.id = c.region_id where 1 = 1`;
const BASE = `count(*) as clients, count(case when c.churned = 0 then 1 end) as active, count(case when c.churned = 1 then 1 end) as churned`;

const cases = [
  {
    name: 'the last 12 months (default), silent for 30+ days',
    params: {},
    current: period('2025-12-01', '2026-12-01'),
    previous: period('2024-12-01', '2025-12-01'),
    lastYear: period('2024-12-01', '2025-12-01'),
    filter: '1 = 1',
    silentDays: 30,
  },
  {
    name: 'the first half of 2026 (custom range), key and large clients in Москва and Новосибирск, silent for 60+ days',
    params: { period: '2026-01-01..2026-06-30', segment: 'key,large', region: ['Москва', 'Новосибирск'], silent_days: '60' },
    current: period('2026-01-01', '2026-07-01'),
    previous: period('2025-07-01', '2026-01-01'),
    lastYear: period('2025-01-01', '2025-07-01'),
    filter: `c.segment in ('key', 'large') and r.name in ('Москва', 'Новосибирск')`,
    silentDays: 60,
  },
];

for (const scope of SCOPES)
  describe(`client-base for ${scope.name}`, () => {
    for (const { name, params, current, previous, lastYear, filter, silentDays } of cases)
      describe(name, () => {
        const where = () => `${filter} and ${scope.where}`;
        const base = (group: string, order: string) =>
          demo.all(`select ${group} as k, ${BASE} ${CLIENTS} and ${where()} group by 1 order by ${order}`);
        let panels: Awaited<ReturnType<Demo['render']>>;
        beforeAll(async () => {
          panels = await demo.render('client-base', params, scope.viewer);
        });

        it('active clients and the churn rate count the whole base, whatever the period', () => {
          const all = demo.one(`select ${BASE} ${CLIENTS} and ${where()}`);
          expectRows(panels.active_clients?.rows ?? [], [{ active: all.active }]);
          expectRows(panels.churn_rate?.rows ?? [], [{ churn_rate: ratio(all.churned, all.clients) }]);
        });

        it('new clients (created in the period) vs the previous period; churned clients (churned in the period) vs last year', () => {
          const count = (column: string, p: Period) =>
            demo.one(`select count(*) as n ${CLIENTS} and ${where()} and c.${column} >= ? and c.${column} < ?`, p.from, p.to).n;
          const now = count('created_on', current);
          expectRows(panels.new_clients?.rows ?? [], [
            { new_clients: now, ...compared('new_clients', now, count('created_on', previous)) },
          ]);
          const lost = count('churned_on', current);
          expectRows(panels.churned_clients?.rows ?? [], [
            { churned_clients: lost, ...compared('churned_clients', lost, count('churned_on', lastYear), 'last_year') },
          ]);
        });

        it('the structure: active clients by segment, active/churned by region, all clients by source', () => {
          expectRows(
            panels.by_segment?.rows ?? [],
            base('c.segment', 'active desc, k').map((r) => ({ segment: r.k, active: r.active })),
          );
          expectRows(
            panels.by_region?.rows ?? [],
            base('r.name', 'active desc, k').map((r) => ({
              region: r.k,
              active: r.active,
              churned: r.churned,
              churn_rate: ratio(r.churned, r.clients),
            })),
          );
          expectRows(
            panels.by_source?.rows ?? [],
            base('c.source', 'clients desc, k').map((r) => ({ source: r.k, clients: r.clients, churn_rate: ratio(r.churned, r.clients) })),
          );
        });

        it('the pivot has a row per segment and a column per region (alphabetical), empty where no active client', () => {
          const cells = demo.all(`select c.segment, r.name as region, ${BASE} ${CLIENTS} and ${where()} group by 1, 2`);
          const regions = [...new Set(cells.map((c) => c.region as string))].sort();
          const segments = [...new Set(cells.map((c) => c.segment as string))].sort();
          const expected = segments.map((segment) => ({
            segment,
            ...Object.fromEntries(
              regions.map((region) => [region, cells.find((c) => c.segment === segment && c.region === region)?.active ?? null]),
            ),
          }));
          expect(panels.segment_by_region?.columns).toEqual(['segment', ...regions]);
          const actual = [...(panels.segment_by_region?.rows ?? [])].sort((a, b) => String(a.segment).localeCompare(String(b.segment)));
          expectRows(actual, expected);
        });

        it('new and churned clients per month, with the net growth', () => {
          const month = (column: string) =>
            demo.all(
              `select strftime('%Y-%m-01', c.${column}) as month, count(*) as n ${CLIENTS} and ${where()} and c.${column} >= ? and c.${column} < ? group by 1`,
              current.from,
              current.to,
            );
          const added = byKey(month('created_on'), 'month');
          const lost = byKey(month('churned_on'), 'month');
          const months = [...new Set([...added.keys(), ...lost.keys()])].sort();
          const expected = months.map((m) => {
            const n = (added.get(m)?.n as number) ?? 0;
            const l = (lost.get(m)?.n as number) ?? 0;
            return { 'time:month': m, new_clients: n, churned_clients: l, net_growth: n - l };
          });
          expectRows(panels.flows_by_month?.rows ?? [], expected);
        });

        describe(`clients silent for ${silentDays}+ days (counted back from today)`, () => {
          const silent = () => {
            // Days are counted to today in the reporting time zone (the demo's today).
            const asOf = '2026-11-26';
            return `select c.name as client, c.segment, r.name as region, m.name as manager, c.last_activity_on,
          cast(julianday('${asOf}') - julianday(c.last_activity_on) as integer) as days ${CLIENTS} and ${where()}
          and c.churned = 0 and julianday('${asOf}') - julianday(c.last_activity_on) >= ${silentDays}`;
          };

          it('the KPI counts them', () => {
            expectRows(panels.silent_clients?.rows ?? [], [{ silent_clients: demo.one(`select count(*) as n from (${silent()})`).n }]);
          });

          it('by manager: the 10 with the most, the rest as "Other", with the average days silent', () => {
            const rows = demo.all(
              `select manager, count(*) as silent_clients, avg(days) as avg_days_silent from (${silent()}) group by 1 order by 2 desc, 1`,
            );
            const expected: Row[] = rows.slice(0, 10);
            const rest = rows.slice(10).map((r) => r.manager as string);
            if (rest.length) {
              const other = demo.one(
                `select count(*) as silent_clients, avg(days) as avg_days_silent from (${silent()}) where manager in (${rest.map(() => '?').join(', ')})`,
                ...rest,
              );
              expected.push({ manager: 'Other', ...other });
            }
            expect(panels.silent_by_manager?.otherRow).toBe(rest.length > 0);
            expectRows(panels.silent_by_manager?.rows ?? [], expected);
          });

          it('the list shows the 50 longest silent, longest first', () => {
            const rows = demo.all(
              `select client, segment, region, manager, last_activity_on, days as days_silent from (${silent()}) order by days desc, client limit 50`,
            );
            expectRows(panels.silent_list?.rows ?? [], rows);
          });
        });
      });
  });

it('client-base: a larger silent_days never finds more silent clients', async () => {
  const counts = [];
  for (const days of ['7', '30', '90', '365']) {
    const panels = await demo.render('client-base', { silent_days: days });
    counts.push(panels.silent_clients?.rows[0]?.silent_clients as number);
  }
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  expect(counts[0]).toBeGreaterThan(counts[3] as number);
});
