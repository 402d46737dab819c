/**
 * @module Runs one statement on a checked-out pg client so that aborting the signal stops it on
 * the server too, and hands the client back to the pool in a state safe for the next query.
 */
import { VitrinaError } from '@vitrina/core';
import type { ConnectorLogger } from '@vitrina/core/connector';
import type pg from 'pg';
import { type CancelTarget, sendCancelRequest } from './cancel-request.js';
import { isConnectionLost } from './postgres-errors.js';

/** How long a cancelled statement may take to stop before its connection is closed anyway. */
const SETTLE_AFTER_CANCEL_MS = 2000;

/** The members of a pooled client this module reads; pg declares some of them only in JS. */
type PooledClient = pg.PoolClient & { processID?: number | null; secretKey?: number | null; host: string; port: number; ssl?: unknown };

function abortError(signal: AbortSignal): VitrinaError {
  return new VitrinaError('ABORTED', 'the query was cancelled', { cause: signal.reason });
}

/** How often a cancel is sent again while the statement still runs. */
const RESEND_CANCEL_MS = 100;

/**
 * Sends the protocol's cancel request, again every 100 ms while the statement runs (a cancel that
 * arrives before the server has started the statement is ignored by the server, so one request can
 * be lost right after sending), waits (bounded) for the statement to end, then closes the
 * connection rather than reusing it: a cancel that reaches the server late must not hit the next
 * query of whoever would get this connection from the pool.
 */
function cancel(client: PooledClient, running: Promise<unknown>, log: ConnectorLogger): void {
  let done = false;
  const settled = running.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  const target: CancelTarget | undefined =
    client.processID && client.secretKey !== null && client.secretKey !== undefined
      ? {
          host: client.host,
          port: client.port,
          processID: client.processID,
          secretKey: client.secretKey,
          ssl: client.ssl as CancelTarget['ssl'],
        }
      : undefined;
  const deadline = Date.now() + SETTLE_AFTER_CANCEL_MS;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
  const loop = async () => {
    if (!target) throw new Error('the server sent no cancel key');
    while (!done && Date.now() < deadline) {
      await sendCancelRequest(target);
      await Promise.race([settled, pause(RESEND_CANCEL_MS)]);
    }
  };
  loop()
    .catch((error: Error) => log.warn('could not cancel a PostgreSQL query; closing its connection', { error: error.message }))
    .then(() => Promise.race([settled, pause(Math.max(0, deadline - Date.now()))]))
    .finally(() => client.release(true));
}

/**
 * Runs `text` with `values` and releases the client exactly once: back to the pool after a
 * result or an SQL error, dropped after a broken connection, closed after a cancel.
 */
export async function runCancellable(
  client: pg.PoolClient,
  text: string,
  values: readonly unknown[],
  signal: AbortSignal | undefined,
  log: ConnectorLogger,
): Promise<Record<string, unknown>[]> {
  if (signal?.aborted) {
    client.release();
    throw abortError(signal);
  }
  const running = client.query<Record<string, unknown>>({ text, values: values as unknown[] });
  // Exactly one of two owners releases the client: this function once the statement settled, or
  // the cancel path when the signal won the race.
  let settled = false;
  let cancelled = false;
  running.then(
    () => (settled = true),
    () => (settled = true),
  );
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      if (settled) return;
      cancelled = true;
      cancel(client as PooledClient, running, log);
      reject(abortError(signal as AbortSignal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const result = await Promise.race([running, aborted]);
    client.release();
    return result.rows;
  } catch (error) {
    if (!cancelled) client.release(isConnectionLost(error) ? (error as Error) : undefined);
    throw error;
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
