/**
 * @module The one place where error codes become HTTP statuses, and the error body every API
 * error has: `{ error: { code, message, hint } }`. Routes throw; the central handler maps.
 */
import { type ErrorCode, toVitrinaError, VitrinaError } from '../errors/index.js';

/** Codes the HTTP layer adds to the engine's vocabulary. */
export type HttpOnlyCode = 'NOT_FOUND' | 'ASSET_NOT_FOUND' | 'CLIENT_NOT_BUILT' | 'PAYLOAD_TOO_LARGE';

const STATUS: Partial<Record<ErrorCode | HttpOnlyCode, number>> = {
  NOT_FOUND: 404,
  ASSET_NOT_FOUND: 404,
  CLIENT_NOT_BUILT: 404,
  REPORT_NOT_FOUND: 404,
  PANEL_NOT_FOUND: 404,
  DEFINITION_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  PARAMETER_INVALID: 400,
  PERIOD_INVALID: 400,
  USAGE: 400,
  PAYLOAD_TOO_LARGE: 414,
  // The report exists but its definition is broken (and no earlier valid version is known).
  DEFINITION_INVALID: 500,
  SOURCE_UNAVAILABLE: 503,
  SOURCE_NOT_FOUND: 503,
  // A source file with bad data (the admin fixes the file): the previous extract keeps serving, so try later.
  DATA_INVALID: 503,
  PLUGIN_LOAD_FAILED: 503,
  QUERY_TIMEOUT: 504,
  ABORTED: 503,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  THROTTLED: 429,
  USER_NOT_FOUND: 404,
  USER_EXISTS: 409,
  STATE_UNAVAILABLE: 503,
  // The PDF printer: full queue and a missing browser are "try later / ask the admin", a stuck page is a timeout.
  BUSY: 503,
  CHROMIUM_MISSING: 503,
  RENDER_TIMEOUT: 504,
  RENDER_FAILED: 503,
};

export function statusOf(code: string): number {
  return STATUS[code as ErrorCode] ?? 500;
}

/** An error raised by the HTTP layer itself (unknown route, missing asset). */
export class HttpProblem extends Error {
  constructor(
    readonly code: HttpOnlyCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; hint?: string };
}

/**
 * What a viewer may see of an error. Internal errors (bugs) show a generic message: their text
 * may name files or SQL; the full error goes to the log.
 */
export function publicError(error: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (error instanceof HttpProblem) {
    return {
      status: statusOf(error.code),
      body: { error: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) } },
      internal: false,
    };
  }
  const e = error instanceof VitrinaError ? error : toVitrinaError(error);
  if (!e.isUserError)
    return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error: see the server log' } }, internal: true };
  return {
    status: statusOf(e.code),
    body: { error: { code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}) } },
    internal: false,
  };
}
