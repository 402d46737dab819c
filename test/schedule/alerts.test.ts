/**
 * Alerts on the demo data: a week-over-week drop in calls is driven by removing half of a week's
 * calls from the CRM; the alert notifies once (however often it is evaluated while firing),
 * shows as active with a link filtered to the cause; when the data recovers one "cleared"
 * message says the problem is over and it re-arms, notifying again on the next drop. Thresholds
 * read the same numbers as the dashboard.
 */
import { join } from 'node:path';
import { scopedViewer } from '@vitrina/core';
import { AlertStates, activeAlerts, evaluateAlert } from '@vitrina/core/schedule';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock, type ScheduleFixture, scheduleProject } from './schedule-fixture.js';

// Moscow week of Mon 16 – Sun 22 November 2026, as the UTC text the CRM stores.
const LAST_WEEK = "started_at >= '2026-11-15 21:00:00' and started_at < '2026-11-22 21:00:00'";

describe('alerts on the demo data', () => {
  let fx: ScheduleFixture;
  let crm: Database.Database;
  beforeAll(async () => {
    fx = await scheduleProject(() => ({
      alerts: [
        {
          name: 'calls-drop',
          title: 'Calls fell week over week',
          cron: '0 * * * *',
          report: 'sales-activity',
          dataset: 'calls',
          measure: 'calls',
          panel: 'calls',
          parameters: { department: 'Корпоративные продажи' },
          condition: { type: 'drop', grain: 'week', percent: 30 },
          recipients: ['ceo@example.com'],
        },
        {
          name: 'calls-declining',
          cron: '0 9 * * *',
          report: 'sales-activity',
          dataset: 'calls',
          measure: 'calls',
          condition: { type: 'declines', grain: 'week', periods: 2 },
          channel: { type: 'folder', path: 'alerts' },
        },
        {
          name: 'revenue-run-rate',
          cron: '0 9 * * *',
          report: 'executive-overview',
          dataset: 'closed_deals',
          measure: 'revenue',
          target: { dataset: 'plan', measure: 'revenue_plan' },
          scope: { department_id: 2 },
          parameters: { period: 'this_month' },
          condition: { type: 'threshold', of: 'run_rate', below: 10 },
          channel: { type: 'folder', path: 'alerts' },
        },
      ],
    }));
    crm = new Database(join(fx.dir, 'data', 'crm.sqlite'));
    crm.exec('create table calls_removed as select * from calls where 0');
  });
  afterAll(async () => {
    crm?.close();
    await fx?.close();
  });

  const drop = () => {
    crm.exec(
      `insert into calls_removed select * from calls where ${LAST_WEEK} and id % 2 = 0; delete from calls where ${LAST_WEEK} and id % 2 = 0;`,
    );
  };
  const recover = () => {
    crm.exec('insert into calls select * from calls_removed; delete from calls_removed;');
  };

  it('fires once on a drop, re-arms when it clears, and fires again on the next drop', async () => {
    const time = clock('2026-11-26T10:30:00Z');
    const running = await fx.open(time.now);
    await running.scheduler.tick();
    // The fixture's locale is Russian: "Сигнал: …" fires, "Сигнал снят: …" clears.
    const mails = () => fx.sink.mails.filter((m) => m.subject.startsWith('Сигнал: Calls fell'));
    const cleared = () => fx.sink.mails.filter((m) => m.subject.startsWith('Сигнал снят: Calls fell'));

    // Normal data: evaluated, not firing.
    time.set('2026-11-26T11:00:05Z');
    await running.scheduler.tick();
    expect(mails()).toHaveLength(0);
    expect((await new AlertStates(running.database.db).get('calls-drop'))?.firing).toBe(false);

    drop();
    time.set('2026-11-26T12:00:05Z');
    await running.scheduler.tick();
    expect(mails()).toHaveLength(1);
    const mail = mails()[0];
    expect(mail?.to).toEqual(['ceo@example.com']);
    expect(mail?.html).toMatch(/fell \d+\.\d% week over week/);
    // The link opens the dashboard on the weeks that caused it, with the alert's filter.
    expect(mail?.html).toContain('https://bi.example.com/d/sales-activity?department=');
    expect(mail?.html).toContain('period=2026-11-09..2026-11-22');

    const active = await activeAlerts(fx.project, running.database, { report: 'sales-activity' });
    expect(active.map((a) => [a.name, a.panel])).toEqual([['calls-drop', 'calls']]);
    expect(active[0]?.link).toContain('period=2026-11-09..2026-11-22');

    // Still firing an hour later: evaluated, not notified again.
    time.set('2026-11-26T13:00:05Z');
    await running.scheduler.tick();
    expect(mails()).toHaveLength(1);

    expect(cleared()).toHaveLength(0);

    recover();
    time.set('2026-11-26T14:00:05Z');
    await running.scheduler.tick();
    expect((await new AlertStates(running.database.db).get('calls-drop'))?.firing).toBe(false);
    expect(await activeAlerts(fx.project, running.database, { report: 'sales-activity' })).toEqual([]);
    // One all-clear to the same recipients, saying since when it fired and linking to the dashboard.
    expect(cleared()).toHaveLength(1);
    expect(cleared()[0]?.to).toEqual(['ceo@example.com']);
    expect(cleared()[0]?.html).toContain('действовал с 2026-11-26 15:00');
    expect(cleared()[0]?.html).toContain('https://bi.example.com/d/sales-activity?department=');
    expect(mails()).toHaveLength(1);

    // Still clear an hour later: no second all-clear.
    time.set('2026-11-26T15:00:05Z');
    await running.scheduler.tick();
    expect(cleared()).toHaveLength(1);

    // Re-armed: the next drop notifies again.
    drop();
    time.set('2026-11-26T16:00:05Z');
    await running.scheduler.tick();
    expect(mails()).toHaveLength(2);
    expect(cleared()).toHaveLength(1);
    recover();

    const evaluations = await running.context.deliveries.list({ kind: 'alert', name: 'calls-drop', limit: 100 });
    expect(evaluations.filter((d) => d.recipient === '(evaluate)').map((d) => d.detail.change)).toEqual([
      'fired',
      'unchanged',
      'cleared',
      'unchanged',
      'fired',
      'unchanged',
    ]);
    const notices = evaluations.filter((d) => d.recipient === 'ceo@example.com');
    expect(notices.map((d) => [d.status, d.detail.cleared === true])).toEqual([
      ['sent', false],
      ['sent', true],
      ['sent', false],
    ]);
  });

  it('declines and thresholds read the engine’s numbers for the alert’s scope', async () => {
    const now = new Date('2026-11-26T12:00:00Z');
    const declining = (fx.project.config.alerts ?? [])[1];
    const reading = await evaluateAlert(fx.project, declining as never, now);
    expect(reading.series?.map((s) => s.period)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    const expected = crm
      .prepare(`select count(*) as n from calls where started_at >= '2026-11-08 21:00:00' and started_at < '2026-11-15 21:00:00'`)
      .get() as { n: number };
    expect(reading.series?.[1]?.value).toBe(expected.n);

    const runRate = (fx.project.config.alerts ?? [])[2];
    const threshold = await evaluateAlert(fx.project, runRate as never, now);
    const output = await fx.project.engine.render('executive-overview', {
      parameters: { period: 'this_month' },
      viewer: scopedViewer({ department_id: 2 }),
      now,
    });
    const kpi = output.panels.find((p) => p.id === 'revenue');
    if (!kpi || 'error' in kpi) throw new Error('revenue failed');
    const column = kpi.columns.findIndex((c) => c.name === 'revenue_run_rate_attainment');
    expect(threshold.value).toBeCloseTo(kpi.rows[0]?.[column] as number, 9);
    expect(threshold.fired).toBe(true);
    expect(threshold.reason).toMatch(/run-rate attainment of plan is [\d.]+, below 10/);

    // vs previous period: the KPI's change column.
    const change = await evaluateAlert(
      fx.project,
      { ...(runRate as object), condition: { type: 'threshold', of: 'change', below: -0.99 } } as never,
      now,
    );
    const deltaPct = kpi.columns.findIndex((c) => c.name === 'revenue_delta_pct');
    expect(change.value).toBeCloseTo(kpi.rows[0]?.[deltaPct] as number, 9);
    expect(change.fired).toBe(false);
  });
});
