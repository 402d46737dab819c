/**
 * @module Starts a lazy stream before its consumer is committed to it: the first items are read
 * now, so a query that fails fails here (an HTTP route can still answer with a status, the CLI
 * writes no file), and the rest are read as the consumer asks. Stopping early ends the source.
 */

/** Reads the first `count` items now; the rest on demand. */
export async function primed<T>(items: Iterable<T> | AsyncIterable<T>, count: number): Promise<AsyncIterable<T>> {
  const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : toAsync(items[Symbol.iterator]());
  const head: T[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const next = await iterator.next();
      if (next.done) break;
      head.push(next.value);
    }
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
  return (async function* () {
    try {
      yield* head;
      yield* { [Symbol.asyncIterator]: () => iterator };
    } finally {
      // A consumer that stops early (client gone) ends the source's stream, closing its cursor.
      await iterator.return?.();
    }
  })();
}

function toAsync<T>(iterator: Iterator<T>): AsyncIterator<T> {
  return { next: async () => iterator.next(), return: async () => iterator.return?.() ?? { done: true, value: undefined } };
}
