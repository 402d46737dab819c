/** @module Complaints and how fast they were resolved; satisfaction drops with resolution time. */
import type { OpenTable } from './bulk-insert.js';
import type { ClientBook } from './client-book.js';
import { firstReachable } from './deal-generator.js';
import type { DemoCalendar } from './demo-calendar.js';
import { cumulative, SeededRandom } from './seeded-random.js';

const CATEGORIES = ['delivery', 'quality', 'billing', 'service'] as const;
const CATEGORY_CDF = cumulative([0.3, 0.25, 0.2, 0.25]);
/** Median hours to resolve per category: billing disputes drag on, service issues are quick. */
const RESOLVE_HOURS = [30, 48, 72, 12];
const CHANNELS = ['phone', 'email', 'web'] as const;
const CHANNEL_CDF = cumulative([0.45, 0.35, 0.2]);

export function generateComplaints(seed: number, calendar: DemoCalendar, book: ClientBook, total: number, open: OpenTable): void {
  const rng = new SeededRandom(seed, 7);
  const today = calendar.todayIndex;
  const perDay = calendar.spread(total);
  const writer = open('complaints', total);
  let id = 0;
  for (let day = 0; day <= today; day++) {
    const count = perDay[day] ?? 0;
    const seconds = calendar.workSeconds(rng, day, count);
    for (const created of seconds) {
      id++;
      const existing = book.createdBy(day);
      let client = 1 + Math.floor(rng.next() * existing);
      for (let attempt = 0; attempt < 20 && !book.isReachable(client, day); attempt++) client = 1 + Math.floor(rng.next() * existing);
      if (!book.isReachable(client, day)) client = firstReachable(book, day, client);
      book.touch(client, day);
      const category = rng.weighted(CATEGORY_CDF);
      const hours = rng.logNormal(RESOLVE_HOURS[category] ?? 24, 1);
      const resolvedSecond = created + Math.max(600, Math.round(hours * 3600));
      // A few complaints are never resolved at all, besides the recent ones still in progress.
      const resolved = resolvedSecond <= calendar.nowSecond && !rng.chance(0.03);
      let satisfaction: number | null = null;
      if (resolved && rng.chance(0.7)) {
        const expected = 4.7 - 0.45 * Math.log2(1 + hours / 8);
        satisfaction = Math.min(5, Math.max(1, Math.round(rng.normal(expected, 0.8))));
      }
      writer.add([
        id,
        client,
        book.owner(client, day),
        calendar.timestamp(created),
        resolved ? calendar.timestamp(resolvedSecond) : null,
        CATEGORIES[category],
        CHANNELS[rng.weighted(CHANNEL_CDF)],
        satisfaction,
      ]);
    }
  }
  writer.finish();
}
