/** @module `defineConnector`: the typed entry point of every plugin. */
import type { ConnectorDefinition } from './connector-types.js';

/**
 * Declares a connector. It returns its argument unchanged; its value is the type check and the
 * single place plugin authors start from.
 *
 * @example
 * export default defineConnector({ name: 'sqlite', apiVersion: 1, configSchema, create })
 */
export function defineConnector<Config>(definition: ConnectorDefinition<Config>): ConnectorDefinition<Config> {
  return definition;
}
