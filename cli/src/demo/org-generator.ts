/** @module Departments, regions and managers: the sales organisation every other table hangs off. */
import { transliterate } from '@vitrina/core';
import type { OpenTable } from './bulk-insert.js';
import type { DemoCalendar } from './demo-calendar.js';
import { DEPARTMENT_NAMES, FEMALE_NAMES, MALE_NAMES, REGION_NAMES, REGION_WEIGHTS, SURNAMES } from './demo-names.js';
import { cumulative, hash32, SeededRandom } from './seeded-random.js';

/** Sentinel day for "never left" and "never went silent". */
export const NEVER = 1_000_000;

/** Managers by id (index 0 unused), kept in typed arrays so millions of lookups stay cheap. */
export interface OrgModel {
  readonly managerCount: number;
  readonly region: Uint8Array;
  readonly hiredDay: Int32Array;
  /** Last working day of a manager who left, {@link NEVER} for active ones. */
  readonly leftDay: Int32Array;
  /** Who inherits the clients of a manager who left: an active manager of the same region. */
  readonly successor: Int32Array;
  /** Relative workload, so leaderboards are not flat. */
  readonly performance: Float64Array;
  readonly extension: readonly string[];
  /** Manager ids per region id. */
  readonly byRegion: readonly (readonly number[])[];
  readonly regionCdf: Float64Array;
  /** Employed on `day` and not on one of the ~2 weeks of yearly leave. */
  isWorking(manager: number, day: number): boolean;
  isEmployed(manager: number, day: number): boolean;
}

export function generateOrg(
  seed: number,
  calendar: DemoCalendar,
  counts: { departments: number; managers: number },
  open: OpenTable,
): OrgModel {
  const rng = new SeededRandom(seed, 1);
  const departments = DEPARTMENT_NAMES.slice(0, counts.departments);
  const departmentWriter = open('departments', departments.length);
  departments.forEach((name, i) => departmentWriter.add([i + 1, name]));
  departmentWriter.finish();
  const regionWriter = open('regions', REGION_NAMES.length);
  REGION_NAMES.forEach((name, i) => regionWriter.add([i + 1, name]));
  regionWriter.finish();
  const managerWriter = open('managers', counts.managers);

  const n = counts.managers;
  const region = new Uint8Array(n + 1);
  const hiredDay = new Int32Array(n + 1);
  const leftDay = new Int32Array(n + 1).fill(NEVER);
  const successor = new Int32Array(n + 1);
  const performance = new Float64Array(n + 1);
  const extension: string[] = [''];
  const byRegion: number[][] = REGION_NAMES.map(() => []);
  byRegion.unshift([]);
  const regionCdf = cumulative(REGION_WEIGHTS);
  const today = calendar.todayIndex;

  // A fixed share leaves, chosen among managers after the first per-region ones so every region keeps a veteran.
  const leavers = new Set<number>();
  const leaverCount = Math.max(2, Math.round(n * 0.05));
  while (leavers.size < leaverCount) leavers.add(rng.int(REGION_NAMES.length + 1, n));

  const names = new Set<string>();
  const emails = new Set<string>();
  for (let m = 1; m <= n; m++) {
    region[m] = m <= REGION_NAMES.length ? m : rng.weighted(regionCdf) + 1;
    byRegion[region[m] ?? 1]?.push(m);
    const regionName = REGION_NAMES[(region[m] ?? 1) - 1] ?? '';
    const local = departments.findIndex((d) => d.endsWith(` ${regionName}`));
    const general = departments.map((_, i) => i).filter((i) => !REGION_NAMES.some((r) => departments[i]?.endsWith(` ${r}`)));
    const department = local >= 0 && rng.chance(0.6) ? local : rng.pick(general);

    const veteran = m <= REGION_NAMES.length || rng.chance(0.78);
    hiredDay[m] = veteran ? -rng.int(30, 2500) : rng.int(0, Math.floor(today * 0.85));
    if (leavers.has(m)) leftDay[m] = Math.min(today - 20, Math.max(hiredDay[m] ?? 0, 0) + rng.int(60, today));
    performance[m] = Math.min(1.8, Math.max(0.5, rng.logNormal(1, 0.25)));
    extension.push(String(100 + m));

    let name: string;
    let first: string;
    let surname: string;
    do {
      const female = rng.chance(0.5);
      surname = rng.pick(SURNAMES) + (female ? 'а' : '');
      first = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
      name = `${surname} ${first}`;
    } while (names.has(name));
    names.add(name);
    let email = `${transliterate(first)}.${transliterate(surname)}`;
    if (emails.has(email)) email += m;
    emails.add(email);
    managerWriter.add([
      m,
      name,
      department + 1,
      region[m],
      extension[m],
      `${email}@vitrina-demo.ru`,
      calendar.dayString(hiredDay[m] ?? 0),
      leftDay[m] === NEVER ? 1 : 0,
    ]);
  }
  managerWriter.finish();
  for (const m of leavers) {
    const left = leftDay[m] ?? 0;
    const heirs = (byRegion[region[m] ?? 1] ?? []).filter((h) => leftDay[h] === NEVER && (hiredDay[h] ?? 0) <= left);
    successor[m] = heirs.length > 0 ? rng.pick(heirs) : (region[m] ?? 1);
  }

  const isEmployed = (m: number, day: number) => (hiredDay[m] ?? NEVER) <= day && day <= (leftDay[m] ?? 0);
  return {
    managerCount: n,
    region,
    hiredDay,
    leftDay,
    successor,
    performance,
    extension,
    byRegion,
    regionCdf,
    isEmployed,
    // Leave is a pure function of (manager, week) so every table sees the same absences without sharing state.
    isWorking: (m, day) => isEmployed(m, day) && hash32(m * 131 + Math.floor((day + m * 3) / 7), seed) % 100 >= 4,
  };
}
