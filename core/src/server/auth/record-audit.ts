/**
 * @module Writes an audit entry for a request (actor and client address filled in). A failing
 * audit write is logged, not thrown: the store being briefly down must not turn a successful
 * export into an error — but it is never silent either.
 */
import type { Context } from 'hono';
import type { NewAuditEntry } from '../../access/audit-log.js';
import type { AccessControl, AuthEnv } from './auth-types.js';

export async function recordAudit(access: AccessControl, c: Context<AuthEnv>, entry: NewAuditEntry): Promise<void> {
  const actor = entry.actor ?? c.get('principal')?.user.username;
  const ip = entry.ip ?? c.get('clientIp');
  try {
    await access.store.audit.record({ ...entry, ...(actor ? { actor } : {}), ...(ip ? { ip } : {}) });
  } catch (error) {
    access.log(`audit log write failed (${entry.event}): ${(error as Error).message}`);
  }
}
