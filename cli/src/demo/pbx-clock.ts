/**
 * @module The PBX's wall clock: UTC instants ('YYYY-MM-DD HH:MM:SS' as the demo CRM stores them) as
 * local text in a time zone, the way Asterisk and FreeSWITCH write their logs. Offsets are looked up
 * once per UTC hour (Intl is far too slow per row for millions of calls) — zones shift on the hour.
 */
import { offsetAt as zoneOffsetAt } from '@vitrina/core';

export interface PbxClock {
  /** Local wall-clock text of the UTC instant `utcText` plus `plusSeconds`. */
  local(utcText: string, plusSeconds?: number): string;
  /** Seconds since the epoch of a UTC text. */
  epoch(utcText: string): number;
}

export function pbxClock(timeZone: string): PbxClock {
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number) => {
    const hour = Math.floor(ms / 3_600_000);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = zoneOffsetAt(new Date(hour * 3_600_000), timeZone);
      offsets.set(hour, offset);
    }
    return offset;
  };
  const parse = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`);
  return {
    local(utcText, plusSeconds = 0) {
      const ms = parse(utcText) + plusSeconds * 1000;
      return new Date(ms + offsetAt(ms)).toISOString().slice(0, 19).replace('T', ' ');
    },
    epoch: (utcText) => parse(utcText) / 1000,
  };
}
