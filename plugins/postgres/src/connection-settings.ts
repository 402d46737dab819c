/**
 * @module Where and how to connect: the URL and the separate fields merged into one pg client
 * config, TLS options with libpq's meaning of `sslmode`, and a password-free description for
 * messages.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import { VitrinaError } from '@vitrina/core';
import type { ConnectionTarget } from './postgres-errors.js';
import { POSTGRES_DEFAULTS, type PostgresOptions, type SslMode } from './postgres-options.js';

export interface ConnectionSettings {
  host?: string;
  port: number;
  database?: string;
  user?: string;
  password?: string;
  ssl: false | ConnectionOptions;
  target: ConnectionTarget;
}

/**
 * The URL is read here rather than by pg: pg lets every part of a URL override the separate
 * options, an empty password included, so `url` + `password` from two variables would not work.
 * Separate fields win over the URL's parts.
 */
function fromUrl(url: string): Partial<PostgresOptions> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new VitrinaError('SOURCE_CONFIG_INVALID', "'url' is not a valid postgres:// URL", { cause: error });
  }
  const part = (text: string) => (text ? decodeURIComponent(text) : undefined);
  const sslmode = parsed.searchParams.get('sslmode') ?? undefined;
  if (sslmode && !['disable', 'require', 'verify-ca', 'verify-full', 'prefer', 'allow'].includes(sslmode)) {
    throw new VitrinaError('SOURCE_CONFIG_INVALID', `'url' has an unknown sslmode '${sslmode}'`);
  }
  return {
    host: part(parsed.hostname) ?? parsed.searchParams.get('host') ?? undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    database: part(parsed.pathname.slice(1)),
    user: part(parsed.username),
    password: part(parsed.password),
    // prefer/allow try plain text first in libpq; Vitrina never silently downgrades, so plain.
    sslmode: sslmode === 'prefer' || sslmode === 'allow' ? 'disable' : (sslmode as SslMode | undefined),
  };
}

function tlsOptions(mode: SslMode | undefined, caFile: string | undefined, projectDir: string): false | ConnectionOptions {
  if (!mode || mode === 'disable') return false;
  // libpq's `require` encrypts without checking the certificate; verify-* check it.
  if (mode === 'require') return { rejectUnauthorized: false };
  let ca: string | undefined;
  if (caFile) {
    const path = resolve(projectDir, caFile);
    try {
      ca = readFileSync(path, 'utf8');
    } catch (error) {
      throw new VitrinaError('SOURCE_CONFIG_INVALID', `cannot read sslCaFile ${path}: ${(error as Error).message}`, { cause: error });
    }
  }
  // verify-ca trusts any host name on a certificate signed by the CA; verify-full checks it too.
  return mode === 'verify-ca' ? { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined } : { rejectUnauthorized: true, ca };
}

/** Reads the CA file, so it runs in `init`, never in `create`. */
export function connectionSettings(options: PostgresOptions, projectDir: string): ConnectionSettings {
  const url = options.url ? fromUrl(options.url) : {};
  const pick = <K extends keyof PostgresOptions>(key: K): PostgresOptions[K] => options[key] ?? url[key];
  const host = pick('host');
  const port = pick('port') ?? POSTGRES_DEFAULTS.port;
  const user = pick('user');
  const database = pick('database') ?? user;
  return {
    host,
    port,
    database,
    user,
    password: pick('password'),
    ssl: tlsOptions(pick('sslmode'), options.sslCaFile, projectDir),
    target: {
      where: `${host ?? 'localhost'}:${port}/${database ?? ''}`,
      database: database ?? '',
      user: user ?? process.env.PGUSER ?? process.env.USER ?? '',
    },
  };
}
