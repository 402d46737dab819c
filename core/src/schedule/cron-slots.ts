/**
 * @module Cron slots with croner: the instants a schedule fires at, in its time zone. The
 * scheduler never waits on croner's own timers; it asks which slots fall in a window of an
 * injected clock, so tests drive time and a restarted instance can see what it missed.
 */
import { Cron } from 'croner';
import { VitrinaError } from '../errors/index.js';

export function cronOf(pattern: string, timezone: string): Cron {
  return new Cron(pattern, { timezone, paused: true });
}

/** Why a cron expression or zone is unusable, or undefined when it is fine. */
export function cronProblem(pattern: string, timezone: string): string | undefined {
  try {
    cronOf(pattern, timezone).nextRun(new Date(0));
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Cron\w*:\s*/, '');
  }
}

/** Slots in (after, until], oldest first, at most `limit` (the newest ones when there are more). */
export function slotsBetween(pattern: string, timezone: string, after: Date, until: Date, limit = 1000): Date[] {
  const cron = cronOf(pattern, timezone);
  const out: Date[] = [];
  let cursor: Date | null = after;
  while (cursor) {
    cursor = cron.nextRun(cursor);
    if (!cursor || cursor.getTime() > until.getTime()) break;
    out.push(cursor);
    if (out.length > limit) out.shift();
  }
  return out;
}

export function nextSlot(pattern: string, timezone: string, after: Date): Date | undefined {
  return cronOf(pattern, timezone).nextRun(after) ?? undefined;
}

/** The most recent slot at or before `at` (what `schedule run` sends by hand). */
export function latestSlot(pattern: string, timezone: string, at: Date): Date | undefined {
  const [previous] = cronOf(pattern, timezone).previousRuns(1, new Date(at.getTime() + 1));
  return previous;
}

/** `4h`, `2d`, `30m` in milliseconds. */
export function parseDuration(text: string, pointer: string): number {
  const m = /^([1-9][0-9]*)(m|h|d)$/.exec(text);
  if (!m) throw new VitrinaError('CONFIG_INVALID', `'${text}' is not a duration`, { pointer, hint: 'write 30m, 4h or 2d' });
  return Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'm' | 'h' | 'd'];
}
