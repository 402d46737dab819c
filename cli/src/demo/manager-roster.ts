/** @module Picks which manager does a piece of work on a given day, weighted by who is at work and how busy they are. */
import { DECLINE_DAYS, DECLINE_KEEP, DECLINE_REGION_ID } from './demo-scale.js';
import type { OrgModel } from './org-generator.js';
import type { SeededRandom } from './seeded-random.js';

export interface ManagerRoster {
  /** Switches to `day`; cheap when called again for the same day. */
  setDay(day: number): void;
  /** A manager at work on the current day (any employed one if, on a holiday, nobody is). */
  pick(rng: SeededRandom): number;
}

export function createManagerRoster(org: OrgModel, todayIndex: number): ManagerRoster {
  const n = org.managerCount;
  const cdf = new Float64Array(n);
  let current = Number.NaN;
  return {
    setDay(day) {
      if (day === current) return;
      current = day;
      const declining = day > todayIndex - DECLINE_DAYS;
      let sum = 0;
      for (let m = 1; m <= n; m++) {
        let weight = org.isWorking(m, day) ? (org.performance[m] ?? 1) : 0;
        if (declining && org.region[m] === DECLINE_REGION_ID) weight *= DECLINE_KEEP;
        sum += weight;
        cdf[m - 1] = sum;
      }
      if (sum === 0) {
        for (let m = 1; m <= n; m++) {
          sum += org.isEmployed(m, day) ? 1 : 0;
          cdf[m - 1] = sum;
        }
      }
    },
    pick: (rng) => rng.weighted(cdf) + 1,
  };
}
