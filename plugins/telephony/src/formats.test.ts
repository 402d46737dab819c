/** Each call-log layout, from synthetic files: Asterisk field counts, cdr_custom, FreeSWITCH templates, 3CX, generic. */
import { afterEach, describe, expect, it } from 'vitest';
import type { TelephonyOptions } from './telephony-options.js';
import { type CallsExtract, callsExtract } from './test-support/calls-extract.js';
import { type AsteriskCdr, answered, asteriskLine, freeswitchLine, type Scratch, scratch } from './test-support/cdr-lines.js';

let dirs: Scratch[] = [];
let open: CallsExtract[] = [];
afterEach(async () => {
  for (const x of open) await x.close();
  for (const d of dirs) d.cleanup();
  open = [];
  dirs = [];
});
function project() {
  const d = scratch();
  dirs.push(d);
  return d;
}
async function loaded(d: Scratch, options: Partial<TelephonyOptions> & { file: string }, timezone = 'UTC') {
  const x = callsExtract(options, { projectDir: d.dir, timezone });
  open.push(x);
  const report = await x.load();
  return { x, report };
}

describe('Asterisk Master.csv layouts, told apart by field count', () => {
  const cdrs: AsteriskCdr[] = [
    answered('1700000000.1', '2026-03-02 10:00:00'),
    answered('1700000000.2', '2026-03-02 10:00:00', {
      linkedid: '1700000000.1',
      dst: '102',
      dstchannel: 'SIP/102-2',
      disposition: 'NO ANSWER',
      answer: '',
      billsec: 0,
    }),
    answered('1700000000.3', '2026-03-02 11:00:00', {
      src: '103',
      dst: '84951112233',
      dcontext: 'from-internal',
      channel: 'SIP/103-3',
      dstchannel: 'SIP/trunk1-3',
      disposition: 'BUSY',
      answer: '',
      billsec: 0,
      duration: 4,
    }),
    answered('1700000000.4', '2026-03-02 12:00:00', {
      src: '101',
      dst: '102',
      dcontext: 'from-internal',
      channel: 'SIP/101-4',
      dstchannel: 'SIP/102-4',
      disposition: 'FAILED',
      answer: '',
      billsec: 0,
      duration: 0,
    }),
  ];
  for (const fields of [16, 17, 18, 19, 20, 21]) {
    it(`${fields} fields`, async () => {
      const d = project();
      d.write('Master.csv', cdrs.map((c) => asteriskLine(c, fields)).join(''));
      const { x, report } = await loaded(d, { file: 'Master.csv' });
      expect(report).toMatchObject({ rows: 4, badRows: { count: 0 } });
      const rows = await x.rows(
        'select call_id, linked_id, leg, sequence, direction, disposition, ring_seconds, talk_seconds, extension, trunk from calls order by started_at, call_id',
      );
      expect(rows.map((r) => [r.direction, r.disposition, r.ring_seconds, r.talk_seconds, r.extension, r.trunk])).toEqual([
        ['inbound', 'answered', 5, 30, '101', 'trunk1'],
        ['inbound', 'no_answer', 35, 0, '102', 'trunk1'],
        ['outbound', 'busy', 4, 0, '103', 'trunk1'],
        ['internal', 'failed', 0, 0, '101', null],
      ]);
      const hasUniqueid = fields !== 16 && fields !== 19;
      const hasLinkedid = fields >= 19;
      // Without uniqueid a CDR is identified by its channel and start time.
      expect(rows[0]?.call_id).toBe(hasUniqueid ? '1700000000.1' : 'SIP/trunk1-1700000000.1@20260302100000');
      // The forked second leg joins the first through linkedid when it is logged.
      expect(rows[1]?.linked_id).toBe(hasLinkedid ? '1700000000.1' : rows[1]?.call_id);
      expect(rows[1]?.leg).toBe(hasLinkedid ? 2 : 1);
      expect(rows[2]?.sequence).toBe(hasLinkedid ? 3 : null);
    });
  }

  it('queues from Queue(), direction from contexts and a trunk pattern', async () => {
    const d = project();
    d.write(
      'Master.csv',
      [
        answered('1.1', '2026-03-02 10:00:00', { lastapp: 'Queue', lastdata: 'sales,t,,,300', dstchannel: 'SIP/105-1', dcontext: 'ivr' }),
        // An outbound call whose caller id was rewritten to the company number: the trunk pattern still tells.
        answered('1.2', '2026-03-02 10:05:00', {
          src: '84950000000',
          dst: '89160000000',
          channel: 'PJSIP/106-2',
          dstchannel: 'PJSIP/gw-mts-2',
          dcontext: 'x',
        }),
        // The dial context wins over everything else.
        answered('1.3', '2026-03-02 10:10:00', {
          src: '84950000001',
          dst: '89160000001',
          channel: 'PJSIP/107-3',
          dstchannel: 'PJSIP/gw-mts-3',
          dcontext: 'office',
        }),
      ]
        .map((c) => asteriskLine(c))
        .join(''),
    );
    const { x } = await loaded(d, { file: 'Master.csv', trunkPattern: 'gw-.*', internalContexts: ['office'] });
    expect(await x.rows('select call_id, direction, queue, extension, trunk from calls order by call_id')).toEqual([
      { call_id: '1.1', direction: 'inbound', queue: 'sales', extension: '105', trunk: 'trunk1' },
      { call_id: '1.2', direction: 'outbound', queue: null, extension: '106', trunk: 'gw-mts' },
      { call_id: '1.3', direction: 'internal', queue: null, extension: '107', trunk: null },
    ]);
  });

  it('cdr_custom with its own column list', async () => {
    const d = project();
    d.write(
      'Custom.csv',
      '"2026-03-02 10:00:00","2026-03-02 10:00:04","2026-03-02 10:01:00","101","89160000000","ANSWERED","42.1","42.1",7\n',
    );
    const { x } = await loaded(d, {
      file: 'Custom.csv',
      format: 'asterisk-custom',
      columns: ['start', 'answer', 'end', 'src', 'dst', 'disposition', 'uniqueid', 'linkedid', 'sequence'],
    });
    expect(await x.rows('select call_id, direction, ring_seconds, talk_seconds, extension, sequence from calls')).toEqual([
      { call_id: '42.1', direction: 'outbound', ring_seconds: 4, talk_seconds: 56, extension: '101', sequence: 7 },
    ]);
  });
});

describe('FreeSWITCH templates', () => {
  const names13 = [
    'caller_id_name',
    'caller_id_number',
    'destination_number',
    'context',
    'start_stamp',
    'answer_stamp',
    'end_stamp',
    'duration',
    'billsec',
    'hangup_cause',
    'uuid',
    'bleg_uuid',
    'accountcode',
  ];
  it('13 fields (no codecs); hangup causes → dispositions', async () => {
    const d = project();
    const line = (uuid: string, cause: string, answer = '') =>
      freeswitchLine(
        {
          caller_id_number: '1001',
          destination_number: '89160000000',
          context: 'default',
          start_stamp: '2026-03-02 10:00:00',
          answer_stamp: answer,
          end_stamp: '2026-03-02 10:00:20',
          duration: '20',
          billsec: answer ? '15' : '0',
          hangup_cause: cause,
          uuid,
        },
        names13,
      );
    d.write(
      'Master.csv',
      [
        line('a', 'NORMAL_CLEARING', '2026-03-02 10:00:05'),
        line('b', 'USER_BUSY'),
        line('c', 'NO_ANSWER'),
        line('d', 'UNALLOCATED_NUMBER'),
        line('e', 'ORIGINATOR_CANCEL'),
      ].join(''),
    );
    const { x } = await loaded(d, { file: 'Master.csv' });
    expect(await x.rows('select call_id, disposition, ring_seconds, talk_seconds from calls order by call_id')).toEqual([
      { call_id: 'a', disposition: 'answered', ring_seconds: 5, talk_seconds: 15 },
      { call_id: 'b', disposition: 'busy', ring_seconds: 20, talk_seconds: 0 },
      { call_id: 'c', disposition: 'no_answer', ring_seconds: 20, talk_seconds: 0 },
      { call_id: 'd', disposition: 'failed', ring_seconds: 20, talk_seconds: 0 },
      { call_id: 'e', disposition: 'no_answer', ring_seconds: 20, talk_seconds: 0 },
    ]);
  });

  it('a custom template as a column list, legs linked by originating_leg_uuid', async () => {
    const d = project();
    const names = [
      'uuid',
      'originating_leg_uuid',
      'caller_id_number',
      'destination_number',
      'start_stamp',
      'answer_stamp',
      'end_stamp',
      'billsec',
      'duration',
      'hangup_cause',
      'cc_queue',
    ];
    d.write(
      'cdr.csv',
      freeswitchLine(
        {
          uuid: 'A',
          caller_id_number: '89160000000',
          destination_number: '3000',
          start_stamp: '2026-03-02 10:00:00',
          answer_stamp: '2026-03-02 10:00:01',
          end_stamp: '2026-03-02 10:01:00',
          billsec: '59',
          duration: '60',
          hangup_cause: 'NORMAL_CLEARING',
          cc_queue: 'support@default',
        },
        names,
      ) +
        freeswitchLine(
          {
            uuid: 'B',
            originating_leg_uuid: 'A',
            caller_id_number: '89160000000',
            destination_number: '1005',
            start_stamp: '2026-03-02 10:00:10',
            answer_stamp: '2026-03-02 10:00:12',
            end_stamp: '2026-03-02 10:01:00',
            billsec: '48',
            duration: '50',
            hangup_cause: 'NORMAL_CLEARING',
          },
          names,
        ),
    );
    const { x } = await loaded(d, { file: 'cdr.csv', format: 'freeswitch-csv', columns: names });
    expect(await x.rows('select call_id, linked_id, leg, queue, extension, talk_seconds from calls order by leg')).toEqual([
      { call_id: 'A', linked_id: 'A', leg: 1, queue: 'support@default', extension: null, talk_seconds: 59 },
      { call_id: 'B', linked_id: 'A', leg: 2, queue: null, extension: '1005', talk_seconds: 48 },
    ]);
  });
});

describe('generic CSV exports', () => {
  it('header, semicolons, day-first dates without seconds, a disposition vocabulary of its own', async () => {
    const d = project();
    d.write(
      'export.csv',
      'Дата;Кто;Кому;Статус;Разговор;Менеджер\n02.03.2026 10:00;89160000000;84950000000;Отвечен;65;101\n02.03.2026 11:30;89160000001;84950000000;Пропущен;0;\n',
    );
    const { x } = await loaded(
      d,
      {
        file: 'export.csv',
        delimiter: ';',
        dateFormat: '%d.%m.%Y %H:%M',
        mapping: {
          started_at: 'Дата',
          caller: 'Кто',
          callee: 'Кому',
          disposition: 'Статус',
          talk_seconds: 'Разговор',
          extension: 'Менеджер',
        },
        dispositions: { Отвечен: 'answered', Пропущен: 'no_answer' },
        managers: { '101': 7 },
      },
      'Europe/Moscow',
    );
    expect(
      await x.rows('select started_at, disposition, disposition_raw, talk_seconds, extension, manager_id from calls order by started_at'),
    ).toEqual([
      {
        started_at: '2026-03-02 07:00:00',
        disposition: 'answered',
        disposition_raw: 'Отвечен',
        talk_seconds: 65,
        extension: '101',
        manager_id: 7,
      },
      {
        started_at: '2026-03-02 08:30:00',
        disposition: 'no_answer',
        disposition_raw: 'Пропущен',
        talk_seconds: 0,
        extension: null,
        manager_id: null,
      },
    ]);
  });

  it('no header: names from "columns"', async () => {
    const d = project();
    d.write('x.csv', '2026-03-02 10:00:00,2026-03-02 10:02:00,101,89160000000,outbound\n');
    const { x } = await loaded(d, {
      file: 'x.csv',
      format: 'generic',
      columns: ['begin', 'finish', 'from', 'to', 'dir'],
      mapping: { started_at: 'begin', ended_at: 'finish', caller: 'from', callee: 'to', direction: 'dir' },
    });
    expect(await x.rows('select direction, ring_seconds, ended_at, extension from calls')).toEqual([
      { direction: 'outbound', ring_seconds: 120, ended_at: '2026-03-02 10:02:00', extension: '101' },
    ]);
  });
});

describe('time zones and files', () => {
  it('DST: the same wall clock maps to different UTC offsets in winter and summer', async () => {
    const d = project();
    d.write('Master.csv', asteriskLine(answered('1.1', '2026-01-15 10:00:00')) + asteriskLine(answered('1.2', '2026-07-15 10:00:00')));
    const { x } = await loaded(d, { file: 'Master.csv', timezone: 'Europe/Berlin' });
    expect(await x.rows('select started_at, answered_at from calls order by 1')).toEqual([
      { started_at: '2026-01-15 09:00:00', answered_at: '2026-01-15 09:00:05' },
      { started_at: '2026-07-15 08:00:00', answered_at: '2026-07-15 08:00:05' },
    ]);
  });

  it('a glob reads rotated logs as one table', async () => {
    const d = project();
    d.write('Master.csv.1', asteriskLine(answered('1.1', '2026-03-01 10:00:00')));
    d.write('Master.csv', asteriskLine(answered('1.2', '2026-03-02 10:00:00')) + asteriskLine(answered('1.3', '2026-03-02 11:00:00')));
    const { x, report } = await loaded(d, { file: 'Master.csv*' });
    expect(report.rows).toBe(3);
    expect(await x.rows('select count(*) as n from calls')).toEqual([{ n: 3 }]);
  });

  it('refuses a path outside the allowed data folders', () => {
    const d = project();
    expect(() => callsExtract({ file: '../../etc/passwd' }, { projectDir: d.dir })).toThrow(/outside the allowed data folders/);
  });

  it('3CX named explicitly', async () => {
    const d = project();
    d.write(
      'cdr.log',
      'Call 1,AAA_1,00:00:10,2026/03/02 10:00:00,2026/03/02 10:00:02,2026/03/02 10:00:12,TerminatedBySrc,Ext.101,0800123456,101,10000,0800123456,,,,,,,,"Chain: Ext.101;0800123456;",Extension,Line,Line,,,,\n',
    );
    const { x } = await loaded(d, { file: 'cdr.log', format: '3cx' });
    expect(await x.rows('select direction, extension, trunk, callee, ring_seconds, talk_seconds from calls')).toEqual([
      { direction: 'outbound', extension: '101', trunk: '10000', callee: '0800123456', ring_seconds: 2, talk_seconds: 10 },
    ]);
  });
});
