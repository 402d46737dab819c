/**
 * marketing on the demo CRM: per campaign started in the period, its cost counted once and all its
 * deals and clients to date; campaign leads created in the period; the channel breakdown.
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
} from './demo-fixture.js';

let demo: Demo;
beforeAll(async () => {
  demo = await openDemo();
});
afterAll(async () => demo?.close());

/** One row per campaign started in the period: written with correlated subqueries, so no join can repeat a cost. */
function campaigns(p: Period, filter: string): Row[] {
  return demo.all(
    `select cmp.name as campaign, cmp.channel, cmp.cost,
       (select count(*) from deals d where d.campaign_id = cmp.id) as leads,
       (select count(*) from deals d where d.campaign_id = cmp.id and d.stage = 'won') as won,
       (select coalesce(sum(d.amount), 0) from deals d where d.campaign_id = cmp.id and d.stage = 'won') as revenue,
       (select count(*) from clients c where c.campaign_id = cmp.id) as clients
     from campaigns cmp where cmp.started_on >= ? and cmp.started_on < ? and ${filter}`,
    p.from,
    p.to,
  );
}

/** Code-point order, as SQLite compares text. */
const binary = (a: unknown, b: unknown) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);
const sum = (rows: Row[], k: string) => rows.reduce((s, r) => s + (r[k] as number), 0);
const LEADS = `from deals d join campaigns cmp on cmp.id = d.campaign_id where d.created_at >= ? and d.created_at < ?`;

const cases = [
  {
    name: 'this year (default)',
    params: {},
    current: period('2026-01-01', '2027-01-01'),
    previous: period('2025-01-01', '2026-01-01'),
    lastYear: period('2025-01-01', '2026-01-01'),
    filter: '1 = 1',
  },
  {
    name: 'the first half of 2025 (custom range) for social media and webinars',
    params: { period: '2025-01-01..2025-06-30', channel: 'social,webinar' },
    current: period('2025-01-01', '2025-07-01'),
    previous: period('2024-07-01', '2025-01-01'),
    lastYear: period('2024-01-01', '2024-07-01'),
    filter: `cmp.channel in ('social', 'webinar')`,
  },
  {
    name: 'last quarter',
    params: { period: 'last_quarter' },
    current: period('2026-07-01', '2026-10-01'),
    previous: period('2026-04-01', '2026-07-01'),
    lastYear: period('2025-07-01', '2025-10-01'),
    filter: '1 = 1',
  },
];

for (const { name, params, current, previous, lastYear, filter } of cases)
  describe(`marketing for ${name}`, () => {
    let panels: Awaited<ReturnType<Demo['render']>>;
    beforeAll(async () => {
      panels = await demo.render('marketing', params);
    });

    it('cost and revenue of the campaigns started in the period vs last year, and the return on cost', () => {
      const [now, yearAgo] = [campaigns(current, filter), campaigns(lastYear, filter)];
      expect(now.length).toBeGreaterThan(0);
      expectRows(panels.cost?.rows ?? [], [
        { cost: sum(now, 'cost'), ...compared('cost', sum(now, 'cost'), sum(yearAgo, 'cost'), 'last_year') },
      ]);
      expectRows(panels.campaign_revenue?.rows ?? [], [
        { revenue: sum(now, 'revenue'), ...compared('revenue', sum(now, 'revenue'), sum(yearAgo, 'revenue'), 'last_year') },
      ]);
      expectRows(panels.return?.rows ?? [], [{ return: ratio(sum(now, 'revenue'), sum(now, 'cost')) }]);
    });

    it('campaign leads are deals with a campaign created in the period, vs the previous period', () => {
      const [now, before] = [current, previous].map((p) => demo.one(`select count(*) as n ${LEADS} and ${filter}`, p.start, p.end).n);
      expectRows(panels.leads?.rows ?? [], [{ leads: now, ...compared('leads', now, before) }]);
    });

    it('the campaign table: cost once per campaign, every deal and client it brought, cost per lead and return; by revenue', () => {
      const rows = campaigns(current, filter).sort(
        (a, b) => (b.revenue as number) - (a.revenue as number) || binary(a.campaign, b.campaign),
      );
      const expected = rows.map((r) => ({
        campaign: r.campaign,
        channel: r.channel,
        cost: r.cost,
        leads: r.leads,
        won: r.won,
        revenue: r.revenue,
        clients: r.clients,
        cost_per_lead: ratio(r.cost, r.leads),
        return: ratio(r.revenue, r.cost),
      }));
      expectRows(panels.campaigns?.rows ?? [], expected);
    });

    it('by channel: cost, revenue and return, each against the same period last year; the costliest channel first', () => {
      const perChannel = (p: Period) => {
        const rows = campaigns(p, filter);
        return [...new Set(rows.map((r) => r.channel))].map((channel) => {
          const mine = rows.filter((r) => r.channel === channel);
          return {
            channel,
            cost: sum(mine, 'cost'),
            revenue: sum(mine, 'revenue'),
            return: ratio(sum(mine, 'revenue'), sum(mine, 'cost')),
          };
        });
      };
      const before = byKey(perChannel(lastYear), 'channel');
      const expected = perChannel(current)
        .sort((a, b) => b.cost - a.cost || binary(a.channel, b.channel))
        .map((r) => ({
          ...r,
          ...compared('cost', r.cost, before.get(r.channel)?.cost ?? 0, 'last_year'),
          ...compared('revenue', r.revenue, before.get(r.channel)?.revenue ?? 0, 'last_year'),
          ...compared('return', r.return, before.get(r.channel)?.return, 'last_year'),
        }));
      expectRows(panels.by_channel?.rows ?? [], expected);
    });

    it('leads by channel (pie) and by Moscow month and channel (area)', () => {
      const pie = demo.all(
        `select cmp.channel, count(*) as leads ${LEADS} and ${filter} group by 1 order by 2 desc, 1`,
        current.start,
        current.end,
      );
      expectRows(panels.leads_by_channel?.rows ?? [], pie);
      const area = demo.all(
        `select strftime('%Y-%m-01', ${local('d.created_at')}) as "time:month", cmp.channel, count(*) as leads,
         count(case when d.stage = 'won' then 1 end) as won ${LEADS} and ${filter} group by 1, 2 order by 1, 2`,
        current.start,
        current.end,
      );
      expectRows(panels.leads_by_month?.rows ?? [], area);
    });
  });

describe('marketing: no personal numbers', () => {
  it('carries no row scope, so a scoped manager sees the same company-wide figures', async () => {
    const [all, own] = await Promise.all([demo.render('marketing'), demo.render('marketing', {}, MANAGER_3.viewer)]);
    expect(own).toEqual(all);
  });

  it('channel options are the channels of all campaigns', async () => {
    const options = await demo.project.engine.parameterOptions('marketing', 'channel');
    expect(options).toEqual(demo.all('select distinct channel from campaigns order by 1').map((r) => r.channel));
  });
});
