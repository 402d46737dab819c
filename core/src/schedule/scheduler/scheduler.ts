/**
 * @module The scheduler loop. Each tick (driven by an injectable clock) first lets every job
 * kind enumerate its due slots into the delivery log (idempotent inserts), then works through
 * the deliveries that are due — pending, retries whose backoff passed, leases whose holder died —
 * claiming each with a lease before acting. Several instances may run this against one
 * PostgreSQL store: the log row and its lease make every slot go out once.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { asDeliveryError } from '../channels/delivery-channel.js';
import type { RetryPolicy } from '../schedule-types.js';
import type { Delivery, DeliveryLog } from '../store/delivery-log.js';
import type { DeliveryKind } from '../store/schedule-tables.js';
import { nextAttempt } from './retry-policy.js';

/** One kind of job: what is due, and how to carry out one claimed delivery. */
export interface JobKind {
  kind: DeliveryKind;
  /** Records what is due at `now` in the log (never sends). */
  enumerate(now: Date): Promise<void>;
  /** Carries out a claimed delivery; throws to fail it. Returns details for the log. */
  perform(delivery: Delivery, now: Date): Promise<Record<string, unknown>>;
  retry(delivery: Delivery): RetryPolicy | undefined;
}

export type SchedulerLog = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface SchedulerOptions {
  now?: () => Date;
  /** Lease of one delivery; another instance may take it over after this. Default 10 min. */
  leaseMs?: number;
  log?: SchedulerLog;
}

export type AttemptOutcome = {
  id: string;
  status: 'sent' | 'retry' | 'failed' | 'taken';
  error?: string;
  detail?: Record<string, unknown>;
};

export function instanceName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export class Scheduler {
  readonly #kinds = new Map<DeliveryKind, JobKind>();
  readonly now: () => Date;
  readonly #leaseMs: number;
  readonly #log: SchedulerLog;
  #ticking: Promise<AttemptOutcome[]> | undefined;

  constructor(
    readonly deliveries: DeliveryLog,
    kinds: JobKind[],
    options: SchedulerOptions = {},
  ) {
    for (const k of kinds) this.#kinds.set(k.kind, k);
    this.now = options.now ?? (() => new Date());
    this.#leaseMs = options.leaseMs ?? 600_000;
    this.#log = options.log ?? (() => {});
  }

  /** One pass: enumerate, then deliver what is due. Overlapping calls share the running pass. */
  tick(): Promise<AttemptOutcome[]> {
    this.#ticking ??= this.#tick().finally(() => {
      this.#ticking = undefined;
    });
    return this.#ticking;
  }

  /** Resolves when the pass in flight (if any) is over. */
  async idle(): Promise<void> {
    await this.#ticking?.catch(() => {});
  }

  async #tick(): Promise<AttemptOutcome[]> {
    for (const kind of this.#kinds.values()) {
      try {
        await kind.enumerate(this.now());
      } catch (error) {
        this.#log('error', `${kind.kind}s: cannot enumerate due slots: ${(error as Error).message}`);
      }
    }
    const outcomes: AttemptOutcome[] = [];
    const seen = new Set<string>();
    // A delivery may enqueue others (an alert evaluation that fires): they go out in the same tick.
    for (let round = 0; round < 5; round++) {
      const due = (await this.deliveries.due(this.now())).filter((d) => !seen.has(d.id));
      if (!due.length) break;
      for (const d of due) {
        seen.add(d.id);
        outcomes.push(await this.attempt(d));
      }
    }
    return outcomes;
  }

  /** Claims and carries out one delivery; a failure is recorded, never thrown. */
  async attempt(d: Delivery): Promise<AttemptOutcome> {
    const kind = this.#kinds.get(d.kind);
    if (!(await this.deliveries.claim(d.id, this.now(), this.#leaseMs))) return { id: d.id, status: 'taken' };
    const attempts = d.attempts + 1;
    try {
      if (!kind) throw new Error(`no handler for ${d.kind} deliveries`);
      const detail = await kind.perform(d, this.now());
      await this.deliveries.succeed(d.id, this.now(), { ...d.detail, ...detail, attempts });
      this.#log('info', `${d.kind} '${d.name}' → ${d.recipient}: delivered`);
      return { id: d.id, status: 'sent', detail };
    } catch (error) {
      const failure = asDeliveryError(error);
      const text = `${failure.message}${failure.hint ? ` (${failure.hint})` : ''}`;
      const retryAt = failure.retryable ? nextAttempt(kind?.retry(d), attempts, this.now()) : undefined;
      await this.deliveries.fail(d.id, this.now(), text, retryAt);
      this.#log(
        retryAt ? 'warn' : 'error',
        `${d.kind} '${d.name}' → ${d.recipient}: attempt ${attempts} failed: ${text}${retryAt ? `; retry at ${retryAt.toISOString()}` : '; giving up'}`,
      );
      return { id: d.id, status: retryAt ? 'retry' : 'failed', error: text };
    }
  }
}
