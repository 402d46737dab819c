/** @module The connector contract for plugin authors: types, capabilities, `defineConnector`. */
export { type ConnectorCapabilities, DEFAULT_CAPABILITIES, resolveCapabilities } from './capabilities.js';
export type {
  BadRow,
  BadRowPolicy,
  CallOptions,
  ColumnInfo,
  ConnectorContext,
  ConnectorDefinition,
  ConnectorLogger,
  ExtractTarget,
  HealthResult,
  JsonSchemaObject,
  LoadOutcome,
  LogicalType,
  ReadRequest,
  RowBatch,
  RowSource,
  Source,
  SqlFlavor,
  SqlSource,
  StreamOptions,
  TableInfo,
  TypeFidelity,
} from './connector-types.js';
export { defineConnector } from './define-connector.js';
