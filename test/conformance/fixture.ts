/** @module The conformance fixture: one dataset, as plain data, that every connector loads and answers for. */

/** Logical column types; each harness maps them to its native types (TEXT/REAL/0-1 on SQLite, numeric/timestamptz on PostgreSQL…). */
export type FixtureType = 'integer' | 'text' | 'decimal' | 'real' | 'boolean' | 'date' | 'timestamp';

export interface FixtureColumn {
  name: string;
  type: FixtureType;
  nullable: boolean;
}

/**
 * Rows are arrays in column order. Values: numbers, strings, booleans or null; a `date` is
 * 'YYYY-MM-DD'; a `timestamp` is an instant written as UTC 'YYYY-MM-DD HH:MM:SS'.
 */
export interface FixtureTable {
  name: string;
  columns: readonly FixtureColumn[];
  rows: readonly (readonly unknown[])[];
}

export interface Fixture {
  tables: readonly FixtureTable[];
}

export interface Person {
  id: number;
  name: string;
  team: string | null;
  manager_id: number | null;
}

export interface Sale {
  id: number;
  product: string;
  region: string | null;
  manager_id: number | null;
  qty: number;
  /** Quarters of a unit only: binary floats add them exactly, so REAL and numeric sums agree to the cent. */
  amount: number | null;
  discount: number | null;
  paid: boolean | null;
  note: string | null;
  sold_on: string | null;
  sold_at: string | null;
}

export const PEOPLE: readonly Person[] = [
  { id: 1, name: 'Анна Петрова', team: 'North', manager_id: null },
  { id: 2, name: 'Борис Иванов', team: 'North', manager_id: 1 },
  { id: 3, name: "Dara O'Neil", team: 'South', manager_id: 1 },
  { id: 4, name: 'Eve Smith', team: 'South', manager_id: 3 },
  { id: 5, name: 'Фёдор Сидоров', team: 'East', manager_id: 1 },
  { id: 6, name: 'Gina Rossi', team: null, manager_id: 5 },
];

export const PRODUCTS = ['Чайник', "O'Brien's tea", 'Laptop', 'Phone', 'Desk', 'Lamp'] as const;
export const REGIONS = ['North', 'South', 'East', 'West', null] as const;

const HOUR = 3_600_000;
const GENERATED_START = Date.UTC(2025, 0, 1, 5, 17);
// 73 h 7 min: walks every hour of the day, every weekday and both years without landing on round times.
const GENERATED_STEP = 73 * HOUR + 7 * 60_000;

function utcText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

function dayAfter(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * 24 * HOUR).toISOString().slice(0, 10);
}

/** 240 ordinary rows over 2025–2026, every nullable column sometimes NULL. */
function generatedSales(): Sale[] {
  const out: Sale[] = [];
  for (let i = 1; i <= 240; i++) {
    out.push({
      id: i,
      product: PRODUCTS[i % PRODUCTS.length] as string,
      region: REGIONS[i % REGIONS.length] ?? null,
      manager_id: i % 7 === 0 ? null : (i % 6) + 1,
      qty: ((i * 7) % 10) + 1,
      amount: i % 11 === 0 ? null : ((i * 37) % 500) + (i % 4) * 0.25,
      discount: i % 3 === 0 ? null : (i % 3) * 0.25,
      paid: i % 13 === 0 ? null : i % 2 === 0,
      note: i % 10 === 0 ? (i % 20 === 0 ? "клиент's note" : 'срочно') : null,
      sold_on: i % 19 === 0 ? null : dayAfter('2025-01-01', (i * 3) % 730),
      sold_at: i % 17 === 0 ? null : utcText(GENERATED_START + (i - 1) * GENERATED_STEP),
    });
  }
  return out;
}

function edge(id: number, sold_at: string | null, sold_on: string | null): Sale {
  return {
    id,
    product: 'Lamp',
    region: 'West',
    manager_id: 2,
    qty: 1,
    amount: 10,
    discount: 0,
    paid: true,
    note: null,
    sold_on,
    sold_at,
  };
}

/** Instants on the edges of periods; comments give the wall clocks they must show. */
const EDGES: Sale[] = [
  edge(901, '2025-12-31 20:30:00', '2025-12-31'), // MSK 2025-12-31 23:30: still 2025 in Moscow
  edge(902, '2025-12-31 21:30:00', '2026-01-01'), // MSK 2026-01-01 00:30: 2026 in Moscow, 2025 in UTC
  edge(903, '2026-03-31 20:59:59', '2026-03-31'), // MSK 2026-03-31 23:59:59: Q1 in Moscow
  edge(904, '2026-03-31 21:00:00', '2026-04-01'), // MSK 2026-04-01 00:00: Q2 in Moscow, Q1 in UTC
  edge(905, '2026-06-30 23:30:00', '2026-06-30'), // MSK 2026-07-01 02:30: July/Q3 in Moscow, June/Q2 in UTC
  edge(906, '2026-07-01 00:00:00', '2026-07-01'), // UTC midnight of July: July everywhere
  edge(907, '2026-03-29 00:30:00', '2026-03-29'), // Berlin 01:30 CET, just before clocks jump 02:00 → 03:00
  edge(908, '2026-03-29 01:30:00', '2026-03-29'), // Berlin 03:30 CEST, just after the jump
  edge(909, '2026-10-25 00:30:00', '2026-10-25'), // Berlin 02:30 CEST, first pass of 02:00–03:00
  edge(910, '2026-10-25 01:30:00', '2026-10-25'), // Berlin 02:30 CET, second pass of the same wall-clock hour
  edge(911, '2026-03-28 23:30:00', '2026-03-29'), // Berlin 2026-03-29 00:30 CET: first hour of the 23-hour day
  edge(912, '2026-03-29 22:30:00', '2026-03-30'), // Berlin 2026-03-30 00:30 CEST: the day after
  edge(913, '2026-10-24 22:30:00', '2026-10-25'), // Berlin 2026-10-25 00:30 CEST: first hour of the 25-hour day
  edge(914, '2026-10-25 22:30:00', '2026-10-25'), // Berlin 2026-10-25 23:30 CET: last hour of the 25-hour day
  edge(915, '2026-10-25 23:30:00', '2026-10-26'), // Berlin 2026-10-26 00:30 CET: the day after
  edge(916, '2026-01-04 21:30:00', '2026-01-05'), // MSK Monday 2026-01-05 00:30, UTC Sunday: a new week in Moscow only
  edge(917, '2026-11-14 21:30:00', '2026-11-15'), // MSK 2026-11-15 00:30: "today" in Moscow at the suite's clock, yesterday in UTC
  {
    // Every nullable column NULL at once.
    id: 920,
    product: 'Desk',
    region: null,
    manager_id: null,
    qty: 3,
    amount: null,
    discount: null,
    paid: null,
    note: null,
    sold_on: null,
    sold_at: null,
  },
];

export const SALES: readonly Sale[] = [...generatedSales(), ...EDGES];

/** Rows of the large table: a result of this size must arrive complete and in order. */
export const BIG_ROWS = 100_000;

export function bigValue(id: number): number {
  return (id * 7919) % 1000;
}

const SALES_COLUMNS: readonly FixtureColumn[] = [
  { name: 'id', type: 'integer', nullable: false },
  { name: 'product', type: 'text', nullable: false },
  { name: 'region', type: 'text', nullable: true },
  { name: 'manager_id', type: 'integer', nullable: true },
  { name: 'qty', type: 'integer', nullable: false },
  { name: 'amount', type: 'decimal', nullable: true },
  { name: 'discount', type: 'real', nullable: true },
  { name: 'paid', type: 'boolean', nullable: true },
  { name: 'note', type: 'text', nullable: true },
  { name: 'sold_on', type: 'date', nullable: true },
  { name: 'sold_at', type: 'timestamp', nullable: true },
];

function bigRows(): unknown[][] {
  const rows: unknown[][] = new Array(BIG_ROWS);
  for (let id = 1; id <= BIG_ROWS; id++) rows[id - 1] = [id, bigValue(id)];
  return rows;
}

export const FIXTURE: Fixture = {
  tables: [
    {
      name: 'people',
      columns: [
        { name: 'id', type: 'integer', nullable: false },
        { name: 'name', type: 'text', nullable: false },
        { name: 'team', type: 'text', nullable: true },
        { name: 'manager_id', type: 'integer', nullable: true },
      ],
      rows: PEOPLE.map((p) => [p.id, p.name, p.team, p.manager_id]),
    },
    {
      name: 'sales',
      columns: SALES_COLUMNS,
      rows: SALES.map((s) => SALES_COLUMNS.map((c) => s[c.name as keyof Sale])),
    },
    {
      name: 'big',
      columns: [
        { name: 'id', type: 'integer', nullable: false },
        { name: 'value', type: 'integer', nullable: false },
      ],
      rows: bigRows(),
    },
  ],
};
