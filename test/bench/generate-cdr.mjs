/**
 * @module Generated Asterisk call logs for the extract benchmark: `cdr_csv` Master.csv lines with
 * uniqueid, userfield, peeraccount, linkedid and sequence (21 fields), in time order like a real
 * log, over 2026-01-01 … 2026-11-30, 200 extensions, inbound and outbound, four dispositions.
 */

import { once } from 'node:events';
import { appendFileSync, createWriteStream } from 'node:fs';

const START = Date.UTC(2026, 0, 1);
const SPAN = Date.UTC(2026, 10, 30) - START;
const DISPOSITIONS = ['ANSWERED', 'ANSWERED', 'ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED'];

/** A small deterministic generator, so every run measures the same file. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const text = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** Line `i` of a log of `total` lines (the times spread evenly over the span, so appended lines come later). */
function line(i, total, rnd) {
  const at = START + Math.floor((i / total) * SPAN) + Math.floor(rnd() * 1000);
  const ext = String(100 + Math.floor(rnd() * 200));
  const outside = `8495${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`;
  const inbound = rnd() < 0.55;
  const disposition = DISPOSITIONS[Math.floor(rnd() * DISPOSITIONS.length)];
  const ring = 2 + Math.floor(rnd() * 25);
  const talk = disposition === 'ANSWERED' ? 10 + Math.floor(rnd() * 600) : 0;
  const answer = talk ? text(at + ring * 1000) : '';
  const end = text(at + (ring + talk) * 1000);
  const id = `${Math.floor(at / 1000)}.${i}`;
  const chan = `SIP/${ext}-${(i % 0xffffff).toString(16).padStart(8, '0')}`;
  const trunk = `SIP/trunk-${(i % 0xffff).toString(16).padStart(8, '0')}`;
  const [src, dst, context, channel, dstchannel, clid] = inbound
    ? [outside, ext, 'from-trunk', trunk, chan, `"${outside}" <${outside}>`]
    : [ext, outside, 'from-internal', chan, trunk, `"Manager ${ext}" <${ext}>`];
  return `"","${src}","${dst}","${context}","${clid.replaceAll('"', '""')}","${channel}","${dstchannel}","Dial","${dstchannel},60","${text(at)}","${answer}","${end}",${ring + talk},${talk},"${disposition}","DOCUMENTATION","${id}","","","${id}",${i}\n`;
}

/** Writes a log of `n` lines. */
export async function writeCalls(file, n) {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  const rnd = random(42);
  let chunk = '';
  for (let i = 0; i < n; i++) {
    chunk += line(i, n, rnd);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** Appends `count` later lines to a log of `n` lines, as a PBX does between two loads. */
export function appendCalls(file, n, count) {
  const rnd = random(7);
  let chunk = '';
  // Past the end of the generated span: the newest calls.
  for (let i = n; i < n + count; i++) chunk += line(i, n, rnd);
  appendFileSync(file, chunk);
}
