/**
 * @module Source options with secrets: values written as {"env": "NAME"} come from the environment;
 * options the connector marks `"x-secret": true` must be written that way, never as literals.
 */
import { VitrinaError } from '../errors/index.js';

type Schema = { properties?: Record<string, Schema & { 'x-secret'?: boolean }> };

function isEnvRef(value: unknown): value is { env: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as { env?: unknown }).env === 'string'
  );
}

export function secretKeys(schema: Schema): string[] {
  return Object.entries(schema.properties ?? {})
    .filter(([, s]) => s['x-secret'] === true)
    .map(([k]) => k);
}

/** Replaces env references by their values. Problems name the source and the option. */
export function resolveSecrets(
  sourceName: string,
  options: Record<string, unknown>,
  schema: Schema,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, unknown> {
  const secrets = new Set(secretKeys(schema));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (isEnvRef(value)) {
      const resolved = env[value.env];
      if (resolved === undefined) {
        throw new VitrinaError('SECRET_MISSING', `environment variable ${value.env} (for '${key}') is not set`, {
          pointer: `/sources/${sourceName}/${key}`,
          hint: `export ${value.env}=… before starting Vitrina`,
        });
      }
      out[key] = resolved;
    } else if (secrets.has(key) && value !== undefined) {
      throw new VitrinaError('CONFIG_INVALID', `'${key}' is a secret and must not be written in the config`, {
        pointer: `/sources/${sourceName}/${key}`,
        hint: `write "${key}": { "env": "${sourceName.toUpperCase().replace(/-/g, '_')}_${key.toUpperCase()}" } and set that variable`,
      });
    } else out[key] = value;
  }
  return out;
}
