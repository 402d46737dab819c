/**
 * @module `vitrina demo`: generates the demo CRM (seeded, deterministic) with the executive report
 * pack, optionally copies it into PostgreSQL (`--postgres <url>`), shows the executive overview's
 * headline numbers, then serves every dashboard over HTTP until stopped (not with `--no-serve`).
 */
import { existsSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatValue, isPanelError, type OpenProjectOptions, openProject, VitrinaError } from '@vitrina/core';
import { PLUGIN_RESOLVE_FROM, SHIPPED_DEFINITIONS_DIR } from '../cli-paths.js';
import { setupDemoAccess } from '../demo/demo-access.js';
import { DEMO_PLUGINS, demoFileSources } from '../demo/demo-file-sources.js';
import { generateDemoCrm } from '../demo/generate-demo-crm.js';
import { DEMO_PG_SCHEMA, loadDemoIntoPostgres } from '../demo/load-demo-into-postgres.js';
import { writeDemoFiles } from '../demo/write-demo-files.js';
import { EXIT_OK, EXIT_USER_ERROR } from '../output/exit-codes.js';
import { createProgress } from '../output/progress-bar.js';
import { scaffoldProject } from './scaffold-project.js';
import { parsePort, serveProject } from './serve-project.js';

export interface DemoOptions {
  dir: string;
  scale: string;
  seed: string;
  today?: string;
  serve: boolean;
  /** postgres:// URL: load the demo there and point the config's `crm` source at it. */
  postgres?: string;
  /** Port to serve the dashboards on (default 3000) and host (default 127.0.0.1). */
  port?: string;
  host?: string;
}

/** The demo company's (and its PBX's) time zone. */
const DEMO_TIMEZONE = 'Europe/Moscow';

/** The connector reads the URL (a secret) from this variable; the config only names it. */
export const DEMO_PG_URL_VARIABLE = 'VITRINA_DEMO_PG_URL';

/** The URL with its password replaced, for printing. */
export function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    return parsed.toString();
  } catch {
    // Not parseable (the loader will say why): still never print what may be a password.
    return url.replace(/:[^:@/]*@/, ':****@');
  }
}

/** Single-quoted for a POSIX shell. */
const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

export async function demoCommand(options: DemoOptions): Promise<number> {
  if (options.scale !== 'small' && options.scale !== 'large')
    throw new VitrinaError('USAGE', `--scale must be small or large, not '${options.scale}'`);
  const seed = Number(options.seed);
  if (!Number.isInteger(seed)) throw new VitrinaError('USAGE', `--seed must be an integer, not '${options.seed}'`);
  if (options.serve) parsePort(options.port); // a bad --port fails before minutes of generating
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new VitrinaError('USAGE', `--today must be YYYY-MM-DD, not '${today}'`);
  const pgUrl = options.postgres;
  if (pgUrl !== undefined && !/^postgres(ql)?:\/\/./.test(pgUrl))
    throw new VitrinaError('USAGE', '--postgres must be a postgres:// URL', {
      hint: 'e.g. --postgres postgres://user:password@localhost:5432/crm',
    });
  const dir = resolve(options.dir);
  if (existsSync(join(dir, 'report-definitions'))) rmSync(join(dir, 'report-definitions'), { recursive: true, force: true });
  scaffoldProject({
    dir,
    timezone: DEMO_TIMEZONE,
    locale: 'ru',
    currency: 'RUB',
    dataFile: 'data/crm.sqlite',
    ...(pgUrl !== undefined && {
      source: {
        plugin: '@vitrina/plugin-postgres',
        options: { plugin: 'postgres', url: { env: DEMO_PG_URL_VARIABLE }, schema: DEMO_PG_SCHEMA },
      },
    }),
    extraSources: demoFileSources(DEMO_TIMEZONE),
    extraPlugins: DEMO_PLUGINS,
    definitionsFrom: SHIPPED_DEFINITIONS_DIR,
    overwrite: true,
  });
  const progress = createProgress();
  const started = performance.now();
  const summary = await generateDemoCrm({
    file: join(dir, 'data', 'crm.sqlite'),
    scale: options.scale,
    seed,
    today,
    onProgress: (p) => progress.update(p.table, p.done, p.total),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const counts = Object.entries(summary.counts).map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`);
  progress.finish(`Demo CRM (${options.scale}, seed ${seed}, today ${today}) generated in ${seconds} s: ${counts.join(', ')}`);
  const filesStarted = performance.now();
  const files = await writeDemoFiles({ dir, database: join(dir, 'data', 'crm.sqlite'), timezone: DEMO_TIMEZONE });
  process.stdout.write(
    `Call logs (Asterisk, FreeSWITCH A+B legs; ${files.calls.toLocaleString('en-US')} calls) and the plan CSV (${files.planRows} rows) written in ${((performance.now() - filesStarted) / 1000).toFixed(1)} s\n`,
  );
  if (pgUrl !== undefined) {
    const loading = createProgress();
    const summary = await loadDemoIntoPostgres({
      file: join(dir, 'data', 'crm.sqlite'),
      url: pgUrl,
      onProgress: (p) => loading.update(p.table, p.done, p.total),
    }).catch((error: unknown) => {
      loading.finish('');
      throw new VitrinaError('USAGE', `loading the demo into ${maskPassword(pgUrl)} failed: ${(error as Error).message}`, {
        hint: 'check the URL, that the server runs, and that the user may create schemas in that database',
        cause: error,
      });
    });
    const { copyMs, afterLoadMs } = summary.timings;
    loading.finish(
      `Loaded into PostgreSQL schema ${DEMO_PG_SCHEMA} (COPY ${(copyMs / 1000).toFixed(1)} s, indexes and ANALYZE ${(afterLoadMs / 1000).toFixed(1)} s)`,
    );
    // The render below runs in this process; later commands need the variable from the user's shell.
    process.env[DEMO_PG_URL_VARIABLE] = pgUrl;
    process.stdout.write(
      `Before other commands: export ${DEMO_PG_URL_VARIABLE}=${shellQuote(maskPassword(pgUrl))}  (with the real password)\n`,
    );
  }
  process.stdout.write(`Project: ${relative(process.cwd(), dir) || '.'}\n`);
  // Demo mode: one account per role with a known password (printed when serving, see docs/security.md).
  const demoAccounts = await setupDemoAccess(dir);
  if (!options.serve) {
    process.stdout.write(`Demo accounts: ${demoAccounts.map((a) => `${a.username}/${a.password} (${a.role})`).join(', ')}\n`);
    return EXIT_OK;
  }

  // The demo's clock stands on its last generated day, so "this month" always has data.
  const open: OpenProjectOptions = {
    configPath: join(dir, 'vitrina.config.json'),
    resolveFrom: PLUGIN_RESOLVE_FROM,
    now: () => new Date(`${today}T12:00:00Z`),
  };
  const project = await openProject(open);
  let serving = false;
  try {
    const problems = [...project.problems, ...project.definitions.problems];
    for (const p of problems) process.stderr.write(`error: ${p.format()}\n`);
    const output = await project.engine.render('executive-overview');
    const format = { locale: output.locale, currency: project.config.currency };
    process.stdout.write(`\n${output.title}\n`);
    for (const panel of output.panels) {
      if (isPanelError(panel)) {
        process.stdout.write(`  ${panel.title ?? panel.id}: ${panel.error.message}\n`);
        continue;
      }
      // The first row's headline numbers: the value, then its comparison and plan columns.
      const first = panel.rows[0] ?? [];
      const cells = panel.columns.slice(0, 5).map((c, i) => `${c.label ?? c.name}: ${formatValue(first[i], c, format)}`);
      const more = panel.rows.length > 1 ? `  (+${panel.rows.length - 1})` : '';
      process.stdout.write(`  ${(panel.title ?? panel.id).padEnd(28)} ${cells.join(' · ')}${more}\n`);
    }
    const config = relative(process.cwd(), join(dir, 'vitrina.config.json'));
    process.stdout.write(
      `\nEvery report, as JSON: node ${relative(process.cwd(), process.argv[1] ?? 'vitrina')} render <id> --config ${config}\n` +
        `  ids: ${[...project.definitions.reports.keys()].join(', ')}\n`,
    );
    if (problems.length) return EXIT_USER_ERROR;
    process.stdout.write('\n');
    serving = true;
    return await serveProject(project, open, { port: options.port, host: options.host, demoAccounts });
  } finally {
    // serveProject closes the project when the server stops (or fails to start).
    if (!serving) await project.close();
  }
}
