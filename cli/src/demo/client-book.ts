/** @module The client base as an in-memory model: who exists when, who owns them, who went quiet or churned. */
import type { CatalogModel } from './catalog-generator.js';
import type { DemoCalendar } from './demo-calendar.js';
import { NEVER, type OrgModel } from './org-generator.js';
import { cumulative, SeededRandom } from './seeded-random.js';

export const SEGMENTS = ['small', 'medium', 'large', 'key'] as const;
export const SOURCES = ['campaign', 'referral', 'website', 'cold_call', 'exhibition'] as const;
const SEGMENT_CDF = cumulative([0.5, 0.3, 0.15, 0.05]);
/** Sources of clients that predate the window, when no campaign of ours could have brought them. */
const LEGACY_SOURCE_CDF = cumulative([0, 0.25, 0.35, 0.25, 0.15]);
const SOURCE_CDF = cumulative([0.35, 0.15, 0.25, 0.15, 0.1]);
/** Share of clients imported from before the window, so the first months are not a cold start. */
const LEGACY_SHARE = 0.4;

/** Clients by id (index 0 unused); ids grow with created day, as an autoincrement key would. */
export interface ClientBook {
  readonly count: number;
  readonly createdDay: Int32Array;
  readonly segment: Uint8Array;
  readonly region: Uint8Array;
  /** The manager who took the client on; see {@link ClientBook.owner} for later days. */
  readonly manager: Uint16Array;
  readonly source: Uint8Array;
  /** Campaign id or 0. */
  readonly campaign: Int32Array;
  /** Day of churn or {@link NEVER}. */
  readonly churnDay: Int32Array;
  /** From this day on the client has no contact at all (churned, or silent 30–120 days before today). */
  readonly silentFrom: Int32Array;
  /** Latest day with a done contact, filled in by the table generators. */
  readonly lastDay: Int32Array;
  /** Client ids by their first manager, ascending by created day. */
  readonly byManager: readonly Int32Array[];
  /** Number of clients created on or before `day` (0..today); they are exactly ids 1..that number. */
  createdBy(day: number): number;
  isReachable(client: number, day: number): boolean;
  owner(client: number, day: number): number;
  touch(client: number, day: number): void;
  /** A reachable client from the manager's own book (falling back to anyone's), or 0 when none turns up. */
  pickFor(rng: SeededRandom, manager: number, day: number): number;
}

export function createClientBook(seed: number, calendar: DemoCalendar, org: OrgModel, catalog: CatalogModel, total: number): ClientBook {
  const rng = new SeededRandom(seed, 3);
  const today = calendar.todayIndex;
  const legacy = Math.round(total * LEGACY_SHARE);
  const days: number[] = [];
  for (let i = 0; i < legacy; i++) days.push(-rng.int(1, 1460));
  days.sort((a, b) => a - b);
  const perDay = calendar.spread(total - legacy);
  for (let day = 0; day <= today; day++) for (let k = 0; k < (perDay[day] ?? 0); k++) days.push(day);

  const n = total;
  const createdDay = Int32Array.from([NEVER, ...days]);
  const segment = new Uint8Array(n + 1);
  const region = new Uint8Array(n + 1);
  const manager = new Uint16Array(n + 1);
  const source = new Uint8Array(n + 1);
  const campaign = new Int32Array(n + 1);
  const churnDay = new Int32Array(n + 1).fill(NEVER);
  const silentFrom = new Int32Array(n + 1).fill(NEVER);
  const lastDay = new Int32Array(n + 1);
  const lists: number[][] = Array.from({ length: org.managerCount + 1 }, () => []);
  const createdByDay = new Int32Array(today + 1);

  for (let c = 1; c <= n; c++) {
    const created = createdDay[c] ?? 0;
    const start = Math.max(created, 0);
    lastDay[c] = created;
    segment[c] = rng.weighted(SEGMENT_CDF);
    region[c] = rng.weighted(org.regionCdf) + 1;
    manager[c] = pickManager(rng, org, region[c] ?? 1, start);
    lists[manager[c] ?? 1]?.push(c);
    const around = created >= 0 ? catalog.campaignsAround(created) : [];
    source[c] = rng.weighted(created < 0 ? LEGACY_SOURCE_CDF : SOURCE_CDF);
    if (source[c] === 0) {
      if (around.length > 0) campaign[c] = rng.pick(around);
      else source[c] = 2;
    }
    if (start <= today - 60 && rng.chance(0.13)) {
      churnDay[c] = rng.int(start + 45, today - 1);
      silentFrom[c] = Math.max(start + 1, (churnDay[c] ?? 0) - rng.int(0, 30));
    } else if (start <= today - 130 && rng.chance(0.16)) {
      silentFrom[c] = today - rng.int(30, 120);
    }
    createdByDay[start] = (createdByDay[start] ?? 0) + 1;
  }
  for (let day = 1; day <= today; day++) createdByDay[day] = (createdByDay[day] ?? 0) + (createdByDay[day - 1] ?? 0);

  const byManager = lists.map((list) => Int32Array.from(list));
  const ownCountDay = new Int32Array(org.managerCount + 1).fill(-NEVER);
  const ownCount = new Int32Array(org.managerCount + 1);
  const book: ClientBook = {
    count: n,
    createdDay,
    segment,
    region,
    manager,
    source,
    campaign,
    churnDay,
    silentFrom,
    lastDay,
    byManager,
    createdBy: (day) => createdByDay[Math.min(day, today)] ?? 0,
    isReachable: (c, day) => (createdDay[c] ?? NEVER) <= day && day < (silentFrom[c] ?? 0),
    owner(c, day) {
      const m = manager[c] ?? 1;
      return day > (org.leftDay[m] ?? NEVER) ? (org.successor[m] ?? m) : m;
    },
    touch(c, day) {
      if (day > (lastDay[c] ?? 0) && day <= today) lastDay[c] = day;
    },
    pickFor(rng, m, day) {
      const own = byManager[m];
      // Generators walk day by day, so each manager's book size is looked up once per day.
      if (ownCountDay[m] !== day) {
        ownCountDay[m] = day;
        ownCount[m] = own ? countCreatedBy(own, createdDay, day) : 0;
      }
      const owned = ownCount[m] ?? 0;
      for (let attempt = 0; attempt < 6; attempt++) {
        const c =
          owned > 0 && attempt < 4 ? (own?.[Math.floor(rng.next() * owned)] ?? 0) : 1 + Math.floor(rng.next() * book.createdBy(day));
        if (book.isReachable(c, day)) return c;
      }
      return 0;
    },
  };
  return book;
}

/** Clients in a list sorted by created day that exist on `day` (binary search). */
function countCreatedBy(list: Int32Array, createdDay: Int32Array, day: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((createdDay[list[mid] ?? 0] ?? 0) <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Mostly a manager of the client's region; some come through the cross-regional departments.
 * Newcomers, whose books start empty, are handed new clients more readily than veterans.
 */
function pickManager(rng: SeededRandom, org: OrgModel, region: number, day: number): number {
  for (let attempt = 0; attempt < 30; attempt++) {
    const pool = rng.chance(0.85) ? (org.byRegion[region] ?? []) : (org.byRegion[rng.weighted(org.regionCdf) + 1] ?? []);
    const m = rng.pick(pool);
    if (m === undefined || !org.isEmployed(m, day) || (org.leftDay[m] ?? 0) <= day + 14) continue;
    if ((org.hiredDay[m] ?? 0) > 0 || rng.chance(0.4)) return m;
  }
  // The region's first manager is a veteran who never leaves.
  return region;
}
