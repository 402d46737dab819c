/**
 * The demo's call logs and plan file: `vitrina demo` writes the CRM's calls as an Asterisk
 * Master.csv and a FreeSWITCH A+B-legs log on the PBX's Moscow clock, and the plan as a Russian
 * Excel CSV; through the telephony and CSV sources they give exactly the CRM's numbers (expected
 * values come from plain SQL on the demo's SQLite file).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProject, type Project } from '@vitrina/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PLUGINS, demoFileSources } from '../../cli/src/demo/demo-file-sources.js';
import { generateDemoCrm } from '../../cli/src/demo/generate-demo-crm.js';
import { DEMO_FILES, writeDemoFiles } from '../../cli/src/demo/write-demo-files.js';
import { queryRows } from '../support/extract-project.js';

const REPO = join(import.meta.dirname, '..', '..');
let dir: string;
let project: Project;
let crm: Database.Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrina-demo-logs-'));
  const database = join(dir, 'data', 'crm.sqlite');
  await generateDemoCrm({ file: database, scale: 'small', seed: 7, today: '2026-11-26' });
  await writeDemoFiles({ dir, database, timezone: 'Europe/Moscow' });
  mkdirSync(join(dir, 'report-definitions'));
  const config = {
    plugins: ['@vitrina/plugin-sqlite', ...DEMO_PLUGINS],
    sources: { crm: { plugin: 'sqlite', file: 'data/crm.sqlite' }, ...demoFileSources('Europe/Moscow') },
    definitions: 'report-definitions',
    timezone: 'Europe/Moscow',
  };
  writeFileSync(join(dir, 'vitrina.config.json'), JSON.stringify(config));
  project = await openProject({ configPath: join(dir, 'vitrina.config.json'), resolveFrom: [join(REPO, 'cli')] });
  expect([...project.problems].map((p) => p.message)).toEqual([]);
  crm = new Database(database, { readonly: true });
}, 300_000);

afterAll(async () => {
  crm?.close();
  await project?.close();
  rmSync(dir, { recursive: true, force: true });
});

const perManager = `select manager_id, count(*) as calls, count(*) filter (where disposition = 'answered') as answered,
  sum(talk_seconds) as talk, sum(ring_seconds) as ring, count(*) filter (where direction = 'inbound') as inbound`;

describe('demo call logs', () => {
  it('load without bad rows', async () => {
    const reports = await project.extracts.refresh(['telephony', 'telephony_freeswitch', 'plan']);
    for (const report of reports) expect(report, report.source).toMatchObject({ status: 'loaded', badRows: { count: 0 } });
  });

  it('the Asterisk log gives the CRM numbers per manager, with departments from the CRM mapping', async () => {
    const expected = crm.prepare(`${perManager} from calls group by manager_id order by manager_id`).all();
    expect(await queryRows(project, `${perManager} from calls group by manager_id order by manager_id`, 'telephony')).toEqual(expected);
    const departments = crm
      .prepare('select m.department_id, count(*) as n from calls c join managers m on m.id = c.manager_id group by 1 order by 1')
      .all();
    expect(await queryRows(project, 'select department_id, count(*) as n from calls group by 1 order by 1', 'telephony')).toEqual(
      departments,
    );
  });

  it('the FreeSWITCH A+B log gives the same numbers counting first legs, and B-legs join their A-legs', async () => {
    const expected = crm.prepare(`${perManager} from calls group by manager_id order by manager_id`).all();
    expect(
      await queryRows(project, `${perManager} from calls where leg = 1 group by manager_id order by manager_id`, 'telephony_freeswitch'),
    ).toEqual(expected);
    const failed = (crm.prepare(`select count(*) as n from calls where disposition = 'failed'`).get() as { n: number }).n;
    const total = (crm.prepare('select count(*) as n from calls').get() as { n: number }).n;
    // Every call but a failed one reached the other side: a B-leg each.
    expect(
      await queryRows(project, 'select count(*) as legs, count(distinct linked_id) as calls from calls', 'telephony_freeswitch'),
    ).toEqual([{ legs: 2 * total - failed, calls: total }]);
  });

  it('times come back to UTC from the PBX clock (Moscow, UTC+3), to the second', async () => {
    const expected = crm.prepare('select id, started_at from calls order by id limit 5').all() as { id: number; started_at: string }[];
    const got = await queryRows(project, `select sequence as id, started_at from calls where sequence <= 5 order by sequence`, 'telephony');
    expect(got).toEqual(expected);
    // The log itself holds local time: three hours ahead.
    const first = readFileSync(join(dir, DEMO_FILES.asterisk), 'utf8')
      .split('\n')
      .find((l) => l.endsWith(`,${expected[0]?.id}`));
    const local = new Date(Date.parse(`${expected[0]?.started_at.replace(' ', 'T')}Z`) + 3 * 3_600_000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    expect(first).toContain(`"${local}"`);
  });

  it('the plan CSV (Windows-1251, ";", decimal comma, DD.MM.YYYY) gives the CRM plans', async () => {
    const expected = crm
      .prepare('select month, sum(calls) as calls, round(sum(revenue), 2) as revenue from plans group by month order by month')
      .all();
    expect(
      await queryRows(
        project,
        "select strftime(month, '%Y-%m-%d') as month, sum(calls) as calls, round(sum(revenue), 2) as revenue from activity_plan group by 1 order by 1",
        'plan',
      ),
    ).toEqual(expected);
    const names = await queryRows(
      project,
      'select manager_name, department_id, department from activity_plan where manager_id = 1 limit 1',
      'plan',
    );
    expect(names).toEqual([
      crm
        .prepare(
          'select m.name as manager_name, m.department_id, d.name as department from managers m join departments d on d.id = m.department_id where m.id = 1',
        )
        .get(),
    ]);
  });
});
