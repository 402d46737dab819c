/** @module Products and marketing campaigns: what is sold and where the leads come from. */
import type { OpenTable } from './bulk-insert.js';
import type { DemoCalendar } from './demo-calendar.js';
import { CAMPAIGN_CHANNELS, CAMPAIGN_TITLES, MONTH_NAMES, PRODUCT_LINES, PRODUCT_TIER_PRICE, PRODUCT_TIERS } from './demo-names.js';
import { cumulative, SeededRandom } from './seeded-random.js';

export interface CatalogModel {
  /** Price by product id (index 0 unused). */
  readonly price: Float64Array;
  /** Cheaper products sell more often. */
  readonly productCdf: Float64Array;
  readonly campaignCount: number;
  readonly campaignStart: Int32Array;
  readonly campaignEnd: Int32Array;
  /** Campaign ids that can plausibly have produced a lead on `day` (running, or ended less than a month ago). */
  campaignsAround(day: number): readonly number[];
}

/** Typical duration in days and cost range in roubles per channel. */
const CHANNEL_SHAPE: Record<(typeof CAMPAIGN_CHANNELS)[number], { days: [number, number]; cost: [number, number] }> = {
  email: { days: [3, 14], cost: [20_000, 80_000] },
  webinar: { days: [1, 2], cost: [30_000, 150_000] },
  exhibition: { days: [3, 5], cost: [400_000, 2_500_000] },
  context_ads: { days: [30, 90], cost: [150_000, 900_000] },
  social: { days: [14, 60], cost: [80_000, 500_000] },
  referral: { days: [60, 180], cost: [50_000, 300_000] },
};
const CHANNEL_CDF = cumulative([0.25, 0.2, 0.08, 0.22, 0.15, 0.1]);
const LEAD_WINDOW_DAYS = 30;

export function generateCatalog(
  seed: number,
  calendar: DemoCalendar,
  counts: { products: number; campaigns: number },
  open: OpenTable,
): CatalogModel {
  const rng = new SeededRandom(seed, 2);
  const products = open('products', counts.products);
  const price = new Float64Array(counts.products + 1);
  const popularity: number[] = [0];
  for (let p = 1; p <= counts.products; p++) {
    const line = PRODUCT_LINES[(p - 1) % PRODUCT_LINES.length];
    const tier = Math.floor((p - 1) / PRODUCT_LINES.length) % PRODUCT_TIERS.length;
    if (!line) continue;
    price[p] = Math.round((line.price * (PRODUCT_TIER_PRICE[tier] ?? 1)) / 100) * 100;
    popularity.push(1 / Math.sqrt(price[p] ?? 1));
    products.add([p, `${line.name} «${PRODUCT_TIERS[tier]}»`, line.category, price[p]]);
  }

  products.finish();
  const n = counts.campaigns;
  const campaigns = open('campaigns', n);
  const today = calendar.todayIndex;
  const campaignStart = new Int32Array(n + 1);
  const campaignEnd = new Int32Array(n + 1);
  for (let c = 1; c <= n; c++) {
    const channel = CAMPAIGN_CHANNELS[rng.weighted(CHANNEL_CDF)] ?? 'email';
    const shape = CHANNEL_SHAPE[channel];
    // Evenly staggered starts so that every stretch of the window has campaigns running.
    const start = Math.floor(((c - 1 + rng.next()) * (today - 7)) / n);
    const end = Math.min(today, start + rng.int(...shape.days));
    campaignStart[c] = start;
    campaignEnd[c] = end;
    const startText = calendar.dayString(start);
    const monthName = MONTH_NAMES[Number(startText.slice(5, 7)) - 1];
    const cost = Math.round(rng.int(...shape.cost) / 1000) * 1000;
    const name = `${rng.pick(CAMPAIGN_TITLES[channel])} — ${monthName} ${startText.slice(0, 4)}`;
    campaigns.add([c, name, channel, startText, calendar.dayString(end), cost]);
  }

  campaigns.finish();
  const around: number[][] = Array.from({ length: today + 1 }, () => []);
  for (let c = 1; c <= n; c++) {
    const last = Math.min(today, (campaignEnd[c] ?? 0) + LEAD_WINDOW_DAYS);
    for (let day = campaignStart[c] ?? 0; day <= last; day++) around[day]?.push(c);
  }
  return {
    price,
    productCdf: cumulative(popularity),
    campaignCount: n,
    campaignStart,
    campaignEnd,
    campaignsAround: (day) => around[day] ?? [],
  };
}
