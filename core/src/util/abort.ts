/** @module Abort-signal helpers shared by every async call. */
import { VitrinaError } from '../errors/index.js';

export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new VitrinaError('ABORTED', `${what} was cancelled`, { cause: signal.reason });
}

/**
 * Races `work` against the signal and a timeout. The work itself keeps running if it cannot be
 * cancelled; the caller stops waiting for it.
 */
export async function withDeadline<T>(work: Promise<T>, options: { signal?: AbortSignal; timeoutMs?: number; what: string }): Promise<T> {
  const { signal, timeoutMs, what } = options;
  throwIfAborted(signal, what);
  if (!signal && !timeoutMs) return work;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    if (timeoutMs) {
      timer = setTimeout(
        () =>
          reject(
            new VitrinaError('QUERY_TIMEOUT', `${what} took longer than ${timeoutMs} ms`, {
              hint: 'raise query.timeoutSeconds in the config or narrow the period',
            }),
          ),
        timeoutMs,
      );
    }
    if (signal) {
      onAbort = () => reject(new VitrinaError('ABORTED', `${what} was cancelled`, { cause: signal.reason }));
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
  try {
    return await Promise.race([work, stop]);
  } finally {
    if (timer) clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    work.catch(() => {}); // the losing promise must not become an unhandled rejection
  }
}
