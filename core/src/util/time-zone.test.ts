import { describe, expect, it } from 'vitest';
import { instantOf, localDateOf, localTimestampOf, offsetAt } from './time-zone.js';

describe('time zones through Intl', () => {
  it('knows Moscow is UTC+3', () => {
    expect(offsetAt(new Date('2026-07-01T00:00:00Z'), 'Europe/Moscow')).toBe(3 * 3600_000);
    expect(localTimestampOf(new Date('2026-11-26T22:30:00Z'), 'Europe/Moscow')).toBe('2026-11-27 01:30:00');
  });

  it('follows daylight saving in New York', () => {
    expect(instantOf(2026, 3, 8, 0, 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(instantOf(2026, 3, 9, 0, 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(localDateOf(new Date('2026-11-01T04:30:00Z'), 'America/New_York')).toBe('2026-11-01');
  });
});
