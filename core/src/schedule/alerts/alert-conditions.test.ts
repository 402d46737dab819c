import { describe, expect, it } from 'vitest';
import { periodsNeeded, thresholdVerdict, trendVerdict } from './alert-conditions.js';

describe('alert conditions', () => {
  it('thresholds fire strictly past a bound and say so', () => {
    expect(thresholdVerdict('revenue', 90, { below: 100 })).toEqual({ fired: true, reason: 'revenue is 90, below 100' });
    expect(thresholdVerdict('revenue', 100, { below: 100 }).fired).toBe(false);
    expect(thresholdVerdict('revenue', 130, { below: 100, above: 120 }).fired).toBe(true);
    expect(thresholdVerdict('revenue', null, { below: 100 })).toEqual({ fired: false, reason: 'revenue has no value for the period' });
  });

  it('N declines need N+1 periods, each lower than the one before', () => {
    const c = { type: 'declines', grain: 'week', periods: 3 } as const;
    expect(periodsNeeded(c)).toBe(4);
    expect(trendVerdict('calls', c, [50, 40, 30, 20, 10]).fired).toBe(true);
    expect(trendVerdict('calls', c, [50, 40, 40, 20]).fired).toBe(false);
    expect(trendVerdict('calls', c, [40, 30, 20]).reason).toMatch(/not enough complete periods/);
    expect(trendVerdict('calls', c, [40, null, 20, 10]).fired).toBe(false);
  });

  it('a drop compares the last period with the one before', () => {
    const c = { type: 'drop', grain: 'month', percent: 20 } as const;
    expect(trendVerdict('revenue', c, [100, 79]).fired).toBe(true);
    expect(trendVerdict('revenue', c, [100, 80]).fired).toBe(false);
    expect(trendVerdict('revenue', c, [0, 0]).fired).toBe(false);
    expect(trendVerdict('revenue', c, [100, 79]).reason).toBe('revenue fell 21.0% month over month (100 → 79); the limit is 20%');
  });

  it('a band is the lowest of the K before, or the mean minus k sigma', () => {
    expect(trendVerdict('x', { type: 'band', grain: 'week', periods: 3 }, [10, 12, 11, 9]).fired).toBe(true);
    expect(trendVerdict('x', { type: 'band', grain: 'week', periods: 3 }, [10, 12, 11, 10]).fired).toBe(false);
    // mean 11, σ ≈ 0.816: 1σ floor ≈ 10.18
    expect(trendVerdict('x', { type: 'band', grain: 'week', periods: 3, deviations: 1 }, [10, 12, 11, 10.1]).fired).toBe(true);
    expect(trendVerdict('x', { type: 'band', grain: 'week', periods: 3, deviations: 1 }, [10, 12, 11, 10.5]).fired).toBe(false);
  });
});
