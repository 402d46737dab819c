/**
 * @module Row types of the state store's tables (users, sessions, API tokens, audit log). Times
 * are epoch milliseconds (`bigint` in PostgreSQL, which pg returns as text: read them with
 * `Number`). Structured values (attributes, details, dashboards) are JSON text, so both dialects
 * store them the same way.
 */
import type { Generated } from 'kysely';

export interface UserRow {
  username: string;
  role: string;
  display_name: string | null;
  /** JSON object: the row-scope attributes (`manager_id`, `department_id`, …). */
  attributes: string;
  /** `scrypt$…` (see password-hash.ts); null until a password is set. */
  password_hash: string | null;
  disabled: number;
  created_at: number | string;
  updated_at: number | string;
}

export interface SessionRow {
  /** SHA-256 of the cookie value: a leaked database holds no usable session. */
  id_hash: string;
  username: string;
  created_at: number | string;
  last_seen_at: number | string;
  /** Absolute expiry: the session ends then however active it is. */
  expires_at: number | string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenRow {
  /** Public part of the token (`vt_<id>_<secret>`), shown in listings. */
  id: string;
  secret_hash: string;
  username: string;
  name: string;
  /** JSON array of report ids the token may read, or `["*"]`. */
  dashboards: string;
  created_at: number | string;
  expires_at: number | string | null;
  last_used_at: number | string | null;
  revoked_at: number | string | null;
}

export interface AuditRow {
  id: Generated<number>;
  at: number | string;
  event: string;
  actor: string | null;
  subject: string | null;
  ip: string | null;
  ok: number;
  /** JSON object: what was done (report, parameters, format…). Never a password or token. */
  details: string;
}

export interface StateTables {
  vitrina_users: UserRow;
  vitrina_sessions: SessionRow;
  vitrina_api_tokens: ApiTokenRow;
  vitrina_audit_log: AuditRow;
}
