/** @module Checks that what a plugin exported is a usable connector definition. */
import type { ConnectorDefinition } from '../connector/connector-types.js';
import { VitrinaError } from '../errors/index.js';

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function assertConnector(value: unknown, spec: string): ConnectorDefinition {
  const problem = (message: string, hint?: string) =>
    new VitrinaError('PLUGIN_INVALID', `plugin '${spec}' ${message}`, {
      hint: hint ?? 'a plugin default-exports defineConnector({ name, apiVersion: 1, configSchema, create })',
    });
  if (typeof value !== 'object' || value === null) throw problem('has no default export of a connector');
  const c = value as Partial<ConnectorDefinition>;
  if (typeof c.name !== 'string' || !NAME.test(c.name))
    throw problem(`has an invalid name ${JSON.stringify(c.name)}`, 'names are kebab-case, e.g. "sqlite" or "my-crm"');
  if (c.apiVersion !== 1)
    throw problem(
      `declares apiVersion ${JSON.stringify(c.apiVersion)}, but this Vitrina supports apiVersion 1`,
      'upgrade Vitrina or use a plugin version written for apiVersion 1',
    );
  if (typeof c.configSchema !== 'object' || c.configSchema === null) throw problem('has no configSchema object');
  if (typeof c.create !== 'function') throw problem('has no create() function');
  return c as ConnectorDefinition;
}
