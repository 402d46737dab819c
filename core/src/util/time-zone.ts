/** @module Wall-clock ↔ instant conversion in an IANA time zone, with Intl only (DST-correct). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year as number,
    month: parts.month as number,
    day: parts.day as number,
    hour: (parts.hour as number) % 24,
    minute: parts.minute as number,
    second: parts.second as number,
  };
}

/** Offset of the zone from UTC at an instant, in milliseconds (Moscow: +3 h). */
export function offsetAt(instant: Date, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the zone's clocks show this wall-clock time. In a DST gap the clock time
 * does not exist and the later offset is used; in an overlap the earlier instant wins.
 */
export function instantOf(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour);
  const first = offsetAt(new Date(guess), timeZone);
  let t = guess - first;
  const second = offsetAt(new Date(t), timeZone);
  if (second !== first) t = guess - second;
  return new Date(t);
}

// Zone offsets change only at whole hours in every zone in use, so one Intl lookup per hour suffices.
const hourOffsets = new Map<string, number>();

function cachedOffset(instant: Date, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(instant.getTime() / 3_600_000)}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    offset = offsetAt(instant, timeZone);
    if (hourOffsets.size > 10_000) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
  return offset;
}

/** 'YYYY-MM-DD' of the wall clock at an instant. */
export function localDateOf(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + cachedOffset(instant, timeZone)).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD HH:MM:SS' of the wall clock at an instant. */
export function localTimestampOf(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}:${p(w.second)}`;
}
