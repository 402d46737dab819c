/** @module Runs the calls build on a worker thread when the compiled worker is available, inline otherwise. */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DemoProgress } from './bulk-insert.js';
import { buildCallsFile, type CallsJob, type CallsResult } from './calls-file.js';

export interface CallsJobHandle {
  /** Resolves with the result; the inline variant does its work only when this is called. */
  result(): Promise<CallsResult>;
  /** Stops a running worker; harmless when there is none. */
  cancel(): Promise<void>;
}

/**
 * Both variants write the same file from the same code, so the data never depends on which ran.
 * Run from TypeScript sources (tests), there is no compiled worker to start and the job runs inline.
 */
export function startCallsJob(job: CallsJob, onProgress?: DemoProgress, signal?: AbortSignal): CallsJobHandle {
  const workerUrl = new URL('./calls-worker.js', import.meta.url);
  if (!fs.existsSync(fileURLToPath(workerUrl))) {
    return { result: async () => buildCallsFile(job, onProgress, signal), cancel: async () => {} };
  }
  const worker = new Worker(workerUrl, { workerData: job });
  const done = new Promise<CallsResult>((resolve, reject) => {
    worker.on('message', (message: { kind: 'progress'; progress: Parameters<DemoProgress>[0] } | { kind: 'done'; result: CallsResult }) => {
      if (message.kind === 'progress') onProgress?.(message.progress);
      else resolve(message.result);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`The calls worker stopped with exit code ${code} before finishing`)));
  });
  // Until someone awaits the result, a failure must not surface as an unhandled rejection.
  done.catch(() => {});
  return {
    result: () => done,
    cancel: async () => {
      await worker.terminate();
    },
  };
}
