/** @module Row counts per demo scale and the deliberate anomalies report authors can look for. */

export type DemoScaleName = 'small' | 'large';

export interface DemoScale {
  departments: number;
  managers: number;
  products: number;
  campaigns: number;
  clients: number;
  deals: number;
  activities: number;
  complaints: number;
  calls: number;
}

export const DEMO_SCALES: Readonly<Record<DemoScaleName, DemoScale>> = {
  small: {
    departments: 4,
    managers: 40,
    products: 12,
    campaigns: 24,
    clients: 3_000,
    deals: 20_000,
    activities: 30_000,
    complaints: 1_500,
    calls: 100_000,
  },
  large: {
    departments: 12,
    managers: 400,
    products: 60,
    campaigns: 120,
    clients: 200_000,
    deals: 1_000_000,
    activities: 1_000_000,
    complaints: 50_000,
    calls: 5_000_000,
  },
};

/** Region whose deals and calls drop in the last {@link DECLINE_DAYS} days, so alerts have something to find (Новосибирск). */
export const DECLINE_REGION_ID = 3;
export const DECLINE_DAYS = 42;
/** Share of that region's deals and calls that still happen during the decline. */
export const DECLINE_KEEP = 0.45;
