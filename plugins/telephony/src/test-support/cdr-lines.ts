/** @module Test helper: synthetic call-log lines in each PBX's layout, and a scratch project folder. */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASTERISK_CSV_LAYOUTS } from '../formats/asterisk-format.js';
import { FREESWITCH_EXAMPLE } from '../formats/freeswitch-format.js';

/** One Asterisk CDR by field name; missing fields are empty. */
export type AsteriskCdr = Partial<Record<string, string | number>>;

const quote = (v: string | number | undefined) => (typeof v === 'number' ? String(v) : `"${(v ?? '').replaceAll('"', '""')}"`);

/** A Master.csv line with `fields` fields (16…21), as cdr_csv writes it. */
export function asteriskLine(cdr: AsteriskCdr, fields = 21): string {
  return `${(ASTERISK_CSV_LAYOUTS[fields] as string[]).map((name) => quote(cdr[name])).join(',')}\n`;
}

export function freeswitchLine(cdr: Partial<Record<string, string>>, names: readonly string[] = FREESWITCH_EXAMPLE): string {
  return `${names.map((n) => quote(cdr[n] ?? '')).join(',')}\n`;
}

/** A typical answered inbound call: trunk → extension 101. */
export function answered(id: string, start: string, overrides: AsteriskCdr = {}): AsteriskCdr {
  return {
    src: '89161234567',
    dst: '101',
    dcontext: 'from-trunk',
    clid: '"Client" <89161234567>',
    channel: `SIP/trunk1-${id}`,
    dstchannel: `SIP/101-${id}`,
    lastapp: 'Dial',
    lastdata: 'SIP/101,60',
    start,
    answer: start.replace(/:00$/, ':05'),
    end: start.replace(/:00$/, ':35'),
    duration: 35,
    billsec: 30,
    disposition: 'ANSWERED',
    amaflags: 'DOCUMENTATION',
    uniqueid: id,
    linkedid: id,
    sequence: Number(id.split('.')[1] ?? 0),
    ...overrides,
  };
}

export interface Scratch {
  dir: string;
  write(name: string, content: string | Buffer): string;
  append(name: string, content: string | Buffer): void;
  cleanup(): void;
}

export function scratch(): Scratch {
  const dir = mkdtempSync(join(tmpdir(), 'vitrina-telephony-'));
  return {
    dir,
    write: (name, content) => {
      writeFileSync(join(dir, name), content);
      return name;
    },
    append: (name, content) => appendFileSync(join(dir, name), content),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
