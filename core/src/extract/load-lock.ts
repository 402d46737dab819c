/**
 * @module One load of a source's extract at a time across processes (`serve`'s background refresh
 * and `vitrina ingest` side by side): a `<source>.lock` file holding the loader's pid. A lock whose
 * process is gone is taken over; a live one is waited for, since its load may make ours a no-op.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { throwIfAborted } from '../util/abort.js';

/** Whether process `pid` still runs (ours always does). */
export function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTake(file: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) return false;
    rmSync(file, { force: true });
    return tryTake(file);
  }
}

/** Takes the lock, waiting while another live process (or another project in this one) holds it; returns its release. */
export async function takeLoadLock(file: string, what: string, signal?: AbortSignal): Promise<() => void> {
  while (!tryTake(file)) {
    throwIfAborted(signal, what);
    await new Promise((r) => setTimeout(r, 200));
  }
  return () => rmSync(file, { force: true });
}
