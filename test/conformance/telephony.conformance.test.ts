/**
 * @module The telephony plugin against the connector contract, in the file-source variant: its one
 * `calls` table cannot hold the suite's sales fixture, so a small call log of known calls stands in
 * for it, checked through the public engine the way the suite checks every connector: types and
 * NULLs, the PBX clock converted to UTC and bucketed in two reporting zones, filtered measures,
 * health, a missing table as a panel error, and bad data failing a reload with DATA_INVALID while
 * the previous extract keeps serving.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPanelError, openProject, type Project } from '@vitrina/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI_DIR = join(import.meta.dirname, '..', '..', 'cli');

/** Asterisk cdr_csv with uniqueid (17 fields); times on the PBX's Moscow clock (UTC+3). */
function line(
  id: string,
  src: string,
  dst: string,
  start: string,
  answer: string,
  end: string,
  duration: number,
  billsec: number,
  disposition: string,
) {
  const peer = (n: string) => (/^\d{3}$/.test(n) ? `SIP/${n}-0000001d` : 'SIP/trunk-00000001');
  return `"","${src}","${dst}","from-internal","""${src}"" <${src}>","${peer(src)}","${peer(dst)}","Dial","${peer(dst)},30","${start}","${answer}","${end}",${duration},${billsec},"${disposition}","DOCUMENTATION","${id}"\n`;
}

/** Four calls: [id, UTC start, Moscow day, direction, disposition, talk seconds]. */
const CALLS = [
  ['1.1', '2026-03-01 07:00:00', '2026-03-01', 'inbound', 'answered', 60],
  ['1.2', '2026-03-01 23:30:00', '2026-03-02', 'outbound', 'no_answer', 0],
  ['1.3', '2026-03-31 20:00:00', '2026-03-31', 'internal', 'busy', 0],
  ['1.4', '2026-03-31 22:00:00', '2026-04-01', 'outbound', 'failed', 0],
] as const;
const LOG =
  line('1.1', '89161234567', '101', '2026-03-01 10:00:00', '2026-03-01 10:00:10', '2026-03-01 10:01:10', 70, 60, 'ANSWERED') +
  line('1.2', '101', '89160000000', '2026-03-02 02:30:00', '', '2026-03-02 02:30:20', 20, 0, 'NO ANSWER') +
  line('1.3', '102', '103', '2026-03-31 23:00:00', '', '2026-03-31 23:00:05', 5, 0, 'BUSY') +
  line('1.4', '102', '84951112233', '2026-04-01 01:00:00', '', '2026-04-01 01:00:01', 1, 0, 'FAILED');

const calls = {
  source: 'calls',
  table: 'calls',
  time: 'started_at',
  dimensions: { call_id: {}, direction: {}, disposition: {}, answered_at: { type: 'time' } },
  measures: {
    calls: { agg: 'count' },
    answered: { agg: 'count', where: { disposition: 'answered' } },
    talk: { agg: 'sum', column: 'talk_seconds' },
    last_answer: { agg: 'max', column: 'answered_at' },
  },
};
const REPORT = {
  id: 'calls-contract',
  title: 'Call-log contract',
  datasets: { calls, missing: { source: 'calls', table: 'no_such_table', measures: { n: { agg: 'count' } } } },
  panels: [
    {
      id: 'rows',
      type: 'table',
      dataset: 'calls',
      dimensions: ['call_id', 'direction', 'disposition'],
      measures: ['talk', 'last_answer'],
      sort: 'call_id',
    },
    { id: 'by_day', type: 'table', dataset: 'calls', dimensions: ['time:day'], measures: ['calls'] },
    { id: 'by_month', type: 'table', dataset: 'calls', dimensions: ['time:month'], measures: ['calls', 'answered'] },
    { id: 'total', type: 'kpi', dataset: 'calls', measure: 'calls' },
    { id: 'missing', type: 'kpi', dataset: 'missing', measure: 'n' },
  ],
};

let dir = '';
const projects: Record<'moscow' | 'utc', Project | undefined> = { moscow: undefined, utc: undefined };
const project = (zone: 'moscow' | 'utc') => projects[zone] as Project;
const render = (zone: 'moscow' | 'utc') => project(zone).engine.render('calls-contract', { now: new Date('2026-04-15T12:00:00Z') });
const rowsOf = async (zone: 'moscow' | 'utc', id: string) => {
  const panel = (await render(zone)).panels.find((p) => p.id === id);
  if (!panel || isPanelError(panel)) throw new Error(`panel ${id}: ${panel && isPanelError(panel) ? panel.error.message : 'missing'}`);
  return panel.rows;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrina-conformance-telephony-'));
  mkdirSync(join(dir, 'report-definitions'));
  mkdirSync(join(dir, 'pbx'));
  writeFileSync(join(dir, 'pbx', 'Master.csv'), LOG);
  writeFileSync(join(dir, 'report-definitions', 'calls-contract.json'), JSON.stringify(REPORT));
  for (const [zone, timezone] of [
    ['moscow', 'Europe/Moscow'],
    ['utc', 'UTC'],
  ] as const) {
    const config = {
      plugins: ['@vitrina/plugin-telephony'],
      sources: {
        calls: {
          plugin: 'telephony',
          file: 'pbx/Master.csv',
          format: 'asterisk-csv',
          timezone: 'Europe/Moscow',
          internalPattern: '[0-9]{3}',
        },
        broken: { plugin: 'telephony', file: 'pbx/no-such-log.csv', format: 'asterisk-csv' },
      },
      dataDir: `.data-${zone}`,
      definitions: 'report-definitions',
      timezone,
      cache: { ttlSeconds: 0 },
    };
    writeFileSync(join(dir, `${zone}.config.json`), JSON.stringify(config));
    projects[zone] = await openProject({ configPath: join(dir, `${zone}.config.json`), resolveFrom: [CLI_DIR] });
  }
});

afterAll(async () => {
  for (const p of Object.values(projects)) await p?.close();
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
});

describe('connector conformance: telephony (file-source variant, its own call-log fixture)', () => {
  it('types-and-nulls: introspection is precise; numbers, texts, UTC timestamps and NULLs come back typed', async () => {
    const [table] = (await project('utc').sources.get('calls')?.introspect({})) ?? [];
    expect(table?.columns.find((c) => c.name === 'talk_seconds')).toMatchObject({ type: 'integer', fidelity: 'precise' });
    expect(table?.columns.find((c) => c.name === 'started_at')).toMatchObject({ type: 'timestamp', fidelity: 'precise' });
    expect(await rowsOf('utc', 'rows')).toEqual(
      CALLS.map(([id, , , direction, disposition, talk]) => [
        id,
        direction,
        disposition,
        talk,
        id === '1.1' ? '2026-03-01 07:00:10' : null,
      ]),
    );
  });

  it('time zones: the PBX clock becomes UTC, and day and month buckets follow the reporting zone', async () => {
    const byDay = (zone: 'moscow' | 'utc') => CALLS.map(([, utc, moscow]) => (zone === 'utc' ? utc.slice(0, 10) : moscow));
    for (const zone of ['moscow', 'utc'] as const) {
      const days = new Map<string, number>();
      for (const d of byDay(zone)) days.set(d, (days.get(d) ?? 0) + 1);
      expect(await rowsOf(zone, 'by_day')).toEqual([...days].sort());
    }
    expect(await rowsOf('moscow', 'by_month')).toEqual([
      ['2026-03-01', 3, 1],
      ['2026-04-01', 1, 0],
    ]);
    expect(await rowsOf('utc', 'by_month')).toEqual([['2026-03-01', 4, 1]]);
  });

  it('health: the loaded log is healthy; a missing log is { ok: false, reason } without throwing', async () => {
    expect(await project('moscow').sources.get('calls')?.checkHealth({ timeoutMs: 10_000 })).toMatchObject({ ok: true });
    expect(await project('moscow').sources.get('broken')?.checkHealth({ timeoutMs: 10_000 })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/\S/),
    });
  });

  it('error-missing-table: a panel error naming the source; the other panels render', async () => {
    const out = await render('moscow');
    const missing = out.panels.find((p) => p.id === 'missing');
    expect(missing && isPanelError(missing) ? missing.error : undefined).toMatchObject({
      code: 'QUERY_FAILED',
      message: expect.stringContaining("source 'calls'"),
    });
    expect(await rowsOf('moscow', 'total')).toEqual([[4]]);
  });

  it('bad data: a reload of a broken log fails with DATA_INVALID naming file and line; the previous extract keeps serving', async () => {
    await rowsOf('moscow', 'total');
    writeFileSync(join(dir, 'pbx', 'Master.csv'), `${LOG}"","101","102","broken line"\n`);
    const [report] = await project('moscow').extracts.refresh(['calls'], { full: true });
    expect(report).toMatchObject({ status: 'failed', error: { code: 'DATA_INVALID', location: { line: 5 } } });
    expect(report?.error?.message).toMatch(/Master\.csv:5/);
    expect(await rowsOf('moscow', 'total')).toEqual([[4]]);
    writeFileSync(join(dir, 'pbx', 'Master.csv'), LOG);
  });
});
