/**
 * The real call logs under shared/reference-data/cdr load through the core's extract engine.
 * Expected figures are computed here from the files with csv-parse (not by the connector's parser),
 * following the README's rules; where a constant is used, the comment says how it was derived.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { TelephonyOptions } from './telephony-options.js';
import { type CallsExtract, callsExtract, REFERENCE_DATA } from './test-support/calls-extract.js';

const CDR = join(REFERENCE_DATA, 'cdr');
const open: CallsExtract[] = [];
afterEach(async () => {
  for (const x of open.splice(0)) await x.close();
});
async function load(file: string, options: Partial<TelephonyOptions> = {}, timezone = 'UTC') {
  const x = callsExtract({ file, ...options }, { projectDir: CDR, timezone });
  open.push(x);
  const report = await x.load();
  return { x, report };
}
const records = (file: string, encoding: BufferEncoding = 'utf8') =>
  parse(readFileSync(join(CDR, file)), { bom: true, encoding, skip_empty_lines: true }) as string[][];
/** 'YYYY-MM-DD HH:MM:SS' (or with slashes) on a fixed-offset clock → UTC text. */
const utc = (local: string, offsetHours: number) =>
  new Date(Date.parse(`${local.replaceAll('/', '-').replace(' ', 'T')}Z`) - offsetHours * 3_600_000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');
const tally = (values: string[]) => Object.fromEntries([...new Set(values)].sort().map((v) => [v, values.filter((x) => x === v).length]));
const counts = async (x: CallsExtract, column: string) =>
  Object.fromEntries((await x.rows(`select ${column} as k, count(*) as n from calls group by 1 order by 1`)).map((r) => [r.k, r.n]));

describe('Asterisk cdr_csv (mineevburyat, 21 fields, 8 lines not valid UTF-8)', () => {
  const file = 'asterisk/mineevburyat_cdr_csv_Master.csv';
  // Latin-1 maps every byte to one character, so csv-parse reads the invalid lines too.
  const rows = records(file, 'latin1');

  it('loads every line, the non-UTF-8 ones included, with dispositions, legs and durations', async () => {
    const bytes = readFileSync(join(CDR, file));
    const invalid = bytes
      .toString('latin1')
      .split('\n')
      .filter((line) => !isUtf8(Buffer.from(line, 'latin1')));
    expect(invalid).toHaveLength(8);
    const { x, report } = await load(file, {}, 'Asia/Irkutsk');
    expect(report).toMatchObject({ status: 'loaded', rows: rows.length, badRows: { count: 0 } });
    expect(rows.length).toBe(84);
    const normalised = rows.map((r) => ({ ANSWERED: 'answered', 'NO ANSWER': 'no_answer', BUSY: 'busy' })[r[14] as 'BUSY'] ?? 'failed');
    expect(await counts(x, 'disposition')).toEqual(tally(normalised));
    expect(await counts(x, 'disposition_raw')).toEqual(tally(rows.map((r) => r[14] as string)));
    // Legs: one logical call per linkedid (field 20), its originating CDR first.
    const linked = new Set(rows.map((r) => r[19]));
    expect(await x.rows('select count(distinct linked_id) as calls, count(*) filter (where leg = 1) as first_legs from calls')).toEqual([
      { calls: linked.size, first_legs: linked.size },
    ]);
    const talk = rows.filter((r) => r[14] === 'ANSWERED').reduce((n, r) => n + Number(r[13]), 0);
    const ring = rows.reduce((n, r) => n + (r[14] === 'ANSWERED' ? Number(r[12]) - Number(r[13]) : Number(r[12])), 0);
    expect(await x.rows('select sum(talk_seconds) as talk, sum(ring_seconds) as ring from calls')).toEqual([{ talk, ring }]);
    // Every caller is an 11-digit outside number: all inbound; SIP/301 answered for extension 301.
    expect(rows.every((r) => !/^[0-9]{2,5}$/.test(r[1] as string))).toBe(true);
    expect(await counts(x, 'direction')).toEqual({ inbound: 84 });
    const to301 = rows.filter((r) => (r[6] as string).startsWith('SIP/301-')).length;
    expect(await x.rows(`select count(*) as n from calls where extension = '301'`)).toEqual([{ n: to301 }]);
  });

  it('converts the PBX clock (Asia/Irkutsk, UTC+8 all year) to UTC', async () => {
    const { x } = await load(file, {}, 'Asia/Irkutsk');
    const first = rows[0] as string[];
    expect(
      await x.rows(`select started_at, answered_at, ended_at from calls where call_id = '${first[16]}' and sequence = ${first[20]}`),
    ).toEqual([
      { started_at: utc(first[9] as string, 8), answered_at: utc(first[10] as string, 8), ended_at: utc(first[11] as string, 8) },
    ]);
    // The source's own option wins over the project's zone.
    const { x: y } = await load(file, { timezone: 'UTC' }, 'Asia/Irkutsk');
    expect((await y.rows(`select min(started_at) as t from calls`))[0]?.t).toBe(rows.map((r) => r[9] as string).sort()[0]);
  });
});

describe('Asterisk cdr_custom (KelySaina, the stock 19-field sample line)', () => {
  const file = 'asterisk/KelySaina_cdr_custom_Master.csv';
  const rows = records(file);

  it('is recognised by auto, and its clients count as internal with a pattern', async () => {
    const { x, report } = await load(file, { internalPattern: 'client[0-9]+|[0-9]{4}' }, 'Indian/Antananarivo');
    expect(report).toMatchObject({ rows: 14, badRows: { count: 0 } });
    expect(rows.length).toBe(14);
    expect(await counts(x, 'disposition')).toEqual(tally(rows.map((r) => (r[13] === 'ANSWERED' ? 'answered' : 'no_answer'))));
    expect(await counts(x, 'direction')).toEqual({ internal: 14 });
    const talk = rows.filter((r) => r[13] === 'ANSWERED').reduce((n, r) => n + Number(r[12]), 0);
    expect(await x.rows('select sum(talk_seconds) as talk, count(answered_at) as answered from calls')).toEqual([
      { talk, answered: rows.filter((r) => r[13] === 'ANSWERED').length },
    ]);
    // Madagascar is UTC+3 without DST.
    const first = rows[0] as string[];
    expect(await x.rows(`select started_at, extension from calls where call_id = '${first[16]}'`)).toEqual([
      { started_at: utc(first[8] as string, 3), extension: first[1] },
    ]);
  });
});

describe('FreeSWITCH mod_cdr_csv (example template)', () => {
  const legs = (file: string) => {
    const rows = records(file);
    // A B-leg is the line whose uuid (field 11) another line names as its bleg_uuid (field 12).
    const aOf = new Map(rows.filter((r) => r[11]).map((r) => [r[11], r[10]]));
    return rows.map((r) => ({ uuid: r[10], linked: aOf.get(r[10]) ?? r[10] }));
  };

  it('A-leg only: each line is its own call', async () => {
    const file = 'freeswitch/raspberry-pi-maker_cdr_basic_legs_a.csv';
    const { x } = await load(file);
    expect(await x.rows('select call_id, linked_id, leg from calls order by started_at')).toEqual(
      legs(file).map((l) => ({ call_id: l.uuid, linked_id: l.linked, leg: 1 })),
    );
  });

  it('A+B legs: the B-leg joins its A-leg, which is leg 1', async () => {
    const file = 'freeswitch/raspberry-pi-maker_cdr_basic_legs_ab.csv';
    const { x } = await load(file);
    const expected = legs(file);
    expect(new Set(expected.map((l) => l.linked)).size).toBe(2);
    expect(await x.rows('select call_id, linked_id, leg from calls order by call_id')).toEqual(
      expected
        .sort((a, b) => String(a.uuid).localeCompare(String(b.uuid)))
        .map((l) => ({ call_id: l.uuid, linked_id: l.linked, leg: l.uuid === l.linked ? 1 : 2 })),
    );
    expect(await counts(x, 'direction')).toEqual({ inbound: 2, internal: 2 });
  });

  it('callcenter A+B: the queue from the config, the agent leg grouped with the caller', async () => {
    const file = 'freeswitch/raspberry-pi-maker_cdr_callcenter_legs_ab.csv';
    const { x } = await load(file, { queues: ['3000'] }, 'Asia/Seoul');
    const rows = records(file);
    expect(await x.rows('select leg, callee, queue, extension, talk_seconds, started_at from calls order by leg')).toEqual([
      {
        leg: 1,
        callee: '3000',
        queue: '3000',
        extension: null,
        talk_seconds: Number(rows[1]?.[8]),
        started_at: utc(rows[1]?.[4] as string, 9),
      },
      {
        leg: 2,
        callee: '1001',
        queue: null,
        extension: '1001',
        talk_seconds: Number(rows[0]?.[8]),
        started_at: utc(rows[0]?.[4] as string, 9),
      },
    ]);
  });

  it('unanswered NORMAL_CLEARING lines (the documentation sample) are no_answer, outbound, in EDT', async () => {
    const file = 'freeswitch/signalwire_docs_sample_Master.csv';
    const { x } = await load(file, {}, 'America/New_York');
    const rows = records(file);
    expect(await counts(x, 'disposition')).toEqual({ no_answer: rows.length });
    expect(await counts(x, 'direction')).toEqual({ outbound: rows.length });
    // 29 May 2014 is summer time in New York: UTC−4.
    expect((await x.rows('select min(started_at) as t from calls'))[0]?.t).toBe(utc(rows[0]?.[4] as string, -4));
  });
});

describe('3CX CDR logs', () => {
  it('ClasseurPrepaCDR: 1404 calls with dispositions and directions from the party types', async () => {
    const file = '3cx/dorel14_ClasseurPrepaCDR.csv';
    const rows = records(file);
    const { x, report } = await load(file, {}, 'Europe/Paris');
    expect(report).toMatchObject({ rows: rows.length, badRows: { count: 0 } });
    const disposition = (r: string[]) =>
      r[4]
        ? 'answered'
        : ['TerminatedBySrc', 'Failed_Cancelled'].includes(r[6] as string)
          ? 'no_answer'
          : r[6] === 'TerminatedByDst'
            ? 'busy'
            : 'failed';
    const outside = (t: string | undefined) => t === 'External' || t === 'Line';
    const direction = (r: string[]) => (outside(r[20]) ? 'inbound' : outside(r[21]) || outside(r[22]) ? 'outbound' : 'internal');
    expect(await counts(x, 'disposition')).toEqual(tally(rows.map(disposition)));
    expect(await counts(x, 'direction')).toEqual(tally(rows.map(direction)));
    expect(await x.rows(`select call_id, linked_id, caller, started_at from calls where call_id = '9744'`)).toEqual([
      // May is summer time in Paris: UTC+2. The file starts with a byte-order mark.
      { call_id: '9744', linked_id: rows[0]?.[1], caller: rows[0]?.[7], started_at: utc(rows[0]?.[3] as string, 2) },
    ]);
    const talk = rows
      .filter((r) => r[4])
      .reduce((n, r) => n + (Date.parse(`${r[5]}Z`.replaceAll('/', '-')) - Date.parse(`${r[4]}Z`.replaceAll('/', '-'))) / 1000, 0);
    expect((await x.rows('select sum(talk_seconds) as s from calls'))[0]?.s).toBe(talk);
  });

  it('a one-call log with a blank line after it', async () => {
    const { x, report } = await load('3cx/dorel14_tests_cdr-240617055949.288831.log.csv');
    expect(report).toMatchObject({ rows: 1, badRows: { count: 0 } });
    // Ext.10016 called +40504035825 over line 10020 ("Line" type): outbound, answered 9 s after the start, 25 s of talk.
    expect(await x.rows('select direction, disposition, extension, trunk, ring_seconds, talk_seconds from calls')).toEqual([
      { direction: 'outbound', disposition: 'answered', extension: '10016', trunk: '10020', ring_seconds: 9, talk_seconds: 25 },
    ]);
  });
});

describe('generic mapping (cdr-stats CDRImport with a header, CRLF)', () => {
  it('maps columns by name; talk from billsec, ring from duration − billsec; direction 1 = inbound', async () => {
    const file = 'cdr-stats/CDRImport-2015-10-26.csv';
    const rows = parse(readFileSync(join(CDR, file)), { columns: true }) as Record<string, string>[];
    const { x } = await load(file, {
      mapping: {
        call_id: 'callid',
        started_at: 'starting_date',
        duration: 'duration',
        talk_seconds: 'billsec',
        disposition: 'hangup_cause_id',
        caller: 'caller_id_number',
        callee: 'destination_number',
        direction: 'direction',
      },
      directions: { '1': 'inbound', '2': 'outbound' },
    });
    expect(await x.rows('select call_id, talk_seconds, ring_seconds, direction, disposition from calls order by call_id')).toEqual(
      rows
        .sort((a, b) => String(a.callid).localeCompare(String(b.callid)))
        .map((r) => ({
          call_id: r.callid,
          talk_seconds: Number(r.billsec),
          ring_seconds: Number(r.duration) - Number(r.billsec),
          direction: 'inbound',
          disposition: 'answered',
        })),
    );
  });
});
