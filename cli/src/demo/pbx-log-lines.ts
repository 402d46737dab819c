/**
 * @module One demo call as the PBXs would log it: an Asterisk `cdr_csv` Master.csv line (21 fields,
 * with linkedid and sequence) and FreeSWITCH `mod_cdr_csv` lines of the stock `example` template
 * with `legs="ab"` (the B-leg to the extension or the trunk, then the A-leg naming it in bleg_uuid).
 */
import type { PbxClock } from './pbx-clock.js';

/** A row of the demo CRM's `calls` table. */
export interface DemoCall {
  id: number;
  started_at: string;
  extension: string;
  direction: string;
  disposition: string;
  ring_seconds: number;
  talk_seconds: number;
  caller: string;
  callee: string;
}

/** The trunk every demo call uses (the PBX's provider). */
export const DEMO_TRUNK = 'trunk-mts';

const ASTERISK_DISPOSITION: Record<string, string> = { answered: 'ANSWERED', no_answer: 'NO ANSWER', busy: 'BUSY', failed: 'FAILED' };
const q = (text: string) => (text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`);
/** PBXs log bare digits: '+7 916 123-45-67' → '79161234567'. */
const digits = (phone: string) => phone.replace(/\D/g, '');

interface Times {
  start: string;
  answer: string;
  end: string;
}

function times(call: DemoCall, clock: PbxClock): Times {
  const answered = call.disposition === 'answered';
  return {
    start: clock.local(call.started_at),
    answer: answered ? clock.local(call.started_at, call.ring_seconds) : '',
    end: clock.local(call.started_at, call.ring_seconds + call.talk_seconds),
  };
}

export function asteriskLine(call: DemoCall, clock: PbxClock): string {
  const t = times(call, clock);
  const suffix = call.id.toString(16).padStart(8, '0');
  const inbound = call.direction === 'inbound';
  const outside = digits(inbound ? call.caller : call.callee);
  const ext = call.extension;
  const [src, dst, context, channel, dstchannel, lastdata] = inbound
    ? [outside, ext, 'from-trunk', `SIP/${DEMO_TRUNK}-${suffix}`, `SIP/${ext}-${suffix}`, `SIP/${ext},60`]
    : [ext, outside, 'from-internal', `SIP/${ext}-${suffix}`, `SIP/${DEMO_TRUNK}-${suffix}`, `SIP/${DEMO_TRUNK}/${outside},60`];
  const uniqueid = `${clock.epoch(call.started_at)}.${call.id}`;
  const duration = call.ring_seconds + call.talk_seconds;
  return `"",${q(src)},${q(dst)},${q(context)},${q(`"${src}" <${src}>`)},${q(channel)},${q(dstchannel)},"Dial",${q(lastdata)},${q(t.start)},${q(t.answer)},${q(t.end)},${duration},${call.talk_seconds},${q(ASTERISK_DISPOSITION[call.disposition] ?? 'FAILED')},"DOCUMENTATION",${q(uniqueid)},"","",${q(uniqueid)},${call.id}\n`;
}

/** Deterministic uuids: the call id in the last group, the leg in the fourth. */
const uuid = (id: number, leg: 'a' | 'b') =>
  `${id.toString(16).padStart(8, '0')}-0000-4000-${leg === 'a' ? 'a' : 'b'}000-${id.toString(16).padStart(12, '0')}`;

const CAUSE: Record<string, string> = {
  answered: 'NORMAL_CLEARING',
  no_answer: 'NO_ANSWER',
  busy: 'USER_BUSY',
  failed: 'NORMAL_TEMPORARY_FAILURE',
};

/** B-leg (when the call reached the other side's phone or trunk) then A-leg, as FreeSWITCH writes them. */
export function freeswitchLines(call: DemoCall, clock: PbxClock): string {
  const t = times(call, clock);
  const inbound = call.direction === 'inbound';
  const outside = digits(inbound ? call.caller : call.callee);
  const [from, to] = inbound ? [outside, call.extension] : [call.extension, outside];
  const duration = call.ring_seconds + call.talk_seconds;
  const reached = call.disposition !== 'failed';
  const line = (leg: 'a' | 'b', context: string, cause: string, bleg: string, account: string) =>
    `${[from, from, to, context, t.start, t.answer, t.end, String(duration), String(call.talk_seconds), cause, uuid(call.id, leg), bleg, account, 'PCMA', 'PCMA'].map(q).join(',')}\n`;
  // A caller who hangs up while the extension rings shows up on the A-leg as ORIGINATOR_CANCEL.
  const aCause =
    inbound && call.disposition === 'no_answer' ? 'ORIGINATOR_CANCEL' : (CAUSE[call.disposition] ?? 'NORMAL_TEMPORARY_FAILURE');
  const a = line('a', inbound ? 'public' : 'default', aCause, reached ? uuid(call.id, 'b') : '', inbound ? '' : call.extension);
  return reached ? line('b', 'default', CAUSE[call.disposition] ?? 'NO_ANSWER', '', inbound ? call.extension : '') + a : a;
}
