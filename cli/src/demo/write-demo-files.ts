/**
 * @module The demo's files beside its CRM database: the calls as an Asterisk Master.csv and as a
 * FreeSWITCH A+B-legs log (both on the PBX's local clock), and the activity plan as a CSV exported
 * "from Excel" (`;`, decimal comma, DD.MM.YYYY, Windows-1251). The telephony and CSV sources of the
 * demo config read them, so the dashboards show calls and plan the way a customer's files arrive.
 */

import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { pbxClock } from './pbx-clock.js';
import { asteriskLine, type DemoCall, freeswitchLines } from './pbx-log-lines.js';
import { encodeWindows1251 } from './windows-1251.js';

/** Paths relative to the project folder, as the config names them. */
export const DEMO_FILES = {
  asterisk: 'data/pbx/asterisk/Master.csv',
  freeswitch: 'data/pbx/freeswitch/Master.csv',
  plan: 'data/plan/activity-plan.csv',
} as const;

export interface DemoFilesOptions {
  /** Project folder. */
  dir: string;
  /** The demo CRM database to read calls and plans from. */
  database: string;
  /** The PBX's time zone (the demo's). */
  timezone: string;
}

async function write(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: Writable): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/** Writes the three files; returns how many calls the logs hold. */
export async function writeDemoFiles(options: DemoFilesOptions): Promise<{ calls: number; planRows: number }> {
  const path = (name: string) => {
    const full = join(options.dir, name);
    mkdirSync(dirname(full), { recursive: true });
    return full;
  };
  const db = new Database(options.database, { readonly: true });
  try {
    const clock = pbxClock(options.timezone);
    const asterisk = createWriteStream(path(DEMO_FILES.asterisk), { highWaterMark: 1 << 20 });
    const freeswitch = createWriteStream(path(DEMO_FILES.freeswitch), { highWaterMark: 1 << 20 });
    let calls = 0;
    let a = '';
    let f = '';
    // A PBX appends each call when it ends; start order is close enough and matches the CRM's index.
    const rows = db
      .prepare(
        'select id, started_at, extension, direction, disposition, ring_seconds, talk_seconds, caller, callee from calls order by started_at, id',
      )
      .iterate() as IterableIterator<DemoCall>;
    for (const call of rows) {
      a += asteriskLine(call, clock);
      f += freeswitchLines(call, clock);
      if (++calls % 5000 === 0) {
        await write(asterisk, a);
        await write(freeswitch, f);
        a = '';
        f = '';
      }
    }
    await write(asterisk, a);
    await write(freeswitch, f);
    await Promise.all([close(asterisk), close(freeswitch)]);

    const plans = db
      .prepare(
        'select p.manager_id, m.name, m.department_id, d.name as department, p.month, p.calls, p.meetings, p.revenue from plans p join managers m on m.id = p.manager_id join departments d on d.id = m.department_id order by p.month, p.manager_id',
      )
      .all() as {
      manager_id: number;
      name: string;
      department_id: number;
      department: string;
      month: string;
      calls: number;
      meetings: number;
      revenue: number;
    }[];
    const lines = ['Табельный номер;Менеджер;Код отдела;Отдел;Месяц;План звонков;План встреч;План выручки, руб.'];
    for (const p of plans) {
      const [y, m, d] = p.month.split('-');
      lines.push(
        [
          p.manager_id,
          p.name,
          p.department_id,
          p.department,
          `${d}.${m}.${y}`,
          p.calls,
          p.meetings,
          p.revenue.toFixed(2).replace('.', ','),
        ].join(';'),
      );
    }
    writeFileSync(path(DEMO_FILES.plan), encodeWindows1251(`${lines.join('\r\n')}\r\n`));
    return { calls, planRows: plans.length };
  } finally {
    db.close();
  }
}
