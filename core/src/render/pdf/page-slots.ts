/**
 * @module A bounded number of concurrent pages with a bounded queue in front: past the queue's
 * length, or after waiting too long, a caller gets BUSY (the server answers 503 + Retry-After)
 * instead of piling up work a 2-core machine cannot finish.
 */
import { VitrinaError } from '../../errors/index.js';

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout;
}

export class PageSlots {
  #active = 0;
  readonly #waiters: Waiter[] = [];

  constructor(
    readonly size: number,
    readonly maxQueue: number,
    readonly maxWaitMs: number,
  ) {}

  get active(): number {
    return this.#active;
  }

  get queued(): number {
    return this.#waiters.length;
  }

  /** Resolves with a release function once a slot is free. */
  acquire(): Promise<() => void> {
    if (this.#active < this.size) {
      this.#active++;
      return Promise.resolve(this.#releaser());
    }
    if (this.#waiters.length >= this.maxQueue) return Promise.reject(this.#busy(`${this.#waiters.length} renders are already waiting`));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve(this.#releaser());
        },
        timer: setTimeout(() => {
          this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
          reject(this.#busy(`no page became free within ${this.maxWaitMs} ms`));
        }, this.maxWaitMs),
      };
      this.#waiters.push(waiter);
    });
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiters.shift();
      // The slot passes straight to the next waiter, so `active` stays right.
      if (next) next.grant();
      else this.#active--;
    };
  }

  #busy(why: string): VitrinaError {
    const error = new VitrinaError('BUSY', `the PDF printer is busy: ${why}`, { hint: 'retry in a few seconds' });
    return Object.assign(error, { retryAfterSeconds: Math.max(1, Math.ceil(this.maxWaitMs / 1000)) });
  }
}
