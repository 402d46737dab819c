/** A growing log appends only its new lines; a rewritten or rotated one reloads in full. */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { TelephonyOptions } from './telephony-options.js';
import { type CallsExtract, callsExtract } from './test-support/calls-extract.js';
import { answered, asteriskLine, freeswitchLine, type Scratch, scratch } from './test-support/cdr-lines.js';

let dirs: Scratch[] = [];
let open: CallsExtract[] = [];
afterEach(async () => {
  for (const x of open) await x.close();
  for (const d of dirs) d.cleanup();
  open = [];
  dirs = [];
});
function setup(content: string, options: Partial<TelephonyOptions> = {}) {
  const d = scratch();
  dirs.push(d);
  d.write('Master.csv', content);
  const x = callsExtract({ file: 'Master.csv', ...options }, { projectDir: d.dir });
  open.push(x);
  return { d, x };
}
const line = (n: number, overrides = {}) => asteriskLine(answered(`1.${n}`, `2026-03-02 10:${String(n).padStart(2, '0')}:00`, overrides));

describe('incremental loads', () => {
  it('appends new lines only, and renumbers the legs of a call that got a new leg', async () => {
    const { d, x } = setup(line(1) + line(2));
    expect(await x.load()).toMatchObject({ status: 'loaded', rows: 2 });
    expect(await x.load()).toMatchObject({ status: 'skipped', rows: 2 });
    // A transfer of call 1.1 to extension 102, logged later as a leg of the same linkedid.
    d.append('Master.csv', line(3) + line(4, { linkedid: '1.1', dst: '102', dstchannel: 'SIP/102-4' }));
    expect(await x.load()).toMatchObject({ status: 'appended', rows: 4, added: 2 });
    expect(await x.rows(`select call_id, leg from calls where linked_id = '1.1' order by leg`)).toEqual([
      { call_id: '1.1', leg: 1 },
      { call_id: '1.4', leg: 2 },
    ]);
  });

  it('appends written in place give the same calls as a full load of the whole log (legs across appends)', async () => {
    const { d, x } = setup(line(1) + line(2));
    await x.load();
    // Call 1.1 gains a transfer leg; 1.3 starts, and its second leg was logged before its first.
    d.append('Master.csv', line(3) + line(4, { linkedid: '1.1', dst: '102', dstchannel: 'SIP/102-4' }) + line(6, { linkedid: '1.3' }));
    expect(await x.load()).toMatchObject({ status: 'appended', added: 3, timings: { where: 'in-place' } });
    d.append('Master.csv', line(5, { linkedid: '1.3', start: '2026-03-02 10:02:30' }) + line(7) + line(8, { linkedid: '1.1' }));
    expect(await x.load()).toMatchObject({ status: 'appended', rows: 8, added: 3, timings: { where: 'in-place' } });
    const full = callsExtract({ file: 'Master.csv' }, { projectDir: d.dir });
    open.push(full);
    await full.load();
    const all = 'select * from calls order by call_id';
    expect(await x.rows(all)).toEqual(await full.rows(all));
    expect(await x.rows(`select call_id, leg from calls where linked_id in ('1.1', '1.3') order by linked_id, leg`)).toEqual([
      { call_id: '1.1', leg: 1 },
      { call_id: '1.4', leg: 2 },
      { call_id: '1.8', leg: 3 },
      { call_id: '1.3', leg: 1 },
      { call_id: '1.5', leg: 2 },
      { call_id: '1.6', leg: 3 },
    ]);
  });

  it('a crash after the commit, before the manifest: the offsets kept in the extract stop the same lines loading twice', async () => {
    const { d, x } = setup(line(1) + line(2));
    await x.load();
    const before = readFileSync(x.manifestFile, 'utf8');
    d.append('Master.csv', line(3) + line(4));
    expect(await x.load()).toMatchObject({ status: 'appended', rows: 4 });
    // The manifest's offsets are those before lines 3 and 4; the extract's own record is after them.
    writeFileSync(x.manifestFile, before);
    d.append('Master.csv', line(5));
    expect(await x.load()).toMatchObject({ status: 'appended', rows: 5, added: 1 });
    expect(await x.rows('select count(*) as n, count(distinct call_id) as ids from calls')).toEqual([{ n: 5, ids: 5 }]);
  });

  it('a line still being written waits for its newline (skip reports it meanwhile)', async () => {
    const { d, x } = setup(line(1) + line(2).slice(0, 30), { badRows: 'skip' });
    expect(await x.load()).toMatchObject({ rows: 1, badRows: { count: 1 } });
    d.append('Master.csv', line(2).slice(30));
    expect(await x.load()).toMatchObject({ status: 'appended', rows: 2, added: 1, badRows: { count: 0 } });
    expect(await x.rows('select call_id from calls order by 1')).toEqual([{ call_id: '1.1' }, { call_id: '1.2' }]);
  });

  it('bad lines in the appended part are reported with their line in the whole file', async () => {
    const { d, x } = setup(line(1) + line(2), { badRows: 'skip' });
    await x.load();
    d.append('Master.csv', `${line(3)}"short","line"\n`);
    expect(await x.load()).toMatchObject({ status: 'appended', added: 1, badRows: { count: 1, first: [{ line: 4 }] } });
  });

  it('a rotated (rewritten) log reloads in full', async () => {
    const { d, x } = setup(line(1) + line(2) + line(3));
    await x.load();
    d.write('Master.csv', line(7));
    expect(await x.load()).toMatchObject({ status: 'loaded', rows: 1 });
    expect(await x.rows('select call_id from calls')).toEqual([{ call_id: '1.7' }]);
  });

  it('a FreeSWITCH A-leg appended after its B-leg relinks the earlier B-leg', async () => {
    const leg = (uuid: string, bleg: string, destination: string) =>
      freeswitchLine({
        caller_id_number: '89160000000',
        destination_number: destination,
        context: 'public',
        start_stamp: '2026-03-02 10:00:00',
        answer_stamp: '2026-03-02 10:00:03',
        end_stamp: '2026-03-02 10:01:00',
        duration: '60',
        billsec: '57',
        hangup_cause: 'NORMAL_CLEARING',
        uuid,
        bleg_uuid: bleg,
      });
    const { d, x } = setup(leg('bbbb', '', '101'));
    await x.load();
    d.append('Master.csv', leg('aaaa', 'bbbb', '84950000000'));
    expect(await x.load()).toMatchObject({ status: 'appended', rows: 2 });
    expect(await x.rows('select call_id, linked_id, leg from calls order by leg')).toEqual([
      { call_id: 'aaaa', linked_id: 'aaaa', leg: 1 },
      { call_id: 'bbbb', linked_id: 'aaaa', leg: 2 },
    ]);
  });
});
