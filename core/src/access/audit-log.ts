/**
 * @module The audit log: who did what, when, from where. Logins (ok and failed), exports and
 * PDFs with their parameters, user and token changes, definition reloads. Details never hold a
 * password, a token or a session id. Login throttling counts recent failures from here, so every
 * instance sharing the store sees the same count.
 */
import type { Kysely } from 'kysely';
import type { StateTables } from '../state/state-tables.js';

export type AuditEvent =
  | 'login_ok'
  | 'login_failed'
  | 'login_throttled'
  | 'logout'
  | 'setup'
  | 'export'
  | 'pdf'
  | 'user_added'
  | 'user_changed'
  | 'user_password'
  | 'user_disabled'
  | 'user_enabled'
  | 'user_removed'
  | 'token_created'
  | 'token_revoked'
  | 'definitions_reloaded'
  | 'access_denied';

export interface AuditEntry {
  id?: number;
  at: Date;
  event: AuditEvent | string;
  actor?: string;
  subject?: string;
  ip?: string;
  ok: boolean;
  details: Record<string, unknown>;
}

export type NewAuditEntry = Omit<AuditEntry, 'at' | 'id' | 'details' | 'ok'> & { ok?: boolean; details?: Record<string, unknown> };

export class AuditLog {
  constructor(
    private readonly db: Kysely<StateTables>,
    private readonly now: () => number,
  ) {}

  async record(entry: NewAuditEntry): Promise<void> {
    await this.db
      .insertInto('vitrina_audit_log')
      .values({
        at: this.now(),
        event: entry.event,
        actor: entry.actor ?? null,
        subject: entry.subject ?? null,
        ip: entry.ip ?? null,
        ok: entry.ok === false ? 0 : 1,
        details: JSON.stringify(entry.details ?? {}),
      })
      .execute();
  }

  /** Newest first. */
  async list(options: { since?: Date; limit?: number; event?: string } = {}): Promise<AuditEntry[]> {
    let query = this.db
      .selectFrom('vitrina_audit_log')
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit ?? 1000);
    if (options.since) query = query.where('at', '>=', options.since.getTime());
    if (options.event) query = query.where('event', '=', options.event);
    return (await query.execute()).map((r) => ({
      id: Number(r.id),
      at: new Date(Number(r.at)),
      event: r.event,
      ...(r.actor !== null ? { actor: r.actor } : {}),
      ...(r.subject !== null ? { subject: r.subject } : {}),
      ...(r.ip !== null ? { ip: r.ip } : {}),
      ok: Number(r.ok) === 1,
      details: JSON.parse(r.details) as Record<string, unknown>,
    }));
  }

  /** Failed logins since `since` for an account (`subject`) or an address (`ip`). */
  async failures(key: { subject: string } | { ip: string }, since: number): Promise<number> {
    const column = 'subject' in key ? 'subject' : 'ip';
    const value = 'subject' in key ? key.subject : key.ip;
    const row = await this.db
      .selectFrom('vitrina_audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('event', '=', 'login_failed')
      .where(column, '=', value)
      .where('at', '>=', since)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** When this account last logged in, to restart its failure count after a success. */
  async lastLogin(username: string): Promise<number> {
    const row = await this.db
      .selectFrom('vitrina_audit_log')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('event', '=', 'login_ok')
      .where('subject', '=', username)
      .executeTakeFirst();
    return row?.at == null ? 0 : Number(row.at);
  }
}
