/**
 * @module Backpressure for exceljs's streaming writer. Its worksheet buffer hands bytes to the
 * zip's deflate stream without waiting (exceljs 4 ignores `write`'s return value), so a writer
 * that produced rows as fast as the source gives them would pile the whole file up in memory
 * whenever deflate or the consumer is slower. Between batches the writer waits for every stream
 * on the way that asks for it: the deflate of the sheet being written, then the target.
 */
import type { Writable } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { VitrinaError } from '../../errors/index.js';

/**
 * The streams an exceljs worksheet writer pipes its buffer into (archiver's entry stream, a
 * readable-stream PassThrough that holds the sheet until the zip reads it): exceljs internals
 * (`stream.pipes` of its StreamBuf), read defensively — an exceljs without them just leaves the
 * target's own backpressure.
 */
export function zipBacklog(sheet: unknown): Writable[] {
  const pipes = (sheet as { stream?: { pipes?: unknown } }).stream?.pipes;
  return Array.isArray(pipes) ? pipes.filter((p): p is Writable => needsDrain(p) !== undefined) : [];
}

/** readable-stream 3 (archiver's) has no `writableNeedDrain`; its state says the same. */
function needsDrain(stream: unknown): boolean | undefined {
  const s = stream as { writableNeedDrain?: boolean; _writableState?: { needDrain?: boolean } } | null;
  return s?.writableNeedDrain ?? s?._writableState?.needDrain;
}

function gone(stream: Writable): boolean {
  return stream.destroyed || (stream.writableEnded && !stream.writableFinished);
}

/** `drain`, or `close` without it (the consumer went away); listeners removed either way (waits are many). */
function drain(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: unknown) => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', failed);
      if (error) reject(error);
      else resolve();
    };
    const done = () => settle();
    const failed = (error: unknown) => settle(error);
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', failed);
  });
}

/** Resolves when the streams on the way have room; throws ABORTED when the target was closed. */
export async function drained(target: Writable, inner: Writable[]): Promise<void> {
  // Let deflate and the target's pending writes run before looking (rows are made synchronously).
  await tick();
  for (const stream of inner) if (needsDrain(stream) && !stream.destroyed) await drain(stream);
  if (target.writableNeedDrain && !gone(target)) await drain(target);
  if (gone(target)) throw new VitrinaError('ABORTED', 'the export was cancelled: its consumer closed the stream');
}
