/**
 * @module Backpressure for exceljs's streaming writer. Its worksheet buffer hands bytes to the
 * zip's deflate stream without waiting (exceljs 4 ignores `write`'s return value), so a writer
 * that produced rows as fast as the source gives them would pile the whole file up in memory
 * whenever deflate or the consumer is slower. Between batches the writer waits for every stream
 * on the way that asks for it: the deflate of the sheet being written, then the target.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { VitrinaError } from '../../errors/index.js';

/**
 * The streams an exceljs worksheet writer pipes its buffer into (the zip entry's deflate):
 * exceljs internals (`stream.pipes` of its StreamBuf), read defensively — an exceljs without
 * them just leaves the target's own backpressure.
 */
export function zipBacklog(sheet: unknown): Writable[] {
  const pipes = (sheet as { stream?: { pipes?: unknown } }).stream?.pipes;
  return Array.isArray(pipes) ? pipes.filter((p): p is Writable => typeof (p as Writable)?.writableNeedDrain === 'boolean') : [];
}

function gone(stream: Writable): boolean {
  return stream.destroyed || (stream.writableEnded && !stream.writableFinished);
}

async function drain(stream: Writable): Promise<void> {
  // `close` without `drain`: the consumer went away (an HTTP client disconnected).
  await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
}

/** Resolves when the streams on the way have room; throws ABORTED when the target was closed. */
export async function drained(target: Writable, inner: Writable[]): Promise<void> {
  // Let deflate and the target's pending writes run before looking (rows are made synchronously).
  await tick();
  for (const stream of inner) if (stream.writableNeedDrain && !stream.destroyed) await drain(stream);
  if (target.writableNeedDrain && !gone(target)) await drain(target);
  if (gone(target)) throw new VitrinaError('ABORTED', 'the export was cancelled: its consumer closed the stream');
}
