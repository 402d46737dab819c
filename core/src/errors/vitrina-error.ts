/** @module The one error vocabulary shared by the CLI, the server and the tests. */

/**
 * Error codes. A code is stable and machine-readable; the message is for people.
 * `kind` decides the CLI exit code: user errors exit 1, internal errors exit 2.
 */
export const ERROR_CODES = {
  CONFIG_INVALID: 'user',
  CONFIG_NOT_FOUND: 'user',
  DEFINITION_INVALID: 'user',
  DEFINITION_NOT_FOUND: 'user',
  JSON_SYNTAX: 'user',
  PLUGIN_LOAD_FAILED: 'user',
  PLUGIN_INVALID: 'user',
  SOURCE_NOT_FOUND: 'user',
  SOURCE_UNAVAILABLE: 'user',
  SOURCE_CONFIG_INVALID: 'user',
  /** A source's data cannot be loaded as it is (a bad row, value or file); the error names file, line and column. */
  DATA_INVALID: 'user',
  SECRET_MISSING: 'user',
  PARAMETER_INVALID: 'user',
  PERIOD_INVALID: 'user',
  SQL_NOT_READ_ONLY: 'user',
  QUERY_FAILED: 'user',
  QUERY_TIMEOUT: 'user',
  ABORTED: 'user',
  PANEL_NOT_FOUND: 'user',
  REPORT_NOT_FOUND: 'user',
  CHROMIUM_MISSING: 'user',
  BUSY: 'user',
  RENDER_FAILED: 'user',
  RENDER_TIMEOUT: 'user',
  USAGE: 'user',
  // access control (issue 7)
  STATE_UNAVAILABLE: 'user',
  UNAUTHENTICATED: 'user',
  FORBIDDEN: 'user',
  THROTTLED: 'user',
  USER_NOT_FOUND: 'user',
  USER_EXISTS: 'user',
  // schedules, alerts, control tasks (issue 8)
  SCHEDULE_NOT_FOUND: 'user',
  ALERT_NOT_FOUND: 'user',
  TASK_NOT_FOUND: 'user',
  DELIVERY_FAILED: 'user',
  INTERNAL: 'internal',
} as const satisfies Record<string, 'user' | 'internal'>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Where in a file a problem sits. Lines and columns are 1-based. */
export interface ErrorLocation {
  file?: string;
  /** RFC 6901 JSON pointer into the file, '' for the whole document. */
  pointer?: string;
  line?: number;
  column?: number;
}

export interface VitrinaErrorOptions extends ErrorLocation {
  hint?: string;
  cause?: unknown;
  /** Extra problems reported together with this one (all errors of a file at once). */
  problems?: readonly VitrinaError[];
}

export class VitrinaError extends Error {
  override readonly name = 'VitrinaError';
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly location: ErrorLocation;
  readonly problems: readonly VitrinaError[];

  constructor(code: ErrorCode, message: string, options: VitrinaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    const { file, pointer, line, column } = options;
    this.location = { file, pointer, line, column };
    this.problems = options.problems ?? [];
  }

  /** True when the person running Vitrina can fix this (bad input), false for bugs. */
  get isUserError(): boolean {
    return ERROR_CODES[this.code] === 'user';
  }

  /** `file:line:column pointer: message (hint)` — the one-line form used by the CLI. */
  format(): string {
    const { file, line, column, pointer } = this.location;
    let where = file ?? '';
    if (file && line !== undefined) where += `:${line}:${column ?? 1}`;
    if (pointer !== undefined) where += `${where ? ' ' : ''}${pointer === '' ? '/' : pointer}`;
    const head = where ? `${where}: ` : '';
    return `${head}${this.message}${this.hint ? ` — ${this.hint}` : ''}`;
  }

  /** This error and the problems it carries, as a flat list of single problems. */
  flatten(): VitrinaError[] {
    if (this.problems.length === 0) return [this];
    const head = new VitrinaError(this.code, this.message, { ...this.location, hint: this.hint, cause: this.cause });
    return [head, ...this.problems.flatMap((p) => p.flatten())];
  }

  toJSON(): { code: ErrorCode; message: string; hint?: string } & ErrorLocation {
    const out: { code: ErrorCode; message: string; hint?: string } & ErrorLocation = { code: this.code, message: this.message };
    if (this.hint) out.hint = this.hint;
    for (const [k, v] of Object.entries(this.location)) if (v !== undefined) Object.assign(out, { [k]: v });
    return out;
  }
}

/** Wraps anything thrown into a VitrinaError, keeping the original as `cause`. */
export function toVitrinaError(error: unknown, code: ErrorCode = 'INTERNAL', prefix?: string): VitrinaError {
  if (error instanceof VitrinaError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new VitrinaError(code, prefix ? `${prefix}: ${message}` : message, { cause: error });
}

export function isAbortError(error: unknown): boolean {
  return (
    (error instanceof VitrinaError && error.code === 'ABORTED') ||
    (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))
  );
}
