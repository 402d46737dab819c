/**
 * @module Turns pg's errors into Vitrina errors a person can act on: what failed, where, and what
 * to change. The driver's error stays as `cause`; the core's guard adds the source's name.
 */
import { type ErrorCode, VitrinaError } from '@vitrina/core';

/** The fields of pg's errors (DatabaseError and Node's system errors) this module reads. */
interface DriverError {
  code?: string;
  message?: string;
  detail?: string;
}

/** Socket-level failures: the server is not there (or not reachable) at all. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P03', // the database system is starting up / shutting down
]);
/** A connection that worked and then broke: server restart, admin kill, network drop. */
const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', '57P01', '57P02']);
const LOST_MESSAGES = /Connection terminated|not queryable|Client has encountered a connection error/i;

/** Where this source connects, for messages; never contains the password. */
export interface ConnectionTarget {
  where: string;
  database: string;
  user: string;
}

export function isConnectionLost(error: unknown): boolean {
  const e = error as DriverError;
  return LOST_CODES.has(e?.code ?? '') || LOST_MESSAGES.test(e?.message ?? '');
}

/**
 * The socket broke without the server saying why: typically a pooled connection whose server
 * restarted or whose network path was cut while it sat idle. A server that says why (57P01 admin
 * shutdown, a killed backend) meant it, and is not asked again.
 */
export function isStaleConnection(error: unknown): boolean {
  const e = error as DriverError;
  return isConnectionLost(error) && !/^57P0/.test(e?.code ?? '');
}

function make(code: ErrorCode, message: string, cause: unknown, hint?: string): VitrinaError {
  return new VitrinaError(code, message, { cause, hint });
}

/** A Vitrina error for anything pg throws; the SQLSTATE or errno ends up in the message. */
export function describePostgresError(error: unknown, target: ConnectionTarget): VitrinaError {
  if (error instanceof VitrinaError) return error;
  const e = (error ?? {}) as DriverError;
  const code = e.code ?? '';
  const text = e.message || String(error);
  const at = `PostgreSQL at ${target.where}`;
  if (UNREACHABLE.has(code) || /connect(ion)? timeout|timeout expired/i.test(text)) {
    return make('SOURCE_UNAVAILABLE', `cannot connect to ${at}: ${text}`, error, 'is the server running and reachable from here?');
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) {
    return make(
      'SOURCE_UNAVAILABLE',
      `cannot connect to ${at}: its TLS certificate was rejected (${text})`,
      error,
      'set sslCaFile to the CA that signed it',
    );
  }
  if (/does not support SSL/i.test(text)) {
    return make(
      'SOURCE_UNAVAILABLE',
      `cannot connect to ${at}: ${text}`,
      error,
      'the server has TLS off: use sslmode "disable" or turn TLS on',
    );
  }
  if (isConnectionLost(error)) {
    return make('SOURCE_UNAVAILABLE', `lost the connection to ${at} (${text})`, error, 'the server restarted or is shutting down; retry');
  }
  switch (code) {
    case '28P01':
    case '28000':
      return make(
        'SOURCE_UNAVAILABLE',
        `${at} refused user "${target.user}": ${text}`,
        error,
        'check the user and the environment variable holding the password',
      );
    case '3D000':
      return make('SOURCE_UNAVAILABLE', `database "${target.database}" does not exist on ${at}`, error, 'check "database" or the URL');
    case '57014':
      return /statement timeout/.test(text)
        ? make(
            'QUERY_TIMEOUT',
            `the server stopped the query: ${text}`,
            error,
            'raise statementTimeoutMs for this source or narrow the period',
          )
        : make('ABORTED', `the query was cancelled on the server: ${text}`, error);
    case '25006':
      return make('SQL_NOT_READ_ONLY', `Vitrina reads PostgreSQL read-only: ${text}`, error);
    case '42P01':
    case '3F000':
      return make('QUERY_FAILED', `${text} (SQLSTATE ${code})`, error, 'check the table name in the definition and the "schema" option');
    case '42501':
      return make('QUERY_FAILED', `${text} (SQLSTATE ${code})`, error, `grant SELECT on the CRM tables to "${target.user}"`);
  }
  if (/^[0-9A-Z]{5}$/.test(code)) {
    return make('QUERY_FAILED', `${text}${e.detail ? ` (${e.detail})` : ''} (SQLSTATE ${code})`, error);
  }
  return make('QUERY_FAILED', text, error);
}
