/** Extensions map to CRM managers: inline, from a CSV file, or by a query on the CRM source. */
import { afterEach, describe, expect, it } from 'vitest';
import type { TelephonyOptions } from './telephony-options.js';
import { type CallsExtract, callsExtract } from './test-support/calls-extract.js';
import { answered, asteriskLine, type Scratch, scratch } from './test-support/cdr-lines.js';

let dirs: Scratch[] = [];
let open: CallsExtract[] = [];
afterEach(async () => {
  for (const x of open) await x.close();
  for (const d of dirs) d.cleanup();
  open = [];
  dirs = [];
});
const log =
  asteriskLine(answered('1.1', '2026-03-02 10:00:00')) +
  asteriskLine(
    answered('1.2', '2026-03-02 10:05:00', {
      src: '102',
      dst: '89160000000',
      channel: 'SIP/102-2',
      dstchannel: 'SIP/trunk1-2',
      dcontext: 'from-internal',
    }),
  ) +
  asteriskLine(answered('1.3', '2026-03-02 10:10:00', { dst: '109', dstchannel: 'SIP/109-3' }));

async function managers(options: Partial<TelephonyOptions>, querySource?: Parameters<typeof callsExtract>[1]['querySource']) {
  const d = scratch();
  dirs.push(d);
  d.write('Master.csv', log);
  d.write('managers.csv', 'extension;manager_id;manager_name\n101;7;Анна\n102;8;Борис\n');
  const x = callsExtract({ file: 'Master.csv', ...options }, { projectDir: d.dir, querySource });
  open.push(x);
  await x.load();
  return x.rows('select call_id, extension, manager_id, manager_name, department_id, department from calls order by call_id');
}

describe('manager mapping', () => {
  it('inline', async () => {
    expect((await managers({ managers: { '101': 7, '102': 8 } })).map(({ department_id, department, ...r }) => r)).toEqual([
      { call_id: '1.1', extension: '101', manager_id: 7, manager_name: null },
      { call_id: '1.2', extension: '102', manager_id: 8, manager_name: null },
      { call_id: '1.3', extension: '109', manager_id: null, manager_name: null },
    ]);
  });

  it('a CSV file (with names)', async () => {
    expect((await managers({ managers: { file: 'managers.csv' } })).map(({ department_id, department, ...r }) => r)).toEqual([
      { call_id: '1.1', extension: '101', manager_id: 7, manager_name: 'Анна' },
      { call_id: '1.2', extension: '102', manager_id: 8, manager_name: 'Борис' },
      { call_id: '1.3', extension: '109', manager_id: null, manager_name: null },
    ]);
  });

  it('a query on the CRM source, through target.querySource', async () => {
    const asked: string[] = [];
    const rows = await managers(
      { managers: { source: 'crm', sql: 'select extension, id as manager_id, name as manager_name from managers' } },
      async (source, sql) => {
        asked.push(`${source}: ${sql}`);
        return [
          { extension: 101, manager_id: 7, manager_name: 'Anna' },
          { extension: '109', manager_id: 9, manager_name: 'Vera' },
        ];
      },
    );
    expect(asked).toEqual(['crm: select extension, id as manager_id, name as manager_name from managers']);
    expect(rows.map((r) => r.manager_id)).toEqual([7, null, 9]);
  });

  it('non-integer ids stay text', async () => {
    expect((await managers({ managers: { '101': 'anna@example.com' } }))[0]).toMatchObject({ manager_id: 'anna@example.com' });
  });
});
