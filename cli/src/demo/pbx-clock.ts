/**
 * @module The PBX's wall clock: UTC instants ('YYYY-MM-DD HH:MM:SS' as the demo CRM stores them) as
 * local text in a time zone, the way Asterisk and FreeSWITCH write their logs. Offsets are looked up
 * once per UTC hour (Intl is far too slow per row for millions of calls) — zones shift on the hour.
 */

export interface PbxClock {
  /** Local wall-clock text of the UTC instant `utcText` plus `plusSeconds`. */
  local(utcText: string, plusSeconds?: number): string;
  /** Seconds since the epoch of a UTC text. */
  epoch(utcText: string): number;
}

export function pbxClock(timeZone: string): PbxClock {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number) => {
    const hour = Math.floor(ms / 3_600_000);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const parts = format.formatToParts(new Date(hour * 3_600_000));
      const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      offset = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - hour * 3_600_000;
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
