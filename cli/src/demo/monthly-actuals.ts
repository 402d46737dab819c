/** @module Per manager and month tallies the table generators record, so plans can be set around what happened. */

export interface MonthlyActuals {
  readonly months: number;
  /** Calls of any direction and disposition, by started_at month. */
  readonly calls: Float64Array;
  /** Done meetings, by done_at month. */
  readonly meetings: Float64Array;
  /** Amount of won deals, by closed_at month. */
  readonly revenue: Float64Array;
  at(manager: number, month: number): number;
  add(measure: 'calls' | 'meetings' | 'revenue', manager: number, month: number, value: number): void;
}

export function createMonthlyActuals(managers: number, months: number): MonthlyActuals {
  const size = (managers + 1) * months;
  return {
    months,
    calls: new Float64Array(size),
    meetings: new Float64Array(size),
    revenue: new Float64Array(size),
    at: (manager, month) => manager * months + month,
    add(measure, manager, month, value) {
      const tally = this[measure];
      const i = manager * months + month;
      tally[i] = (tally[i] ?? 0) + value;
    },
  };
}
