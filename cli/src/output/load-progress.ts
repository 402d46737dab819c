/**
 * @module Progress of extract loads for `vitrina ingest`: a redrawn bar with rows (or bytes), rate and
 * ETA on a terminal; plain lines at most every two seconds in a log. The total may be unknown.
 */
import type { LoadProgress } from '@vitrina/core';

export interface LoadProgressView {
  update(progress: LoadProgress): void;
  clear(): void;
}

const num = (n: number) => Math.round(n).toLocaleString('en-US');
const size = (n: number) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${num(n / 1024)} KB`);

export function loadProgressView(stream: NodeJS.WriteStream = process.stderr, clock: () => number = Date.now): LoadProgressView {
  const tty = stream.isTTY === true;
  let source = '';
  let started = clock();
  let lastPrint = 0;
  let drawn = false;
  return {
    update(p) {
      const now = clock();
      if (p.source !== source) {
        source = p.source;
        started = now;
      }
      const seconds = Math.max((now - started) / 1000, 0.001);
      const rate = p.done / seconds;
      const show = p.unit === 'bytes' ? size : num;
      const known = p.total !== undefined && p.total > 0;
      const eta = known && rate > 0 ? ` · ETA ${Math.max(0, ((p.total as number) - p.done) / rate).toFixed(0)} s` : '';
      const text = `${source}: ${show(p.done)}${known ? `/${show(p.total as number)}` : ''} ${p.unit === 'bytes' ? '' : 'rows '}· ${show(rate)}${p.unit === 'bytes' ? '/s' : ' rows/s'}${eta}`;
      if (tty) {
        const share = known ? Math.min(p.done / (p.total as number), 1) : 0;
        const bar = known ? `${'█'.repeat(Math.round(share * 24)).padEnd(24, '░')} ${Math.round(share * 100)}% ` : '';
        stream.write(`\r\x1b[2K${bar}${text}`);
        drawn = true;
      } else if (now - lastPrint >= 2000) {
        lastPrint = now;
        stream.write(`${text}\n`);
      }
    },
    clear() {
      if (tty && drawn) stream.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
