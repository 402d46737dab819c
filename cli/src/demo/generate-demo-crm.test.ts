/** @module Specification of the demo CRM generator: schema, determinism, time bounds, funnel and failure behaviour. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoSummary, generateDemoCrm } from './generate-demo-crm.js';

const TODAY = '2026-03-15';
const END_OF_TODAY = `${TODAY} 23:59:59`;

/** The documented schema: report definitions are written against exactly these names. */
const COLUMNS: Record<string, string> = {
  departments: 'id name',
  regions: 'id name',
  managers: 'id name department_id region_id extension email hired_on active',
  products: 'id name category price',
  campaigns: 'id name channel started_on ended_on cost',
  clients: 'id name segment region_id manager_id source campaign_id created_on last_activity_on churned churned_on',
  deals: 'id client_id manager_id product_id campaign_id stage amount created_at qualified_at proposal_at negotiation_at closed_at',
  activities: 'id manager_id client_id deal_id type subject due_at done_at status',
  complaints: 'id client_id manager_id created_at resolved_at category channel satisfaction',
  plans: 'id manager_id month calls meetings revenue',
  calls: 'id started_at manager_id extension client_id direction disposition ring_seconds talk_seconds caller callee',
};
const SMALL_COUNTS: Record<string, number> = {
  departments: 4,
  regions: 8,
  managers: 40,
  products: 12,
  campaigns: 24,
  clients: 3_000,
  deals: 20_000,
  activities: 30_000,
  complaints: 1_500,
  calls: 100_000,
};
/** Every date or timestamp column as table.column; only activities.due_at may lie after today. */
const TIME_COLUMNS = `managers.hired_on campaigns.started_on campaigns.ended_on clients.created_on clients.last_activity_on
  clients.churned_on deals.created_at deals.qualified_at deals.proposal_at deals.negotiation_at deals.closed_at activities.done_at
  complaints.created_at complaints.resolved_at calls.started_at`
  .split(/\s+/)
  .map((name) => name.split('.') as [string, string]);
/** table.column → referenced table. */
const REFERENCES = `managers.department_id>departments managers.region_id>regions clients.region_id>regions clients.manager_id>managers
  clients.campaign_id>campaigns deals.client_id>clients deals.manager_id>managers deals.product_id>products deals.campaign_id>campaigns
  activities.manager_id>managers activities.client_id>clients activities.deal_id>deals complaints.client_id>clients
  complaints.manager_id>managers plans.manager_id>managers calls.manager_id>managers calls.client_id>clients`
  .split(/\s+/)
  .map((name) => name.split(/[.>]/) as [string, string, string]);

let dir: string;
let first: DemoSummary;
let db: Database.Database;

function contentHash(file: string): Record<string, string> {
  const conn = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      Object.keys(COLUMNS).map((table) => {
        const hash = createHash('sha256');
        for (const row of conn.prepare(`SELECT * FROM ${table} ORDER BY id`).raw().iterate()) hash.update(JSON.stringify(row));
        return [table, hash.digest('hex')];
      }),
    );
  } finally {
    conn.close();
  }
}

const value = (sql: string): unknown => db.prepare(sql).pluck().get();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrina-demo-'));
  first = await generateDemoCrm({ file: path.join(dir, 'nested', 'crm.db'), scale: 'small', seed: 7, today: TODAY });
  db = new Database(first.file, { readonly: true });
});

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('generateDemoCrm (small scale)', () => {
  it('creates every documented table with exactly the documented columns', () => {
    for (const [table, columns] of Object.entries(COLUMNS)) {
      const actual = db.prepare(`SELECT name FROM pragma_table_info('${table}') ORDER BY cid`).pluck().all();
      expect(actual, table).toEqual(columns.split(' '));
    }
  });

  it('writes the documented number of rows and reports them in the summary', () => {
    for (const [table, count] of Object.entries(SMALL_COUNTS)) expect(value(`SELECT count(*) FROM ${table}`), table).toBe(count);
    for (const table of Object.keys(COLUMNS)) expect(first.counts[table], table).toBe(value(`SELECT count(*) FROM ${table}`));
    expect(first.counts.plans).toBeGreaterThan(36 * 20);
  });

  it('leaves a single self-contained file', () => {
    expect(fs.readdirSync(path.dirname(first.file))).toEqual(['crm.db']);
    expect(value('PRAGMA journal_mode')).toBe('delete');
  });

  it('is deterministic: the same seed and today give identical content, another seed different content', async () => {
    const again = await generateDemoCrm({ file: path.join(dir, 'again.db'), scale: 'small', seed: 7, today: TODAY });
    const other = await generateDemoCrm({ file: path.join(dir, 'other.db'), scale: 'small', seed: 8, today: TODAY });
    const reference = contentHash(first.file);
    expect(contentHash(again.file)).toEqual(reference);
    const different = contentHash(other.file);
    for (const table of ['managers', 'clients', 'deals', 'activities', 'complaints', 'calls', 'plans']) {
      expect(different[table], table).not.toBe(reference[table]);
    }
  });

  it('has no date or timestamp after today, except activities due in the next two weeks', () => {
    for (const [table, column] of TIME_COLUMNS) {
      const late = value(`SELECT count(*) FROM ${table} WHERE ${column} > '${END_OF_TODAY}'`);
      expect(late, `${table}.${column}`).toBe(0);
    }
    expect(value(`SELECT max(due_at) FROM activities`)).toMatch(/^2026-03-(2\d|3\d)/);
    expect(value(`SELECT count(*) FROM activities WHERE due_at > '${END_OF_TODAY}' AND status <> 'open'`)).toBe(0);
    expect(value(`SELECT max(month) FROM plans`)).toBe('2026-05-01');
    expect(value(`SELECT min(created_at) FROM deals`)).toMatch(/^2024-04-01/);
  });

  it('formats timestamps as UTC text and dates as YYYY-MM-DD', () => {
    const timestamp = '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9]';
    for (const [table, column] of [...TIME_COLUMNS, ['activities', 'due_at'] as [string, string]]) {
      const pattern = column.endsWith('_at') ? timestamp : '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]';
      const bad = value(`SELECT count(*) FROM ${table} WHERE ${column} IS NOT NULL AND NOT (${column} GLOB '${pattern}')`);
      expect(bad, `${table}.${column}`).toBe(0);
    }
    expect(value(`SELECT count(*) FROM plans WHERE month NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-01'`)).toBe(0);
  });

  it('walks every deal through the funnel with monotonic stage timestamps matching its stage', () => {
    const reached = (column: string) => `(${column} IS NOT NULL)`;
    const violations = value(`SELECT count(*) FROM deals WHERE NOT (
      (qualified_at IS NULL OR qualified_at > created_at)
      AND (proposal_at IS NULL OR (qualified_at IS NOT NULL AND proposal_at > qualified_at))
      AND (negotiation_at IS NULL OR (proposal_at IS NOT NULL AND negotiation_at > proposal_at))
      AND (closed_at IS NULL OR closed_at > coalesce(negotiation_at, proposal_at, qualified_at, created_at))
      AND CASE stage
        WHEN 'lead' THEN NOT ${reached('qualified_at')} AND closed_at IS NULL
        WHEN 'qualified' THEN ${reached('qualified_at')} AND NOT ${reached('proposal_at')} AND closed_at IS NULL
        WHEN 'proposal' THEN ${reached('proposal_at')} AND NOT ${reached('negotiation_at')} AND closed_at IS NULL
        WHEN 'negotiation' THEN ${reached('negotiation_at')} AND closed_at IS NULL
        WHEN 'won' THEN ${reached('negotiation_at')} AND closed_at IS NOT NULL
        WHEN 'lost' THEN closed_at IS NOT NULL
        ELSE 0 END)`);
    expect(violations).toBe(0);
    const share = (where: string) => Number(value(`SELECT avg(${where}) FROM deals`));
    expect(share('qualified_at IS NOT NULL')).toBeGreaterThan(0.5);
    expect(share('qualified_at IS NOT NULL')).toBeLessThan(0.65);
    expect(share("stage = 'won'")).toBeGreaterThan(0.13);
    expect(share("stage = 'won'")).toBeLessThan(0.2);
  });

  it('keeps every foreign key pointing at an existing row', () => {
    for (const [table, column, target] of REFERENCES) {
      const dangling = value(`SELECT count(*) FROM ${table} t WHERE ${column} NOT IN (SELECT id FROM ${target})`);
      expect(dangling, `${table}.${column}`).toBe(0);
    }
    expect(value(`SELECT count(*) FROM clients WHERE (source = 'campaign') <> (campaign_id IS NOT NULL)`)).toBe(0);
    expect(value(`SELECT count(*) FROM calls c JOIN managers m ON m.id = c.manager_id WHERE c.extension <> m.extension`)).toBe(0);
  });

  it('models a client base with ~12% churn and some active clients silent for 30–120 days', () => {
    expect(Number(value('SELECT avg(churned) FROM clients'))).toBeGreaterThan(0.09);
    expect(Number(value('SELECT avg(churned) FROM clients'))).toBeLessThan(0.15);
    expect(value('SELECT count(*) FROM clients WHERE (churned = 1) <> (churned_on IS NOT NULL)')).toBe(0);
    expect(value('SELECT count(*) FROM clients WHERE last_activity_on < created_on')).toBe(0);
    const silent = `churned = 0 AND last_activity_on BETWEEN date('${TODAY}', '-120 days') AND date('${TODAY}', '-30 days')`;
    expect(value(`SELECT count(*) FROM clients WHERE ${silent}`)).toBeGreaterThan(100);
  });

  it('lets one region (Новосибирск) lose about half its deals in the last six weeks', () => {
    const share = (from: string, to: string) =>
      Number(
        value(`SELECT avg(c.region_id = 3) FROM deals d JOIN clients c ON c.id = d.client_id
          WHERE d.created_at >= date('${TODAY}', '${from}') AND d.created_at < date('${TODAY}', '${to}')`),
      );
    expect(value('SELECT name FROM regions WHERE id = 3')).toBe('Новосибирск');
    expect(share('-41 days', '+1 day')).toBeLessThan(0.7 * share('-365 days', '-41 days'));
  });

  it('derives activity status from due and done times as of today', () => {
    expect(value(`SELECT count(*) FROM activities WHERE (status = 'done') <> (done_at IS NOT NULL)`)).toBe(0);
    expect(value(`SELECT count(*) FROM activities WHERE status = 'overdue' AND due_at >= '${TODAY}'`)).toBe(0);
    expect(value(`SELECT count(*) FROM activities WHERE status = 'open' AND due_at < '${TODAY}'`)).toBe(0);
  });

  it('shapes calls like real telephony: ~70% answered, working hours and weekdays dominate', () => {
    expect(Number(value(`SELECT avg(disposition = 'answered') FROM calls`))).toBeCloseTo(0.7, 1);
    expect(value(`SELECT count(*) FROM calls WHERE disposition <> 'answered' AND talk_seconds <> 0`)).toBe(0);
    // 06–16 UTC is 09–19 in Moscow.
    expect(Number(value(`SELECT avg(substr(started_at, 12, 2) BETWEEN '06' AND '15') FROM calls`))).toBeGreaterThan(0.85);
    expect(Number(value(`SELECT avg(strftime('%w', started_at) IN ('0', '6')) FROM calls`))).toBeLessThan(0.08);
    expect(value(`SELECT count(*) FROM calls WHERE (direction = 'outbound') <> (caller = extension)`)).toBe(0);
  });

  it('sets past plans so that actual calls land at 80–115% of plan', () => {
    const ratios = db
      .prepare(`SELECT count(c.id) * 1.0 / p.calls FROM plans p JOIN calls c ON c.manager_id = p.manager_id
        AND c.started_at >= p.month AND c.started_at < date(p.month, '+1 month')
        WHERE p.month < '2026-03-01' AND p.calls >= 20 GROUP BY p.id`)
      .pluck()
      .all() as number[];
    expect(ratios.length).toBeGreaterThan(500);
    for (const ratio of ratios) expect(ratio).toBeGreaterThan(0.79);
    for (const ratio of ratios) expect(ratio).toBeLessThan(1.16);
  });

  it('builds into a temporary file and leaves nothing behind when it fails', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    await expect(generateDemoCrm({ file: path.join(blocker, 'crm.db'), scale: 'small', seed: 1, today: TODAY })).rejects.toThrow();
    expect(fs.readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('removes its temporary file when aborted mid-way', async () => {
    const controller = new AbortController();
    const file = path.join(dir, 'aborted.db');
    const onProgress = (p: { table: string }) => {
      if (p.table === 'calls') controller.abort();
    };
    await expect(generateDemoCrm({ file, scale: 'small', seed: 1, today: TODAY, onProgress, signal: controller.signal })).rejects.toThrow();
    expect(fs.readdirSync(dir).filter((name) => name.startsWith('aborted'))).toEqual([]);
  });

  it('rejects a malformed today', async () => {
    const invalid = generateDemoCrm({ file: path.join(dir, 'x.db'), scale: 'small', seed: 1, today: '2026-02-30' });
    await expect(invalid).rejects.toThrow(/YYYY-MM-DD/);
  });
});
