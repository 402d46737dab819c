/**
 * @module The result cache: a bounded LRU with a time-to-live. Keys carry the source's data
 * version, the compiled SQL and its bound parameters (which include the viewer's scope), so one
 * viewer's rows never answer another's query.
 */

interface Entry<T> {
  value: T;
  expires: number;
}

export class ResultCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly clock: () => number = Date.now,
  ) {}

  static key(source: string, version: string, sqlText: string, parameters: readonly unknown[]): string {
    return JSON.stringify([source, version, sqlText, parameters], (_, v) => (typeof v === 'bigint' ? `${v}n` : v));
  }

  get(key: string): T | undefined {
    if (this.ttlMs <= 0) return undefined;
    const entry = this.#entries.get(key);
    if (!entry || entry.expires <= this.clock()) {
      if (entry) this.#entries.delete(key);
      this.misses++;
      return undefined;
    }
    // Re-insert to mark as most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.hits++;
    return entry.value;
  }

  /** `ttlMs` overrides the cache's TTL for this entry (a dataset's `cacheSeconds`); 0 stores nothing. */
  set(key: string, value: T, ttlMs: number = this.ttlMs): void {
    if (this.ttlMs <= 0 || ttlMs <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expires: this.clock() + ttlMs });
    while (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
  }

  clear(): void {
    this.#entries.clear();
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get size(): number {
    return this.#entries.size;
  }
}
