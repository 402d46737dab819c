/**
 * Bad input under both policies: wrong field counts, unparseable dates, a missing start, a truncated
 * last line, an empty file, an unknown format, bytes that are not UTF-8; and a failed strict load
 * leaves the previous extract serving.
 */
import iconv from 'iconv-lite';
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
function setup(content: string | Buffer, options: Partial<TelephonyOptions> = {}) {
  const d = scratch();
  dirs.push(d);
  d.write('Master.csv', content);
  const x = callsExtract({ file: 'Master.csv', ...options }, { projectDir: d.dir });
  open.push(x);
  return { d, x };
}
const good = (n: number) => asteriskLine(answered(`1.${n}`, `2026-03-02 10:0${n}:00`));

describe('bad rows: strict fails naming file, line and column; skip reports them and loads the rest', () => {
  const cases: [string, string, RegExp][] = [
    ['too few fields', `${good(1)}"","101","102"\n${good(3)}`, /Master\.csv:2.*too few fields/],
    ['too many fields', `${good(1)}${good(2).replace('\n', ',"x","y"\n')}${good(3)}`, /Master\.csv:2.*too many fields/],
    [
      'an unparseable date',
      `${good(1)}${good(2).replace('2026-03-02 10:02:00', '2026-13-45 99:00:00')}${good(3)}`,
      /Master\.csv:2 \(column start\).*cannot be parsed/,
    ],
    ['an unparseable number', `${good(1)}${good(2).replace(',35,30,', ',35,thirty,')}${good(3)}`, /Master\.csv:2 \(column billsec\)/],
    ['no start time', `${good(1)}${asteriskLine(answered('1.2', ''))}${good(3)}`, /Master\.csv:2 \(column start\): no start time/],
  ];
  for (const [name, content, message] of cases) {
    it(`${name}: strict`, async () => {
      const { x } = setup(content);
      await expect(x.load()).rejects.toThrow(message);
      // Its own code (not "source unavailable"), with where the problem is and what to do.
      await expect(x.load()).rejects.toMatchObject({
        code: 'DATA_INVALID',
        location: { file: expect.stringMatching(/Master\.csv$/), line: 2 },
        hint: expect.stringMatching(/fix the line.*"badRows": "skip"/),
      });
    });
    it(`${name}: skip`, async () => {
      const { x } = setup(content, { badRows: 'skip' });
      const report = await x.load();
      expect(report).toMatchObject({
        status: 'loaded',
        rows: 2,
        badRows: { count: 1, first: [{ line: 2, file: expect.stringMatching(/Master\.csv$/) }] },
      });
      expect(await x.rows('select call_id from calls order by 1')).toEqual([{ call_id: '1.1' }, { call_id: '1.3' }]);
    });
  }

  it('a truncated last line: strict fails, skip loads the complete lines', async () => {
    const content = `${good(1)}${good(2)}${good(3).slice(0, 40)}`;
    await expect(setup(content).x.load()).rejects.toThrow(/Master\.csv:3.*truncated last line/);
    const { x } = setup(content, { badRows: 'skip' });
    expect(await x.load()).toMatchObject({ rows: 2, badRows: { count: 1, first: [{ line: 3 }] } });
  });

  it('an empty file: strict fails, skip loads an empty table', async () => {
    await expect(setup('').x.load()).rejects.toThrow(/Master\.csv:1.*empty file/);
    const { x } = setup('\n\n', { badRows: 'skip' });
    expect(await x.load()).toMatchObject({ rows: 0, badRows: { count: 1 } });
    expect(await x.rows('select count(*) as n from calls')).toEqual([{ n: 0 }]);
  });

  it('an unknown format: strict fails naming the file, skip reports it', async () => {
    await expect(setup('hello,world\n1,2\n').x.load()).rejects.toThrow(/Master\.csv:1.*unknown call-log format/);
    const { x } = setup('hello,world\n1,2\n', { badRows: 'skip' });
    expect(await x.load()).toMatchObject({
      rows: 0,
      badRows: { count: 1, first: [{ reason: expect.stringMatching(/unknown call-log format/) }] },
    });
  });
});

describe('bytes that are not UTF-8 stay readable and never fail the load', () => {
  it('a Windows-1251 caller number line in a UTF-8 log is decoded with the fallback encoding', async () => {
    const bad = Buffer.concat([
      Buffer.from(good(2).split('"89161234567"')[0] as string),
      Buffer.from('"'),
      iconv.encode('Иван', 'windows-1251'),
      Buffer.from(`"${good(2).split('"89161234567"')[1]}`),
    ]);
    const { x } = setup(Buffer.concat([Buffer.from(good(1)), bad, Buffer.from(good(3))]), { fallbackEncoding: 'windows-1251' });
    expect(await x.load()).toMatchObject({ rows: 3, badRows: { count: 0 } });
    expect(await x.rows(`select caller from calls where call_id = '1.2'`)).toEqual([{ caller: 'Иван' }]);
  });

  it('by default invalid bytes read as Windows-1252 characters', async () => {
    const line = Buffer.from(good(1).replace('"89161234567"', '"8916\u00ff"'), 'latin1');
    const { x } = setup(line);
    expect(await x.load()).toMatchObject({ rows: 1 });
    expect(await x.rows('select caller from calls')).toEqual([{ caller: '8916ÿ' }]);
  });
});

describe('a failed load keeps the previous extract serving', () => {
  it('strict: the bad file fails the reload and the old rows are still there', async () => {
    const { d, x } = setup(good(1) + good(2));
    expect(await x.load()).toMatchObject({ rows: 2 });
    d.write('Master.csv', `${good(1)}${good(2)}"broken"\n${good(4)}`);
    await expect(x.load(true)).rejects.toThrow(/Master\.csv:3.*previous|Master\.csv:3/);
    await expect(x.load(true)).rejects.toMatchObject({
      code: 'DATA_INVALID',
      hint: expect.stringMatching(/previous extract .* keeps serving/),
    });
    expect(await x.rows('select count(*) as n from calls')).toEqual([{ n: 2 }]);
  });
});
