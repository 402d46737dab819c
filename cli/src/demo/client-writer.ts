/** @module Writes the client base once every other table has recorded its contacts in it. */
import type { OpenTable } from './bulk-insert.js';
import { type ClientBook, SEGMENTS, SOURCES } from './client-book.js';
import type { DemoCalendar } from './demo-calendar.js';
import { COMPANY_FORM_WEIGHTS, COMPANY_FORMS, COMPANY_STEMS, COMPANY_SUFFIXES, FEMALE_NAMES, MALE_NAMES, SURNAMES } from './demo-names.js';
import { NEVER } from './org-generator.js';
import { cumulative, SeededRandom } from './seeded-random.js';

const FORM_CDF = cumulative(COMPANY_FORM_WEIGHTS);

/** Names are combinatorial and may repeat across a large base, as real company names do. */
function companyName(rng: SeededRandom): string {
  const form = COMPANY_FORMS[rng.weighted(FORM_CDF)] ?? 'ООО';
  if (form === 'ИП') {
    const female = rng.chance(0.45);
    const first = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const patronymic = rng.pick(MALE_NAMES);
    return `ИП ${rng.pick(SURNAMES)}${female ? 'а' : ''} ${first[0]}.${patronymic[0]}.`;
  }
  return `${form} «${rng.pick(COMPANY_STEMS)}-${rng.pick(COMPANY_SUFFIXES)}»`;
}

export function writeClients(seed: number, calendar: DemoCalendar, book: ClientBook, open: OpenTable): void {
  const rng = new SeededRandom(seed, 4);
  const writer = open('clients', book.count);
  const today = calendar.todayIndex;
  for (let c = 1; c <= book.count; c++) {
    const churn = book.churnDay[c] ?? NEVER;
    const churned = churn <= today;
    writer.add([
      c,
      companyName(rng),
      SEGMENTS[book.segment[c] ?? 0],
      book.region[c],
      book.owner(c, today),
      SOURCES[book.source[c] ?? 0],
      book.campaign[c] || null,
      calendar.dayString(book.createdDay[c] ?? 0),
      calendar.dayString(book.lastDay[c] ?? 0),
      churned ? 1 : 0,
      churned ? calendar.dayString(churn) : null,
    ]);
  }
  writer.finish();
}
