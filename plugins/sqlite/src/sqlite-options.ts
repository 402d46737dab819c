/** @module Options of the SQLite connector, as a JSON Schema (validated by the core) and a type. */

export interface SqliteOptions {
  /** Database file, relative to vitrina.config.json. */
  file: string;
  /** Default `true`: Vitrina only reads. */
  readonly?: boolean;
  /** Milliseconds to wait on a locked database. Default 5000. */
  busyTimeoutMs?: number;
}

export const sqliteOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['file'],
  properties: {
    file: { type: 'string', minLength: 1, description: 'Path of the SQLite database file, relative to vitrina.config.json.' },
    readonly: { type: 'boolean', default: true, description: 'Open read-only (default). Vitrina never writes to a CRM database.' },
    busyTimeoutMs: { type: 'integer', minimum: 0, default: 5000 },
  },
} as const;
