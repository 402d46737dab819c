/**
 * @module Worker threads that draw charts in parallel: ECharts SSR is the print page's main cost
 * (20–60 ms a chart), and one dashboard's charts are independent. Panels go to the worker with the
 * fewest waiting; until a worker has loaded, or when workers are unavailable (the TypeScript
 * sources under test have no built worker file) or one fails, the caller draws on its own thread,
 * so a worker problem never fails a print.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Locale } from '../../i18n/messages.js';
import type { PanelView } from '../html/dashboard-state.js';
import type { PrintedPanel } from './print-panel.js';

/** What one panel body is drawn from; every field survives structured clone. */
export interface DrawTask {
  view: PanelView;
  outcome: unknown;
  /** `chartContext` inputs (the translator is rebuilt from the messages). */
  context: { locale: Locale; messages?: Record<string, string>; timezone?: string; currency?: string };
  width: number;
  theme?: { name: string; object: object; generation: number };
}

interface Slot {
  worker: Worker;
  ready: boolean;
  pending: Map<number, { resolve: (body: PrintedPanel) => void; reject: (error: Error) => void }>;
}

const WORKER_FILE = new URL('./chart-worker.js', import.meta.url);
/** Worker deaths after which the pool stops replacing them (a broken install must not fork-loop). */
const MAX_FAILURES = 4;

/**
 * Workers: `VITRINA_PRINT_WORKERS` if set (0 turns them off), else one per core up to 4. On two
 * cores this is two: Chromium is idle while a dashboard's charts are drawn, so both cores draw.
 */
function workerCount(): number {
  const set = process.env.VITRINA_PRINT_WORKERS;
  if (set !== undefined && set !== '') return Math.max(0, Math.floor(Number(set)) || 0);
  return Math.min(4, availableParallelism());
}

export class PanelWorkers {
  readonly #slots: Slot[] = [];
  readonly #size: number;
  #next = 0;
  #failures = 0;

  constructor(size = workerCount()) {
    this.#size = existsSync(fileURLToPath(WORKER_FILE)) ? size : 0;
  }

  /** The body drawn by a worker, or undefined when none is ready (the caller draws it). */
  draw(task: DrawTask): Promise<PrintedPanel> | undefined {
    this.#start();
    let best: Slot | undefined;
    for (const slot of this.#slots) if (slot.ready && (!best || slot.pending.size < best.pending.size)) best = slot;
    if (!best) return undefined;
    const slot = best;
    const id = this.#next++;
    return new Promise<PrintedPanel>((resolve, reject) => {
      // Held while it has work, so a command awaiting a drawing is not left without an event loop.
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, task });
    });
  }

  #start(): void {
    while (this.#slots.length < this.#size && this.#failures < MAX_FAILURES) this.#slots.push(this.#spawn());
  }

  #spawn(): Slot {
    const worker = new Worker(WORKER_FILE);
    const slot: Slot = { worker, ready: false, pending: new Map() };
    worker.on('message', (message: { ready?: true; id?: number; body?: PrintedPanel }) => {
      if (message.ready) {
        slot.ready = true;
        return;
      }
      const waiting = slot.pending.get(message.id as number);
      slot.pending.delete(message.id as number);
      if (slot.pending.size === 0) worker.unref();
      waiting?.resolve(message.body as PrintedPanel);
    });
    const fail = (error: Error) => {
      const at = this.#slots.indexOf(slot);
      if (at < 0) return;
      this.#slots.splice(at, 1);
      this.#failures++;
      for (const waiting of slot.pending.values()) waiting.reject(error);
      slot.pending.clear();
      void worker.terminate();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the chart worker exited (code ${code})`)));
    // After the listeners: adding a 'message' listener to a Worker refs its port again, and an idle
    // worker must not keep a CLI render (or any process) from exiting.
    worker.unref();
    return slot;
  }

  /** Stops the workers (tests; a server lets them go with the process). */
  async close(): Promise<void> {
    const slots = this.#slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
