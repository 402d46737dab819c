/** @module Cases: logical types and NULLs, text round trips, every time grain, time-zone boundaries and daylight-saving edges. */
import { expect } from 'vitest';
import { BERLIN_DST, BUCKETS, countsByBucket, MOSCOW_OFFSET_HOURS, UTC_OFFSET_HOURS, wallClock, ZONE_EDGES } from './expected-answers.js';
import { PEOPLE, SALES } from './fixture.js';
import { conformanceTest, kpi, ok, render, type SuiteContext } from './suite-context.js';

export function typeAndTimeCases(ctx: SuiteContext): void {
  conformanceTest(ctx, 'types-and-nulls', 'every column comes back with its logical type, NULLs as null', async () => {
    const out = await render(ctx.projects().moscow, 'conf-types');
    const panel = ok(out, 'all_rows');
    expect(panel.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'number'],
      ['product', 'string'],
      ['region', 'string'],
      ['manager_id', 'number'],
      ['qty', 'number'],
      ['amount', 'number'],
      ['discount', 'number'],
      ['paid', 'boolean'],
      ['note', 'string'],
      ['sold_on', 'date'],
      ['rows', 'integer'],
    ]);
    const expected = [...SALES]
      .sort((a, b) => a.id - b.id)
      .map((s) => [s.id, s.product, s.region, s.manager_id, s.qty, s.amount, s.discount, s.paid, s.note, s.sold_on, 1]);
    expect(panel.rows).toEqual(expected);
  });

  conformanceTest(ctx, 'timestamp-values', "a timestamp dimension without a grain shows the reporting zone's wall clock", async () => {
    const out = await render(ctx.projects().moscow, 'conf-types');
    const expected = [...SALES]
      .sort((a, b) => a.id - b.id)
      .map((s) => [s.id, s.sold_at === null ? null : wallClock(s.sold_at, MOSCOW_OFFSET_HOURS), 1]);
    expect(ok(out, 'timestamps').rows).toEqual(expected);
  });

  conformanceTest(ctx, 'text-round-trip', 'Cyrillic and apostrophes survive storage, grouping and bound filters', async () => {
    const project = ctx.projects().moscow;
    for (const product of ["O'Brien's tea", 'Чайник']) {
      const out = await render(project, 'conf-types', { parameters: { product } });
      expect(ok(out, 'by_product').rows).toEqual([[product, SALES.filter((s) => s.product === product).length]]);
    }
    const people = ok(await render(project, 'conf-types'), 'people');
    expect(people.rows).toEqual(PEOPLE.map((p) => [p.id, p.name, p.team, 1]));
  });

  conformanceTest(ctx, 'grains-timestamp', 'each grain and part of a UTC timestamp column, bucketed in Moscow time', async () => {
    const out = await render(ctx.projects().moscow, 'conf-time');
    for (const bucket of BUCKETS) {
      expect([bucket, ok(out, `ts_${bucket}`).rows]).toEqual([bucket, countsByBucket('sold_at', bucket, MOSCOW_OFFSET_HOURS)]);
    }
    expect(ok(out, 'ts_month').columns[0]).toMatchObject({ name: 'time:month', type: 'date' });
    expect(ok(out, 'ts_weekday').columns[0]).toMatchObject({ name: 'time:weekday', type: 'integer' });
  });

  conformanceTest(ctx, 'grains-date', 'each grain and part of a date column, the same in every reporting zone', async () => {
    const { moscow, berlin, utc } = ctx.projects();
    for (const [project, weekStart] of [
      [moscow, 'monday'],
      [berlin, 'monday'],
      [utc, 'sunday'],
    ] as const) {
      const out = await render(project, 'conf-time');
      for (const bucket of BUCKETS) {
        const expected = countsByBucket('sold_on', bucket, 0, weekStart);
        expect([project.config.timezone, bucket, ok(out, `date_${bucket}`).rows]).toEqual([project.config.timezone, bucket, expected]);
      }
    }
  });

  conformanceTest(ctx, 'zone-boundaries', 'month, quarter and year edges fall where Moscow and UTC clocks put them', async () => {
    const { moscow, utc } = ctx.projects();
    for (const [project, zone, offset] of [
      [moscow, 'moscow', MOSCOW_OFFSET_HOURS],
      [utc, 'utc', UTC_OFFSET_HOURS],
    ] as const) {
      const out = await render(project, 'conf-time');
      for (const bucket of ['month', 'quarter', 'year'] as const) {
        const expected = ZONE_EDGES[zone][bucket].map((label, i) => [ZONE_EDGES.ids[0] + i, label, 1]);
        expect([zone, bucket, ok(out, `edge_${bucket}`).rows]).toEqual([zone, bucket, expected]);
      }
      for (const bucket of ['hour', 'day', 'month', 'quarter', 'year', 'hour_of_day'] as const) {
        expect([zone, bucket, ok(out, `ts_${bucket}`).rows]).toEqual([zone, bucket, countsByBucket('sold_at', bucket, offset)]);
      }
    }
  });

  conformanceTest(ctx, 'week-start-sunday', "weeks start on Sunday when the config's weekStart says so", async () => {
    const out = await render(ctx.projects().utc, 'conf-time');
    expect(ok(out, 'ts_week').rows).toEqual(countsByBucket('sold_at', 'week', UTC_OFFSET_HOURS, 'sunday'));
    expect(ok(out, 'ts_weekday').rows).toEqual(countsByBucket('sold_at', 'weekday', UTC_OFFSET_HOURS, 'sunday'));
  });

  conformanceTest(ctx, 'dst-edges', 'Berlin daylight-saving days: 23 and 25 hours, the repeated hour, period edges', async () => {
    const berlin = ctx.projects().berlin;
    const out = await render(berlin, 'conf-time');
    for (const bucket of ['hour', 'day', 'hour_of_day', 'weekday'] as const) {
      expect([bucket, ok(out, `dst_${bucket}`).rows]).toEqual([bucket, BERLIN_DST[bucket]]);
    }
    for (const [period, rows] of BERLIN_DST.periods) {
      const periodOut = await render(berlin, 'conf-periods', { parameters: { period } });
      expect([period, kpi(periodOut, 'dst_rows')]).toEqual([period, rows]);
    }
  });
}
