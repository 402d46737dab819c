/** @module `vitrina audit [--since 24h|DATE] [--event E] [--limit N] [--json]`: the audit log, newest first. */

import { VitrinaError } from '@vitrina/core';
import { openStateFromConfig } from '@vitrina/core/access';
import { EXIT_OK } from '../output/exit-codes.js';

export interface AuditCommandOptions {
  config?: string;
  since?: string;
  event?: string;
  limit?: string;
  json?: boolean;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseSince(text: string | undefined, now = Date.now()): Date | undefined {
  if (!text) return undefined;
  const m = /^(\d+)([mhd])$/.exec(text);
  const date = m ? new Date(now - Number(m[1]) * (UNIT_MS[m[2] as string] as number)) : new Date(text);
  if (Number.isNaN(date.getTime())) throw new VitrinaError('USAGE', `--since '${text}' is neither a date nor a duration like 30m, 24h, 7d`);
  return date;
}

export async function auditCommand(options: AuditCommandOptions): Promise<number> {
  const limit = options.limit === undefined ? 200 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new VitrinaError('USAGE', `--limit must be a positive whole number`);
  const since = parseSince(options.since);
  const store = await openStateFromConfig(options.config);
  try {
    const entries = await store.audit.list({ limit, ...(since ? { since } : {}), ...(options.event ? { event: options.event } : {}) });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      return EXIT_OK;
    }
    for (const e of entries) {
      const details = Object.keys(e.details).length ? ` ${JSON.stringify(e.details)}` : '';
      process.stdout.write(
        `${e.at.toISOString()}  ${e.ok ? 'ok  ' : 'FAIL'} ${e.event.padEnd(18)} ${(e.actor ?? '-').padEnd(18)} ${(e.subject ?? '-').padEnd(16)} ${e.ip ?? '-'}${details}\n`,
      );
    }
    if (entries.length === 0) process.stderr.write('no audit entries in that range\n');
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
