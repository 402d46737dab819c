/** @module Worker-thread entry point: builds the calls file and posts progress and the result back. */
import { parentPort, workerData } from 'node:worker_threads';
import { buildCallsFile, type CallsJob } from './calls-file.js';

const result = buildCallsFile(workerData as CallsJob, (progress) => parentPort?.postMessage({ kind: 'progress', progress }));
parentPort?.postMessage({ kind: 'done', result }, [result.lastDay.buffer as ArrayBuffer, result.calls.buffer as ArrayBuffer]);
