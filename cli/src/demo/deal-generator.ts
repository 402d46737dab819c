/** @module Deals and their funnel: each deal walks lead → qualified → proposal → negotiation → won, or is lost on the way. */
import type { OpenTable } from './bulk-insert.js';
import type { CatalogModel } from './catalog-generator.js';
import type { ClientBook } from './client-book.js';
import { DAY_SECONDS, type DemoCalendar } from './demo-calendar.js';
import { DECLINE_DAYS, DECLINE_KEEP, DECLINE_REGION_ID } from './demo-scale.js';
import type { MonthlyActuals } from './monthly-actuals.js';
import { NEVER, type OrgModel } from './org-generator.js';
import { SeededRandom } from './seeded-random.js';

const OPEN_STAGES = ['lead', 'qualified', 'proposal', 'negotiation'] as const;
/**
 * Chance to move on from each stage: 60% qualify, 40% reach a proposal, 25% negotiate, 17.5% win
 * (a little less overall, since the youngest deals are still on their way).
 */
const ADVANCE = [0.6, 0.4 / 0.6, 0.25 / 0.4, 0.175 / 0.25];
/** Median days spent in each stage before moving on. */
const STAGE_DAYS = [3, 6, 8, 10];
/** A deal that does not move on is usually closed as lost; the rest go stale in the pipeline. */
const LOSE = 0.92;
/** Order quantity range by client segment (small, medium, large, key). */
const QUANTITY: readonly [number, number][] = [
  [1, 3],
  [2, 8],
  [5, 20],
  [10, 50],
];
/** Bigger clients buy more often. */
const SEGMENT_APPETITE = [0.35, 0.6, 0.85, 1];

/** Deals by id (index 0 unused), for activities that follow them up. */
export interface DealLedger {
  readonly client: Int32Array;
  readonly manager: Uint16Array;
  readonly createdDay: Int32Array;
  /** Day the deal was won or lost, {@link NEVER} while open. */
  readonly closedDay: Int32Array;
  /** Id of the first deal created on each day (deals are numbered chronologically); entry today+1 is count+1. */
  readonly firstOfDay: Int32Array;
}

export function generateDeals(
  seed: number,
  calendar: DemoCalendar,
  org: OrgModel,
  catalog: CatalogModel,
  book: ClientBook,
  actuals: MonthlyActuals,
  total: number,
  open: OpenTable,
): DealLedger {
  const rng = new SeededRandom(seed, 5);
  const today = calendar.todayIndex;
  const perDay = calendar.spread(total);
  const writer = open('deals', total);
  const ledger: DealLedger = {
    client: new Int32Array(total + 1),
    manager: new Uint16Array(total + 1),
    createdDay: new Int32Array(total + 1),
    closedDay: new Int32Array(total + 1).fill(NEVER),
    firstOfDay: new Int32Array(today + 2),
  };
  const stageAt: (string | null)[] = [null, null, null];
  let id = 0;
  for (let day = 0; day <= today; day++) {
    ledger.firstOfDay[day] = id + 1;
    const count = perDay[day] ?? 0;
    const seconds = calendar.workSeconds(rng, day, count);
    for (const created of seconds) {
      id++;
      const client = pickClient(rng, book, day, today);
      // Some deals are taken by a colleague from the same region (inbound leads, cover during leave).
      const manager = rng.chance(0.8)
        ? book.owner(client, day)
        : colleague(rng, org, book.region[client] ?? 1, day, book.owner(client, day));
      const product = rng.weighted(catalog.productCdf);
      const [low, high] = QUANTITY[book.segment[client] ?? 0] ?? [1, 1];
      const discount = rng.next() * 0.15;
      const amount = Math.round((catalog.price[product] ?? 0) * rng.int(low, high) * (1 - discount) * 100) / 100;
      const own = book.campaign[client] ?? 0;
      const around = catalog.campaignsAround(day);
      const campaign = own && rng.chance(0.85) ? own : !own && around.length > 0 && rng.chance(0.08) ? rng.pick(around) : null;

      // Walk the funnel: every reached stage gets a later working-hours timestamp; today is the horizon.
      let stage = 0;
      let stageDay = day;
      let outcome: 'won' | 'lost' | null = null;
      let closed: string | null = null;
      stageAt.fill(null);
      const silentFrom = book.silentFrom[client] ?? NEVER;
      for (let step = 0; step < 4; step++) {
        const willing = rng.chance(ADVANCE[step] ?? 0);
        const delay = willing ? Math.max(1, Math.round(rng.logNormal(STAGE_DAYS[step] ?? 5, 0.6))) : rng.int(2, 40);
        const nextDay = stageDay + delay;
        if ((!willing && !rng.chance(LOSE)) || nextDay > today) break;
        // A client who has gone quiet cannot move a deal on; the manager eventually closes it as lost.
        const advances = willing && nextDay < silentFrom;
        const at = calendar.timestamp(nextDay * DAY_SECONDS + calendar.workSecond(rng, nextDay));
        stageDay = nextDay;
        if (nextDay < silentFrom) book.touch(client, nextDay);
        if (!advances || step === 3) {
          outcome = advances ? 'won' : 'lost';
          closed = at;
          ledger.closedDay[id] = nextDay;
          break;
        }
        stageAt[step] = at;
        stage = step + 1;
      }
      if (outcome === 'won') actuals.add('revenue', manager, calendar.monthOf(stageDay), amount);
      book.touch(client, day);
      ledger.client[id] = client;
      ledger.manager[id] = manager;
      ledger.createdDay[id] = day;
      writer.add([
        id,
        client,
        manager,
        product,
        campaign,
        outcome ?? OPEN_STAGES[stage],
        amount,
        calendar.timestamp(created),
        stageAt[0],
        stageAt[1],
        stageAt[2],
        closed,
      ]);
    }
  }
  ledger.firstOfDay[today + 1] = id + 1;
  writer.finish();
  return ledger;
}

function colleague(rng: SeededRandom, org: OrgModel, region: number, day: number, owner: number): number {
  const pool = org.byRegion[region] ?? [];
  for (let attempt = 0; attempt < 5; attempt++) {
    const m = rng.pick(pool);
    if (org.isWorking(m, day)) return m;
  }
  return owner;
}

/** A reachable client, biased towards bigger ones and away from the declining region at the end of the window. */
function pickClient(rng: SeededRandom, book: ClientBook, day: number, today: number): number {
  const existing = book.createdBy(day);
  const declining = day > today - DECLINE_DAYS;
  for (let attempt = 0; attempt < 60; attempt++) {
    const c = 1 + Math.floor(rng.next() * existing);
    if (!book.isReachable(c, day) || !rng.chance(SEGMENT_APPETITE[book.segment[c] ?? 0] ?? 1)) continue;
    if (declining && book.region[c] === DECLINE_REGION_ID && !rng.chance(DECLINE_KEEP)) continue;
    return c;
  }
  return firstReachable(book, day, 1 + Math.floor(rng.next() * existing));
}

/** Deterministic fallback when random draws keep missing: scan onwards for anyone reachable. */
export function firstReachable(book: ClientBook, day: number, from: number): number {
  const existing = book.createdBy(day);
  for (let i = 0; i < existing; i++) {
    const c = 1 + ((from - 1 + i) % existing);
    if (book.isReachable(c, day)) return c;
  }
  return Math.max(1, from);
}
