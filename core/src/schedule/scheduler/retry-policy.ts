/** @module When a failed delivery is tried again: exponential backoff with a cap, a bounded number of attempts. */
import type { RetryPolicy } from '../schedule-types.js';

export const DEFAULT_RETRY: Required<RetryPolicy> = { attempts: 5, backoffSeconds: 60, maxBackoffSeconds: 3600 };

/** The next attempt after `attempts` failed ones, or undefined when they are used up. */
export function nextAttempt(policy: RetryPolicy | undefined, attempts: number, now: Date): Date | undefined {
  const p = { ...DEFAULT_RETRY, ...policy };
  if (attempts >= p.attempts) return undefined;
  const wait = Math.min(p.backoffSeconds * 2 ** (attempts - 1), p.maxBackoffSeconds);
  return new Date(now.getTime() + wait * 1000);
}
