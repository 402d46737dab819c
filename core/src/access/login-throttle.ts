/**
 * @module Login throttling per account and per client address, counted from the audit log's
 * `login_failed` entries (so it holds across restarts and across instances sharing the store).
 * An account's count restarts after its last successful login. A throttled attempt is refused
 * before any password hashing, so a flood costs the server almost nothing.
 */
import type { ThrottleSettings } from './access-config.js';
import type { AuditLog } from './audit-log.js';

export interface ThrottleVerdict {
  allowed: boolean;
  /** When refused: seconds until the window lets a new attempt through (an upper bound). */
  retryAfterSeconds?: number;
  reason?: 'account' | 'address';
}

export async function checkLoginThrottle(
  audit: AuditLog,
  settings: ThrottleSettings,
  attempt: { username: string; ip: string | undefined },
  now: number,
): Promise<ThrottleVerdict> {
  const windowStart = now - settings.windowMs;
  const retryAfterSeconds = Math.ceil(settings.windowMs / 1000);
  if (attempt.ip && (await audit.failures({ ip: attempt.ip }, windowStart)) >= settings.perAddress)
    return { allowed: false, retryAfterSeconds, reason: 'address' };
  const since = Math.max(windowStart, (await audit.lastLogin(attempt.username)) + 1);
  if ((await audit.failures({ subject: attempt.username }, since)) >= settings.perAccount)
    return { allowed: false, retryAfterSeconds, reason: 'account' };
  return { allowed: true };
}
