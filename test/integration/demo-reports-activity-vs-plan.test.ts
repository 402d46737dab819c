/**
 * activity-vs-plan reads calls from the PBX log (telephony source → DuckDB extract) and the plan
 * from the Excel CSV (csv source), yet every number equals the CRM's own calls and plans asked in
 * hand-written SQL: the demo wrote those files from that CRM, so this proves both connectors and
 * the extract end to end, per manager, against the plan, by hour, and under row scopes.
 */
import { scopedViewer } from '@vitrina/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, local, openDemo, period } from './demo-fixture.js';

let demo: Demo;
beforeAll(async () => {
  demo = await openDemo({ files: true });
}, 300_000);
afterAll(async () => demo?.close());

const OCTOBER = period('2026-10-01', '2026-11-01');
const params = { period: '2026-10' };
const CALLS = 'from calls c join managers m on m.id = c.manager_id where c.started_at >= ? and c.started_at < ?';

describe('activity-vs-plan on the demo call log and plan CSV', () => {
  it('counts calls, answered and missed inbound calls like the CRM', async () => {
    const panels = await demo.render('activity-vs-plan', params);
    const crm = demo.one(
      `select count(*) as calls, count(case when disposition = 'answered' then 1 end) as answered,
        count(case when direction = 'inbound' and disposition <> 'answered' then 1 end) as missed ${CALLS}`,
      OCTOBER.start,
      OCTOBER.end,
    );
    expect(panels.calls?.rows[0]?.calls).toBe(crm.calls);
    expect(panels.missed?.rows[0]?.missed).toBe(crm.missed);
    expect(panels.answer_rate?.rows[0]?.answer_rate).toBeCloseTo((crm.answered as number) / (crm.calls as number), 12);
  });

  it('sets each manager against the plan from the CSV, equal to the CRM plans', async () => {
    const panels = await demo.render('activity-vs-plan', params);
    const crm = demo.all(
      `select m.name as manager, count(*) as calls ${CALLS} group by m.name order by calls desc, m.name`,
      OCTOBER.start,
      OCTOBER.end,
    );
    const plans = new Map(
      demo
        .all(
          `select m.name as manager, sum(p.calls) as plan from plans p join managers m on m.id = p.manager_id where p.month = '2026-10-01' group by m.name`,
        )
        .map((r) => [r.manager, r.plan]),
    );
    const rows = panels.managers?.rows ?? [];
    expect(rows.length).toBe(crm.length);
    for (const row of rows) {
      const expected = crm.find((r) => r.manager === row.manager);
      expect(row.calls, String(row.manager)).toBe(expected?.calls);
      expect(Object.values(row)).toContain(plans.get(row.manager));
    }
  });

  it('spreads calls over the hours of the day in Moscow time', async () => {
    const panels = await demo.render('activity-vs-plan', params);
    const crm = demo.all(
      `select cast(strftime('%H', ${local('c.started_at')}) as integer) as hour, count(*) as calls ${CALLS} group by 1 order by 1`,
      OCTOBER.start,
      OCTOBER.end,
    );
    const byHour = (panels.calls_by_hour?.rows ?? []).map((r) => [
      r['time:hour_of_day'],
      (r.answered as number) + (r.not_answered as number),
    ]);
    expect(byHour).toEqual(crm.map((r) => [r.hour, r.calls]));
  });

  it('shows a manager only his own calls and plan', async () => {
    const manager = demo.one('select id, name, department_id from managers order by id limit 1 offset 2');
    const panels = await demo.render('activity-vs-plan', params, scopedViewer({ manager_id: manager.id as number }));
    const crm = demo.one(`select count(*) as calls ${CALLS} and c.manager_id = ?`, OCTOBER.start, OCTOBER.end, manager.id);
    expect(panels.calls?.rows[0]?.calls).toBe(crm.calls);
    expect((panels.managers?.rows ?? []).map((r) => r.manager)).toEqual([manager.name]);
  });
});
