/** @module Options of the PostgreSQL connector, as a JSON Schema (validated by the core) and a type. */

export type SslMode = 'disable' | 'require' | 'verify-ca' | 'verify-full';

export interface PostgresOptions {
  /**
   * `postgres://user@host:port/database`. A secret (it usually carries the password), so it comes
   * from an environment variable. Separate fields, when given too, win over the URL's parts.
   */
  url?: string;
  /** Host name, IP address, or a unix-socket directory (starting with `/`). Default `localhost`. */
  host?: string;
  /** Default 5432. */
  port?: number;
  database?: string;
  user?: string;
  /** A secret: only from an environment variable (`{ "env": "CRM_PASSWORD" }`). */
  password?: string;
  /** Default `disable` unless the URL says otherwise. */
  sslmode?: SslMode;
  /** PEM file of the certificate authority for `verify-ca` / `verify-full`, relative to the config. */
  sslCaFile?: string;
  /** Schemas searched for unqualified table names (`search_path`). Default: the server's. */
  schema?: string | string[];
  /** Connections kept by this source. Default 10. */
  poolSize?: number;
  /** How long opening one connection may take. Default 10000. */
  connectTimeoutMs?: number;
  /** How long a query waits for a free connection when all are busy, then fails. Default 10000. */
  poolWaitMs?: number;
  /** Server-side limit for one statement (`statement_timeout`). Default 30000; 0 turns it off. */
  statementTimeoutMs?: number;
}

export const POSTGRES_DEFAULTS = {
  port: 5432,
  poolSize: 10,
  connectTimeoutMs: 10_000,
  poolWaitMs: 10_000,
  statementTimeoutMs: 30_000,
} as const;

const identifier = { type: 'string', minLength: 1, maxLength: 63 } as const;

export const postgresOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  // The core shows this description as the hint when neither is given.
  description: 'give "url" (from an environment variable) or "database" with host, port, user and password',
  anyOf: [{ required: ['url'] }, { required: ['database'] }],
  properties: {
    url: {
      type: 'string',
      pattern: '^postgres(ql)?://',
      'x-secret': true,
      description: 'Connection URL (postgres://user:password@host:5432/database); from an environment variable.',
    },
    host: { type: 'string', minLength: 1, description: 'Host name, IP address or unix-socket directory. Default localhost.' },
    port: { type: 'integer', minimum: 1, maximum: 65535, default: POSTGRES_DEFAULTS.port },
    database: { type: 'string', minLength: 1 },
    user: { type: 'string', minLength: 1 },
    password: { type: 'string', 'x-secret': true, description: 'From an environment variable: { "env": "NAME" }.' },
    sslmode: { type: 'string', enum: ['disable', 'require', 'verify-ca', 'verify-full'] },
    sslCaFile: { type: 'string', minLength: 1, description: 'CA certificate (PEM) for verify-ca / verify-full.' },
    schema: {
      anyOf: [identifier, { type: 'array', items: identifier, minItems: 1 }],
      description: 'search_path: the schema(s) holding the CRM tables.',
    },
    poolSize: { type: 'integer', minimum: 1, maximum: 1000, default: POSTGRES_DEFAULTS.poolSize },
    connectTimeoutMs: { type: 'integer', minimum: 1, default: POSTGRES_DEFAULTS.connectTimeoutMs },
    poolWaitMs: { type: 'integer', minimum: 1, default: POSTGRES_DEFAULTS.poolWaitMs },
    statementTimeoutMs: { type: 'integer', minimum: 0, default: POSTGRES_DEFAULTS.statementTimeoutMs },
  },
} as const;
