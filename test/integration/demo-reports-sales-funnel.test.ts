/**
 * sales-funnel on the demo CRM: deals created in the period by the furthest stage reached,
 * conversion by campaign (top 10 + Other) and channel, for a campaign and a region filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
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
let topCampaign: string;
beforeAll(async () => {
  demo = await openDemo();
  // The campaign with the most leads in the default period: the one an executive would pick.
  topCampaign = demo.one(
    `select cmp.name from deals d join campaigns cmp on cmp.id = d.campaign_id where d.created_at >= ? and d.created_at < ?
     group by cmp.name order by count(*) desc, cmp.name limit 1`,
    LAST_90.current.start,
    LAST_90.current.end,
  ).name as string;
});
afterAll(async () => demo?.close());

const FROM = `from deals d join managers m on m.id = d.manager_id join clients c on c.id = d.client_id join regions r on r.id = c.region_id
  left join campaigns cmp on cmp.id = d.campaign_id where d.created_at >= ? and d.created_at < ?`;
const STAGES = `count(*) as leads, count(d.qualified_at) as qualified, count(d.proposal_at) as proposal,
  count(d.negotiation_at) as negotiation, count(case when d.stage = 'won' then 1 end) as won,
  coalesce(sum(case when d.stage = 'won' then d.amount end), 0) as revenue`;

const LAST_90 = {
  current: period('2026-08-29', '2026-11-27'),
  previous: period('2026-05-31', '2026-08-29'),
  lastYear: period('2025-08-29', '2025-11-27'),
};
const Q1 = {
  current: period('2026-01-01', '2026-04-01'),
  previous: period('2025-10-01', '2026-01-01'),
  lastYear: period('2025-01-01', '2025-04-01'),
};

const cases = [
  { name: 'the last 90 days (default)', params: () => ({}), ...LAST_90, filter: () => '1 = 1' },
  {
    name: 'the first quarter of 2026 (custom range) in Москва',
    params: () => ({ period: '2026-01-01..2026-03-31', region: 'Москва' }),
    ...Q1,
    filter: () => `r.name = 'Москва'`,
  },
  {
    name: 'the last 90 days for the biggest campaign',
    params: () => ({ campaign: topCampaign }),
    ...LAST_90,
    filter: () => `cmp.name = '${topCampaign.replaceAll("'", "''")}'`,
  },
];

for (const scope of SCOPES)
  describe(`sales-funnel for ${scope.name}`, () => {
    for (const { name, params, current, previous, lastYear, filter } of cases)
      describe(name, () => {
        const where = () => `${filter()} and ${scope.where}`;
        const stages = (p: Period) => demo.one(`select ${STAGES} ${FROM} and ${where()}`, p.start, p.end);
        let panels: Awaited<ReturnType<Demo['render']>>;
        beforeAll(async () => {
          panels = await demo.render('sales-funnel', params(), scope.viewer);
        });

        it('the funnel counts deals that reached each stage, with conversion from the previous and the first stage', () => {
          const s = stages(current);
          const names = ['leads', 'qualified', 'proposal', 'negotiation', 'won'];
          const expected = names.map((stage, i) => ({
            stage,
            value: s[stage],
            conversion_from_previous: i === 0 ? null : ratio(s[stage], s[names[i - 1] as string]),
            conversion_from_first: ratio(s[stage], s.leads),
          }));
          expectRows(panels.funnel?.rows ?? [], expected);
        });

        it('leads compare with the previous period; lead-to-won conversion with last year', () => {
          const [now, before, yearAgo] = [current, previous, lastYear].map(stages) as Row[];
          expectRows(panels.leads?.rows ?? [], [{ leads: now?.leads, ...compared('leads', now?.leads, before?.leads ?? 0) }]);
          const rate = (r?: Row) => ratio(r?.won, r?.leads);
          expectRows(panels.conversion?.rows ?? [], [
            { win_rate: rate(now), ...compared('win_rate', rate(now), rate(yearAgo), 'last_year') },
          ]);
        });

        it('the open-deals pie counts deals still in lead, qualified, proposal or negotiation', () => {
          const rows = demo.all(
            `select d.stage, count(*) as open ${FROM} and ${where()} and d.stage not in ('won', 'lost') group by 1 order by open desc, 1`,
            current.start,
            current.end,
          );
          expectRows(panels.open_by_stage?.rows ?? [], rows);
        });

        it('conversion by campaign: the 10 campaigns with most leads, the rest as "Other"; deals without a campaign left out', () => {
          const rows = demo.all(
            `select cmp.name as campaign, ${STAGES} ${FROM} and ${where()} and d.campaign_id is not null group by 1 order by leads desc, 1`,
            current.start,
            current.end,
          );
          const shown = (r: Row) => ({
            campaign: r.campaign,
            leads: r.leads,
            qualified: r.qualified,
            won: r.won,
            lead_to_qualified: ratio(r.qualified, r.leads),
            win_rate: ratio(r.won, r.leads),
            revenue: r.revenue,
          });
          const expected = rows.slice(0, 10).map(shown);
          const rest = rows.slice(10);
          if (rest.length) {
            const sum = (k: string) => rest.reduce((s, r) => s + (r[k] as number), 0);
            expected.push(
              shown({ campaign: 'Other', leads: sum('leads'), qualified: sum('qualified'), won: sum('won'), revenue: sum('revenue') }),
            );
          }
          expect(panels.by_campaign?.otherRow).toBe(rest.length > 0);
          expectRows(panels.by_campaign?.rows ?? [], expected);
        });

        it('conversion by channel, channels in alphabetical order', () => {
          const rows = demo.all(
            `select cmp.channel, ${STAGES} ${FROM} and ${where()} and d.campaign_id is not null group by 1 order by 1`,
            current.start,
            current.end,
          );
          expectRows(
            panels.by_channel?.rows ?? [],
            rows.map((r) => ({ channel: r.channel, lead_to_qualified: ratio(r.qualified, r.leads), win_rate: ratio(r.won, r.leads) })),
          );
        });

        it('leads and wins by Moscow week of creation (weeks start on Monday)', () => {
          const day = `date(${local('d.created_at')})`;
          const rows = demo.all(
            `select date(${day}, '-' || ((cast(strftime('%w', ${day}) as integer) + 6) % 7) || ' days') as "time:week", count(*) as leads,
           count(case when d.stage = 'won' then 1 end) as won ${FROM} and ${where()} group by 1 order by 1`,
            current.start,
            current.end,
          );
          expectRows(panels.leads_by_week?.rows ?? [], rows);
        });
      });
  });

describe('sales-funnel: parameters', () => {
  it('campaign options are every campaign that has deals, the viewer scope applied', async () => {
    const own = await demo.project.engine.parameterOptions('sales-funnel', 'campaign', { viewer: MANAGER_3.viewer });
    const expected = demo.all(
      'select distinct cmp.name from deals d join campaigns cmp on cmp.id = d.campaign_id where d.manager_id = 3 order by 1',
    );
    expect(own).toEqual(expected.map((r) => r.name));
  });

  it('a campaign filter narrows every panel: the funnel of one campaign is smaller than the whole', async () => {
    const [all, one] = await Promise.all([demo.render('sales-funnel'), demo.render('sales-funnel', { campaign: topCampaign })]);
    expect(one.funnel?.rows[0]?.value).toBeLessThan(all.funnel?.rows[0]?.value as number);
    expect(one.by_campaign?.rows.map((r) => r.campaign)).toEqual([topCampaign]);
  });
});
