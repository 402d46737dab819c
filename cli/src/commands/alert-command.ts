/** @module `vitrina alert list|test`: alerts with their state, and one evaluated now without notifying anyone. */
import { AlertStates, alertLink, evaluateAlert, findAlert } from '@vitrina/core/schedule';
import { EXIT_OK } from '../output/exit-codes.js';
import { printJson, printTable, withScheduler } from './schedule-session.js';
import { parseNow } from './shared-options.js';

export async function alertListCommand(options: { config?: string; json?: boolean }): Promise<number> {
  return withScheduler(options, async (project, running) => {
    const states = new AlertStates(running.database.db);
    const rows = [];
    for (const a of project.config.alerts ?? []) {
      const state = await states.get(a.name);
      rows.push({
        name: a.name,
        report: a.report,
        measure: `${a.dataset}.${a.measure}`,
        condition: a.condition,
        state: a.enabled === false ? 'disabled' : state?.firing ? 'firing' : 'armed',
        since: state?.since?.toISOString() ?? null,
        reason: state?.reading?.reason ?? null,
        evaluatedAt: state?.evaluatedAt.toISOString() ?? null,
      });
    }
    if (options.json) printJson(rows);
    else if (!rows.length) process.stdout.write('no alerts in the config\n');
    else
      printTable([
        ['NAME', 'STATE', 'SINCE', 'MEASURE', 'CONDITION', 'LAST READING'],
        ...rows.map((r) => [r.name, r.state, r.since ?? '—', r.measure, r.condition.type, r.reason ?? '—']),
      ]);
    return EXIT_OK;
  });
}

export async function alertTestCommand(name: string, options: { config?: string; json?: boolean; now?: string }): Promise<number> {
  return withScheduler({ config: options.config }, async (project) => {
    const alert = findAlert({ project }, name);
    const reading = await evaluateAlert(project, alert, parseNow(options.now) ?? new Date());
    const link = alertLink(project, alert, reading);
    if (options.json) printJson({ ...reading, link });
    else {
      process.stdout.write(`${reading.fired ? 'WOULD FIRE' : 'ok'}  ${reading.reason}\n`);
      for (const s of reading.series ?? []) process.stdout.write(`  ${s.period}  ${s.value ?? '—'}\n`);
      process.stdout.write(`  ${link}\n`);
    }
    return EXIT_OK;
  });
}
