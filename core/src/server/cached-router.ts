/**
 * @module A Hono router that remembers its last answers by method and path. The app's route set
 * makes Hono fall back from its RegExpRouter to the TrieRouter, whose search cost a measurable
 * share of a memoised panel request; a dashboard asks the same few paths over and over. Match
 * results are read-only to Hono, and routes are all added before the first match, so a result
 * stays right for its path. Bounded: the cache starts over when full.
 */
import type { Result, Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';

const MAX_PATHS = 2000;

export class CachedRouter<T> implements Router<T> {
  readonly #inner: Router<T>;
  readonly #results = new Map<string, Result<T>>();

  /** Default: Hono's own default router (RegExpRouter, else TrieRouter). */
  constructor(inner: Router<T> = new SmartRouter<T>({ routers: [new RegExpRouter(), new TrieRouter()] })) {
    this.#inner = inner;
  }

  get name(): string {
    return `CachedRouter + ${this.#inner.name}`;
  }

  add(method: string, path: string, handler: T): void {
    this.#results.clear();
    this.#inner.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    const key = `${method} ${path}`;
    let result = this.#results.get(key);
    if (!result) {
      result = this.#inner.match(method, path);
      if (this.#results.size >= MAX_PATHS) this.#results.clear();
      this.#results.set(key, result);
    }
    return result;
  }
}
