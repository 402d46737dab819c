/**
 * @module `vitrina_local_time(utc_text, zone)`: the SQL function the core's SQLite flavour calls to
 * bucket UTC timestamps in the reporting time zone (SQLite has no time zones of its own).
 */
import { localTimestampOf } from '@vitrina/core';

/** Offsets change at most a few times a year, so an hour-granular memo makes the function cheap. */
export function createLocalTimeFunction(): (value: unknown, zone: unknown) => string | null {
  const offsets = new Map<string, number>();
  return (value, zone) => {
    if (typeof value !== 'string' || typeof zone !== 'string') return null;
    const ms = Date.parse(`${value.slice(0, 10)}T${value.length > 10 ? value.slice(11, 19) : '00:00:00'}Z`);
    if (Number.isNaN(ms)) return null;
    const hourKey = `${zone}|${Math.floor(ms / 3_600_000)}`;
    let offset = offsets.get(hourKey);
    if (offset === undefined) {
      const local = localTimestampOf(new Date(ms), zone);
      offset = Date.parse(`${local.replace(' ', 'T')}Z`) - Math.floor(ms / 1000) * 1000;
      if (offsets.size > 100_000) offsets.clear();
      offsets.set(hourKey, offset);
    }
    return new Date(ms + offset).toISOString().slice(0, 19).replace('T', ' ');
  };
}
