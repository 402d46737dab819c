/**
 * service-quality on the demo CRM: complaints received in the period, resolution time in hours,
 * satisfaction, share unresolved, by category, channel, week and manager.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byKey, compared, type Demo, expectRows, local, openDemo, type Period, period, ratio, SCOPES } from './demo-fixture.js';

let demo: Demo;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(async () => demo?.close());

const FROM = `from complaints k join managers m on m.id = k.manager_id join departments dep on dep.id = m.department_id
  where k.created_at >= ? and k.created_at < ?`;
/** Hours from receipt to resolution, computed from Unix seconds here (the report uses julianday). */
const HOURS = `(strftime('%s', k.resolved_at) - strftime('%s', k.created_at)) / 3600.0`;
const MEASURES = `count(*) as complaints, count(case when k.resolved_at is null then 1 end) as unresolved, avg(${HOURS}) as resolution_hours,
  avg(k.satisfaction) as satisfaction, count(case when k.satisfaction <= 2 then 1 end) as low_ratings`;

const cases = [
  {
    name: 'the last 90 days (default)',
    params: {},
    current: period('2026-08-29', '2026-11-27'),
    previous: period('2026-05-31', '2026-08-29'),
    lastYear: period('2025-08-29', '2025-11-27'),
    filter: '1 = 1',
  },
  {
    name: 'this year, billing and quality complaints',
    params: { period: 'this_year', category: 'billing,quality' },
    current: period('2026-01-01', '2027-01-01'),
    previous: period('2025-01-01', '2026-01-01'),
    lastYear: period('2025-01-01', '2026-01-01'),
    filter: `k.category in ('billing', 'quality')`,
  },
  {
    name: 'October 2026 (custom range), complaints by phone',
    params: { period: '2026-10-01..2026-10-31', channel: 'phone' },
    current: period('2026-10-01', '2026-11-01'),
    previous: period('2026-09-01', '2026-10-01'),
    lastYear: period('2025-10-01', '2025-11-01'),
    filter: `k.channel = 'phone'`,
  },
];

/** The report computes hours with julianday, this test from Unix seconds: they agree to about 1e-8 hours. */
const HOURS_TOLERANCE = 1e-8;

for (const scope of SCOPES)
  describe(`service-quality for ${scope.name}`, () => {
    for (const { name, params, current, previous, lastYear, filter } of cases)
      describe(name, () => {
        const where = () => `${filter} and ${scope.where}`;
        const totals = (p: Period) => demo.one(`select ${MEASURES} ${FROM} and ${where()}`, p.start, p.end);
        const grouped = (key: string, p: Period, order = 'complaints desc, k') =>
          demo.all(`select ${key} as k, ${MEASURES} ${FROM} and ${where()} group by 1 order by ${order}`, p.start, p.end);
        let panels: Awaited<ReturnType<Demo['render']>>;
        beforeAll(async () => {
          panels = await demo.render('service-quality', params, scope.viewer);
        });

        it('complaints received vs the previous period, with a weekly sparkline', () => {
          const [now, before] = [current, previous].map(totals);
          expectRows(panels.complaints?.rows ?? [], [
            { complaints: now?.complaints, ...compared('complaints', now?.complaints, before?.complaints ?? 0) },
          ]);
          const day = `date(${local('k.created_at')})`;
          const weeks = grouped(`date(${day}, '-6 days', 'weekday 1')`, current, 'k').map((r) => ({
            'time:week': r.k,
            complaints: r.complaints,
          }));
          expectRows(panels.complaints?.series ?? [], weeks);
        });

        it('average resolution time in hours (resolved complaints only) vs the previous period and last year', () => {
          const [now, before, yearAgo] = [current, previous, lastYear].map((p) => totals(p).resolution_hours);
          const expected = {
            resolution_hours: now,
            ...compared('resolution_hours', now, before),
            ...compared('resolution_hours', now, yearAgo, 'last_year'),
          };
          expectRows(panels.resolution_time?.rows ?? [], [expected], HOURS_TOLERANCE);
        });

        it('satisfaction is the average rating; the unresolved share compares with the previous period', () => {
          const [now, before] = [current, previous].map(totals);
          expectRows(panels.satisfaction?.rows ?? [], [{ satisfaction: now?.satisfaction }]);
          const share = (r: typeof now) => ratio(r?.unresolved, r?.complaints);
          expectRows(panels.unresolved_share?.rows ?? [], [
            { unresolved_share: share(now), ...compared('unresolved_share', share(now), share(before)) },
          ]);
        });

        it('by category: complaints, resolution hours and unresolved share, each vs the previous period', () => {
          const before = byKey(grouped('k.category', previous), 'k');
          const expected = grouped('k.category', current).map((r) => {
            const b = before.get(r.k);
            return {
              category: r.k,
              complaints: r.complaints,
              resolution_hours: r.resolution_hours,
              unresolved_share: ratio(r.unresolved, r.complaints),
              ...compared('complaints', r.complaints, b?.complaints ?? 0),
              ...compared('resolution_hours', r.resolution_hours, b?.resolution_hours),
              ...compared('unresolved_share', ratio(r.unresolved, r.complaints), b && ratio(b.unresolved, b.complaints)),
            };
          });
          expectRows(panels.by_category?.rows ?? [], expected, HOURS_TOLERANCE);
        });

        it('by channel (pie) and by Moscow week with the average satisfaction', () => {
          expectRows(
            panels.by_channel?.rows ?? [],
            grouped('k.channel', current).map((r) => ({ channel: r.k, complaints: r.complaints })),
          );
          const day = `date(${local('k.created_at')})`;
          const weeks = grouped(`date(${day}, '-6 days', 'weekday 1')`, current, 'k');
          expect(weeks.length).toBeGreaterThan(0);
          expectRows(
            panels.by_week?.rows ?? [],
            weeks.map((r) => ({ 'time:week': r.k, complaints: r.complaints, satisfaction: r.satisfaction })),
          );
        });

        it('the category × channel pivot holds complaints and unresolved per channel', () => {
          const cells = demo.all(
            `select k.category, k.channel, ${MEASURES} ${FROM} and ${where()} group by 1, 2`,
            current.start,
            current.end,
          );
          const channels = [...new Set(cells.map((c) => c.channel as string))].sort();
          const expected = [...new Set(cells.map((c) => c.category as string))].sort().map((category) => {
            const row: Record<string, unknown> = { category };
            for (const channel of channels) {
              const cell = cells.find((c) => c.category === category && c.channel === channel);
              row[`${channel} · complaints`] = cell?.complaints ?? null;
              row[`${channel} · unresolved`] = cell?.unresolved ?? null;
            }
            return row;
          });
          const actual = [...(panels.category_by_channel?.rows ?? [])].sort((a, b) => String(a.category).localeCompare(String(b.category)));
          expectRows(actual, expected);
        });

        it('the 10 managers with the most complaints', () => {
          const rows = demo.all(
            `select m.name as manager, dep.name as department, ${MEASURES} ${FROM} and ${where()} group by 1, 2 order by complaints desc, 1, 2 limit 10`,
            current.start,
            current.end,
          );
          expectRows(panels.by_manager?.rows ?? [], rows, HOURS_TOLERANCE);
        });
      });
  });

it('service-quality: category options are the four complaint categories', async () => {
  expect(await demo.project.engine.parameterOptions('service-quality', 'category')).toEqual(['billing', 'delivery', 'quality', 'service']);
});
