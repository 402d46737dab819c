/** @module The demo CRM's DDL and indexes, shared by the generator and by anyone documenting the schema. */

/** Tables in creation order; report definitions are written against these exact names. */
export const DEMO_TABLES = [
  'departments',
  'regions',
  'managers',
  'products',
  'campaigns',
  'clients',
  'deals',
  'activities',
  'complaints',
  'plans',
  'calls',
] as const;

export type DemoTable = (typeof DEMO_TABLES)[number];

/** Timestamps are TEXT 'YYYY-MM-DD HH:MM:SS' in UTC, dates TEXT 'YYYY-MM-DD', plan months 'YYYY-MM-01'. */
export const DEMO_SCHEMA: Record<DemoTable, string> = {
  departments: 'CREATE TABLE departments (id INTEGER PRIMARY KEY, name TEXT NOT NULL)',
  regions: 'CREATE TABLE regions (id INTEGER PRIMARY KEY, name TEXT NOT NULL)',
  managers: `CREATE TABLE managers (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, department_id INTEGER NOT NULL, region_id INTEGER NOT NULL,
  extension TEXT NOT NULL UNIQUE, email TEXT NOT NULL, hired_on TEXT NOT NULL, active INTEGER NOT NULL)`,
  products: 'CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, price REAL NOT NULL)',
  campaigns: `CREATE TABLE campaigns (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, channel TEXT NOT NULL, started_on TEXT NOT NULL, ended_on TEXT NOT NULL,
  cost REAL NOT NULL)`,
  clients: `CREATE TABLE clients (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, segment TEXT NOT NULL, region_id INTEGER NOT NULL, manager_id INTEGER NOT NULL,
  source TEXT NOT NULL, campaign_id INTEGER NULL, created_on TEXT NOT NULL, last_activity_on TEXT NOT NULL,
  churned INTEGER NOT NULL, churned_on TEXT NULL)`,
  deals: `CREATE TABLE deals (
  id INTEGER PRIMARY KEY, client_id INTEGER NOT NULL, manager_id INTEGER NOT NULL, product_id INTEGER NOT NULL,
  campaign_id INTEGER NULL, stage TEXT NOT NULL, amount REAL NOT NULL, created_at TEXT NOT NULL, qualified_at TEXT NULL,
  proposal_at TEXT NULL, negotiation_at TEXT NULL, closed_at TEXT NULL)`,
  activities: `CREATE TABLE activities (
  id INTEGER PRIMARY KEY, manager_id INTEGER NOT NULL, client_id INTEGER NULL, deal_id INTEGER NULL, type TEXT NOT NULL,
  subject TEXT NOT NULL, due_at TEXT NOT NULL, done_at TEXT NULL, status TEXT NOT NULL)`,
  complaints: `CREATE TABLE complaints (
  id INTEGER PRIMARY KEY, client_id INTEGER NOT NULL, manager_id INTEGER NOT NULL, created_at TEXT NOT NULL,
  resolved_at TEXT NULL, category TEXT NOT NULL, channel TEXT NOT NULL, satisfaction INTEGER NULL)`,
  plans: `CREATE TABLE plans (
  id INTEGER PRIMARY KEY, manager_id INTEGER NOT NULL, month TEXT NOT NULL, calls INTEGER NOT NULL, meetings INTEGER NOT NULL,
  revenue REAL NOT NULL, UNIQUE (manager_id, month))`,
  calls: `CREATE TABLE calls (
  id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, manager_id INTEGER NOT NULL, extension TEXT NOT NULL, client_id INTEGER NULL,
  direction TEXT NOT NULL, disposition TEXT NOT NULL, ring_seconds INTEGER NOT NULL, talk_seconds INTEGER NOT NULL,
  caller TEXT NOT NULL, callee TEXT NOT NULL)`,
};

/**
 * Created after the data is loaded (sorting once beats maintaining a b-tree per insert). Chosen for
 * date-range aggregations, per-manager drill-downs and the client card.
 */
export const DEMO_INDEXES: readonly string[] = [
  'CREATE INDEX managers_department ON managers (department_id)',
  'CREATE INDEX clients_region ON clients (region_id)',
  'CREATE INDEX clients_manager ON clients (manager_id)',
  'CREATE INDEX clients_created_on ON clients (created_on)',
  'CREATE INDEX deals_created_at ON deals (created_at)',
  'CREATE INDEX deals_closed_at ON deals (closed_at)',
  'CREATE INDEX deals_manager_created_at ON deals (manager_id, created_at)',
  'CREATE INDEX deals_client ON deals (client_id)',
  'CREATE INDEX activities_due_at ON activities (due_at)',
  'CREATE INDEX activities_manager_due_at ON activities (manager_id, due_at)',
  'CREATE INDEX activities_client ON activities (client_id)',
  'CREATE INDEX complaints_created_at ON complaints (created_at)',
  'CREATE INDEX complaints_client ON complaints (client_id)',
  'CREATE INDEX plans_month ON plans (month)',
  'CREATE INDEX calls_started_at ON calls (started_at)',
  'CREATE INDEX calls_manager_started_at ON calls (manager_id, started_at)',
];

/** The indexes of one table, for builders that finish tables at different times. */
export function indexesOf(table: DemoTable): string[] {
  return DEMO_INDEXES.filter((statement) => statement.includes(` ON ${table} (`));
}
