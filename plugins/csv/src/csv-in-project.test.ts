/**
 * The CSV connector inside a whole project: options validated against its schema by the core,
 * paths confined to `dataFolders`, the extract loaded by the engine and queried through the
 * source's guard, like every report query.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openProject, type Project } from '@vitrina/core';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';

const PLUGIN = join(import.meta.dirname, 'index.ts');
const dir = mkdtempSync(join(tmpdir(), 'vitrina-csv-project-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

mkdirSync(join(dir, 'data', 'plan'), { recursive: true });
mkdirSync(join(dir, 'report-definitions'));
// The activity plan as a Russian Excel saves it: Windows-1251, `;`, decimal comma, DD.MM.YYYY.
const plan = (month: string, rows: string[]) =>
  iconv.encode(`Менеджер;Месяц;План звонков;План, руб.\r\n${rows.map((r) => `${r.replace('$m', month)}\r\n`).join('')}`, 'win1251');
writeFileSync(join(dir, 'data', 'plan', '2024-01.csv'), plan('01.01.2024', ['Иванов;$m;120;150000,50', 'Петрова;$m;100;98000']));
writeFileSync(join(dir, 'data', 'plan', '2024-02.csv'), plan('01.02.2024', ['Иванов;$m;130;155000', 'Петрова;$m;110;99000,25']));
writeFileSync(
  join(dir, 'vitrina.config.json'),
  JSON.stringify({
    plugins: [PLUGIN],
    dataFolders: ['data'],
    sources: {
      plan: { plugin: 'csv', path: 'data/plan/*.csv', table: 'activity_plan' },
      typo: { plugin: 'csv', path: 'data/plan/*.csv', delimiter: 'x' },
      outside: { plugin: 'csv', path: 'vitrina.config.json' },
    },
  }),
);

async function query(project: Project, source: string, text: string): Promise<Record<string, unknown>[]> {
  const guard = project.sources.get(source);
  if (!guard) throw new Error(`no source ${source}`);
  // A compiled query as Kysely hands it over (this package does not depend on Kysely itself).
  return guard.query({ sql: text, parameters: [], query: { kind: 'RawNode' } } as never);
}

describe('CSV connector in a project', () => {
  it('loads a glob of Excel exports into one extract table queried like any database', async () => {
    const project = await openProject({ cwd: dir });
    try {
      const [report] = await project.extracts.refresh(['plan']);
      expect(report?.error?.format()).toBeUndefined();
      expect(report).toMatchObject({ status: 'loaded', rows: 4 });
      expect(
        await query(
          project,
          'plan',
          'select menedzher, sum(plan_zvonkov) as calls, sum(plan_rub) as rub, min(mesyats) as first from activity_plan group by 1 order by 1',
        ),
      ).toEqual([
        { menedzher: 'Иванов', calls: 250, rub: 305000.5, first: '2024-01-01' },
        { menedzher: 'Петрова', calls: 210, rub: 197000.25, first: '2024-01-01' },
      ]);
    } finally {
      await project.close();
    }
  });

  it('refuses options the schema does not allow and paths outside the data folders, leaving other sources working', async () => {
    const project = await openProject({ cwd: dir });
    try {
      const problems = project.problems.map((p) => p.format());
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/\/sources\/typo\/delimiter.*source 'typo'/),
          expect.stringMatching(/\/sources\/outside\/path.*outside the allowed data folders/),
        ]),
      );
      expect(await project.sources.get('typo')?.checkHealth()).toMatchObject({ ok: false });
      expect(await project.sources.get('plan')?.checkHealth()).toMatchObject({ ok: true });
    } finally {
      await project.close();
    }
  });
});
