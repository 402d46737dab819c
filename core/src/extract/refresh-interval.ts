/** @module Parses a source's `"refresh"` interval (`30s`, `15m`, `1h`, `1d`) into milliseconds. */
import { VitrinaError } from '../errors/index.js';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseRefreshInterval(text: string, source: string): number {
  const match = /^([1-9]\d*)(s|m|h|d)$/.exec(text.trim());
  if (!match)
    throw new VitrinaError('SOURCE_CONFIG_INVALID', `source '${source}': refresh "${text}" is not an interval`, {
      pointer: `/sources/${source}/refresh`,
      // croner is not a dependency yet; an interval covers "every 15 minutes" and "daily".
      hint: 'write a number and a unit: 30s, 15m, 1h or 1d (cron expressions are not supported yet)',
    });
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
