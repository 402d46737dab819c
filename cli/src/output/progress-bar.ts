/**
 * @module Progress for long work: a redrawn bar with rows, rows/s and ETA on a terminal; plain
 * lines (at most one per second) when the output is a file or a CI log.
 */

export interface Progress {
  update(label: string, done: number, total: number): void;
  finish(message?: string): void;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, clock: () => number = Date.now): Progress {
  const tty = stream.isTTY === true;
  const started = clock();
  let lastPrint = 0;
  let lastLabel = '';
  let labelStart = started;
  return {
    update(label, done, total) {
      const now = clock();
      if (label !== lastLabel) {
        lastLabel = label;
        labelStart = now;
      }
      const elapsed = Math.max((now - labelStart) / 1000, 0.001);
      const rate = done / elapsed;
      const eta = rate > 0 ? (total - done) / rate : 0;
      const share = total > 0 ? Math.min(done / total, 1) : 1;
      const text = `${label} ${fmt(done)}/${fmt(total)} rows · ${fmt(rate)} rows/s · ETA ${eta.toFixed(0)} s`;
      if (tty) {
        const width = 24;
        const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░');
        stream.write(`\r\x1b[2K${bar} ${Math.round(share * 100)}% ${text}`);
      } else if (now - lastPrint >= 1000 || done >= total) {
        lastPrint = now;
        stream.write(`${text}\n`);
      }
    },
    finish(message) {
      if (tty) stream.write('\r\x1b[2K');
      if (message) stream.write(`${message}\n`);
    },
  };
}
