/** @module Activities (calls, meetings, e-mails, tasks) with their status as of today; the only table with future timestamps. */
import type { OpenTable } from './bulk-insert.js';
import type { ClientBook } from './client-book.js';
import type { DealLedger } from './deal-generator.js';
import { DAY_SECONDS, type DemoCalendar } from './demo-calendar.js';
import { ACTIVITY_SUBJECTS } from './demo-names.js';
import { createManagerRoster } from './manager-roster.js';
import type { MonthlyActuals } from './monthly-actuals.js';
import type { OrgModel } from './org-generator.js';
import { cumulative, SeededRandom } from './seeded-random.js';

const TYPES = ['call', 'meeting', 'email', 'task'] as const;
const TYPE_CDF = cumulative([0.35, 0.15, 0.3, 0.2]);
/** Due times snap to the grid people schedule on: calls to 5 minutes, meetings to half hours, the rest to quarters. */
const DUE_GRID_SECONDS = [300, 1800, 900, 900];
/** Open activities planned up to two weeks ahead. */
const FUTURE_DAYS = 14;
const FUTURE_SHARE = 0.015;
/** Deals younger than this get follow-ups. */
const FOLLOW_UP_DAYS = 40;

export function generateActivities(
  seed: number,
  calendar: DemoCalendar,
  org: OrgModel,
  book: ClientBook,
  deals: DealLedger,
  actuals: MonthlyActuals,
  total: number,
  open: OpenTable,
): void {
  const rng = new SeededRandom(seed, 6);
  const today = calendar.todayIndex;
  const roster = createManagerRoster(org, today);
  const futureTotal = Math.round(total * FUTURE_SHARE);
  const pastCounts = calendar.spread(total - futureTotal);
  const futureWeights = Float64Array.from({ length: FUTURE_DAYS }, (_, i) => (calendar.weekday(today + 1 + i) < 5 ? 1 - i / 15 : 0.05));
  const futureCounts = calendar.spread(futureTotal, futureWeights);
  const writer = open('activities', total);
  let id = 0;
  for (let day = 0; day <= today + FUTURE_DAYS; day++) {
    const count = (day <= today ? pastCounts[day] : futureCounts[day - today - 1]) ?? 0;
    roster.setDay(day);
    const seconds = new Int32Array(count);
    for (let k = 0; k < count; k++) seconds[k] = calendar.workSecond(rng, day);
    seconds.sort();
    for (const second of seconds) {
      id++;
      let type = rng.weighted(TYPE_CDF);
      const link = rng.next();
      let deal = 0;
      let client = 0;
      let manager = 0;
      if (link < 0.55) deal = pickOpenDeal(rng, org, book, deals, day, today);
      if (deal) {
        manager = deals.manager[deal] ?? 0;
        client = deals.client[deal] ?? 0;
      } else {
        manager = roster.pick(rng);
        if (link < 0.9) client = book.pickFor(rng, manager, day);
      }
      // Without a counterpart a call or meeting makes no sense; it becomes an internal task.
      if (!client && type < 2) type = 3;

      const grid = DUE_GRID_SECONDS[type] ?? 900;
      const due = day * DAY_SECONDS + Math.floor(second / grid) * grid;
      const willDo = day < today ? !rng.chance(day >= today - 30 ? 0.22 : 0.04) : day === today && rng.chance(0.45);
      const offset =
        type === 0
          ? rng.int(0, 3 * 3600)
          : type === 1
            ? rng.int(30, 120) * 60
            : Math.max(-3 * DAY_SECONDS, Math.round(rng.normal(-4, 10) * 3600));
      const doneSecond = Math.max(0, due + offset);
      // Work that would be finished after today 23:59:59 is simply not done yet.
      const done = willDo && doneSecond <= calendar.nowSecond;
      let doneAt: string | null = null;
      if (done) {
        const doneDay = Math.floor(doneSecond / DAY_SECONDS);
        doneAt = calendar.timestamp(doneSecond);
        if (client) book.touch(client, doneDay);
        if (type === 1) actuals.add('meetings', manager, calendar.monthOf(doneDay), 1);
      }
      const typeName = TYPES[type] ?? 'task';
      writer.add([
        id,
        manager,
        client || null,
        deal || null,
        typeName,
        rng.pick(ACTIVITY_SUBJECTS[typeName]),
        calendar.timestamp(due),
        doneAt,
        done ? 'done' : day < today ? 'overdue' : 'open',
      ]);
    }
  }
  writer.finish();
}

/** A recent deal still open on `day` whose manager is at work and whose client still answers. */
function pickOpenDeal(rng: SeededRandom, org: OrgModel, book: ClientBook, deals: DealLedger, day: number, today: number): number {
  const last = Math.min(day, today);
  const from = deals.firstOfDay[Math.max(0, last - FOLLOW_UP_DAYS)] ?? 1;
  // Only deals created before the day, so a follow-up never precedes its deal.
  const to = deals.firstOfDay[day <= today ? day : today + 1] ?? from;
  if (to <= from) return 0;
  for (let attempt = 0; attempt < 8; attempt++) {
    const deal = from + Math.floor(rng.next() * (to - from));
    if ((deals.closedDay[deal] ?? 0) <= day) continue;
    if (!org.isWorking(deals.manager[deal] ?? 0, day) || !book.isReachable(deals.client[deal] ?? 0, day)) continue;
    return deal;
  }
  return 0;
}
