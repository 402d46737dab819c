/**
 * The demo CRM (seed 7, today 2026-11-26) with the shipped report pack, and the small vocabulary the
 * demo-report tests state their expectations in: Moscow periods as UTC text, rows as objects,
 * comparison and plan columns. Nothing here imports the query compiler: expected numbers come
 * from hand-written SQL on the same SQLite file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPanelError, openProject, type Project, type RawParameters, scopedViewer, type Viewer } from '@vitrina/core';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { DEMO_PLUGINS, demoFileSources } from '../../cli/src/demo/demo-file-sources.js';
import { generateDemoCrm } from '../../cli/src/demo/generate-demo-crm.js';
import { writeDemoFiles } from '../../cli/src/demo/write-demo-files.js';
import { copyDemoDefinitions } from '../support/demo-definitions.js';

export type Row = Record<string, unknown>;
export interface Panel {
  columns: string[];
  rows: Row[];
  series?: Row[];
  otherRow: boolean;
}

/** "Now" for every render: 15:00 in Moscow on the demo's last day. */
export const NOW = new Date('2026-11-26T12:00:00Z');
const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface Demo {
  db: Database.Database;
  project: Project;
  /** Renders a report; fails the test if any panel returned an error. */
  render(report: string, parameters?: RawParameters, viewer?: Viewer): Promise<Record<string, Panel>>;
  all(sql: string, ...params: unknown[]): Row[];
  one(sql: string, ...params: unknown[]): Row;
  close(): Promise<void>;
}

function objects(columns: { name: string }[], rows: unknown[][]): Row[] {
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c.name, r[i]])));
}

export interface DemoOptions {
  /** Also write the demo's call logs and plan CSV and add their sources (telephony, plan). */
  files?: boolean;
}

export async function openDemo(options: DemoOptions = {}): Promise<Demo> {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-demo-reports-'));
  const database = join(dir, 'data', 'crm.sqlite');
  await generateDemoCrm({ file: database, scale: 'small', seed: 7, today: '2026-11-26' });
  const sources: Record<string, unknown> = { crm: { plugin: 'sqlite', file: 'data/crm.sqlite' } };
  const plugins = ['@vitrina/plugin-sqlite'];
  if (options.files) {
    await writeDemoFiles({ dir, database, timezone: 'Europe/Moscow' });
    const { telephony, plan } = demoFileSources('Europe/Moscow');
    Object.assign(sources, { telephony, plan });
    plugins.push(...DEMO_PLUGINS);
  }
  copyDemoDefinitions(REPO, dir, Object.keys(sources));
  const config = {
    plugins,
    sources,
    definitions: 'report-definitions',
    timezone: 'Europe/Moscow',
    locale: 'ru',
    currency: 'RUB',
  };
  writeFileSync(join(dir, 'vitrina.config.json'), JSON.stringify(config));
  const project = await openProject({ configPath: join(dir, 'vitrina.config.json'), resolveFrom: [join(REPO, 'cli')] });
  const problems = [...project.problems, ...project.definitions.problems].map((p) => p.message);
  expect(problems).toEqual([]);
  const db = new Database(join(dir, 'data', 'crm.sqlite'), { readonly: true });
  return {
    db,
    project,
    async render(report, parameters = {}, viewer) {
      const output = await project.engine.render(report, { parameters, viewer, now: NOW });
      const out: Record<string, Panel> = {};
      for (const panel of output.panels) {
        if (isPanelError(panel)) throw new Error(`${report}/${panel.id}: ${panel.error.message}`);
        out[panel.id] = {
          columns: panel.columns.map((c) => c.name),
          rows: objects(panel.columns, panel.rows),
          series: panel.series && objects(panel.series.columns, panel.series.rows),
          otherRow: panel.otherRow === true,
        };
      }
      return out;
    },
    all: (sql, ...params) => db.prepare(sql).all(...params) as Row[],
    one: (sql, ...params) => db.prepare(sql).get(...params) as Row,
    async close() {
      db.close();
      await project.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Moscow is UTC+3 all year: local midnight of a date, as the UTC text the CRM stores. */
export function utcMidnight(localDate: string): string {
  return new Date(Date.parse(`${localDate}T00:00:00Z`) - 3 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export interface Period {
  /** First local day. */
  from: string;
  /** First local day after the period. */
  to: string;
  /** The same bounds as UTC timestamps, for timestamp columns. */
  start: string;
  end: string;
}

export function period(from: string, to: string): Period {
  return { from, to, start: utcMidnight(from), end: utcMidnight(to) };
}

/** Share of the period already behind us at NOW (run-rate = value / share). */
export function elapsed(p: Period): number {
  const start = Date.parse(`${p.start.replace(' ', 'T')}Z`);
  const end = Date.parse(`${p.end.replace(' ', 'T')}Z`);
  return Math.min(1, (NOW.getTime() - start) / (end - start));
}

/** SQL: a UTC timestamp column as Moscow local time. */
export const local = (column: string) => `datetime(${column}, '+3 hours')`;

/** The comparison columns a panel adds for measure `m`. */
export function compared(m: string, now: unknown, before: unknown, kind: 'previous' | 'last_year' = 'previous'): Row {
  const [v, d, p] = kind === 'previous' ? ['_previous', '_delta', '_delta_pct'] : ['_last_year', '_yoy_delta', '_yoy_delta_pct'];
  const delta = typeof now === 'number' && typeof before === 'number' ? now - before : null;
  return {
    [m + v]: before ?? null,
    [m + d]: delta,
    [m + p]: delta === null || before === 0 ? null : delta / Math.abs(before as number),
  };
}

/** The plan columns a panel adds for measure `m`; `share` adds the run-rate projection. */
export function targeted(m: string, value: unknown, target: number | null, share?: number): Row {
  const ratio = (v: unknown) => (typeof v === 'number' && target ? v / target : null);
  const out: Row = { [`${m}_target`]: target, [`${m}_attainment`]: ratio(value) };
  if (share !== undefined && share < 1) {
    const projected = typeof value === 'number' ? value / share : null;
    out[`${m}_run_rate`] = projected;
    out[`${m}_run_rate_attainment`] = ratio(projected);
  }
  return out;
}

/** Monthly plan rows ({month, value}) prorated to a period by the days each month overlaps it. */
export function prorated(rows: Row[], p: Period): number {
  let total = 0;
  for (const r of rows) {
    const month = String(r.month);
    const first = Date.parse(`${month}T00:00:00Z`);
    const next = new Date(first);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const from = Math.max(first, Date.parse(`${p.from}T00:00:00Z`));
    const to = Math.min(next.getTime(), Date.parse(`${p.to}T00:00:00Z`));
    total += to > from ? (Number(r.value) * (to - from)) / (next.getTime() - first) : 0;
  }
  return total;
}

/**
 * Rows of the same key sets; numbers equal up to float rounding (SQLite may sum in another order).
 * `tolerance` is relative; two different integers never count as close.
 */
export function expectRows(actual: Row[], expected: Row[], tolerance = 1e-9): void {
  const close = (a: unknown, e: unknown) =>
    typeof a === 'number' &&
    typeof e === 'number' &&
    !(Number.isInteger(a) && Number.isInteger(e) && a !== e) &&
    Math.abs(a - e) <= tolerance * Math.max(1, Math.abs(e));
  const aligned = actual.map((row, i) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, close(v, expected[i]?.[k]) ? expected[i]?.[k] : v])),
  );
  expect(aligned).toEqual(expected);
}

/** Rows keyed by one column, for looking up the previous period or the plan of a row. */
export function byKey(rows: Row[], key: string): Map<unknown, Row> {
  return new Map(rows.map((r) => [r[key], r]));
}

/** Division as the framework shows it: a zero or missing divisor gives null. */
export function ratio(a: unknown, b: unknown): number | null {
  return typeof a === 'number' && typeof b === 'number' && b !== 0 ? a / b : null;
}

/**
 * Who is looking. Hand-written queries join the fact table to `managers m` on its manager, so a
 * scope is a condition on `m`.
 */
export interface Scope {
  name: string;
  viewer?: Viewer;
  where: string;
}

export const EVERYONE: Scope = { name: 'an unrestricted viewer', where: '1 = 1' };
export const MANAGER_3: Scope = { name: 'manager 3 (--as manager_id=3)', viewer: scopedViewer({ manager_id: 3 }), where: 'm.id = 3' };
export const DEPARTMENT_2: Scope = {
  name: 'department 2 (--as department_id=2)',
  viewer: scopedViewer({ department_id: 2 }),
  where: 'm.department_id = 2',
};
export const SCOPES: Scope[] = [EVERYONE, MANAGER_3, DEPARTMENT_2];
