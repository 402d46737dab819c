/** @module Connector capability flags and their frozen defaults. */

/**
 * What a connector can do. Every flag has a conservative default here, so a flag added in a later
 * version never breaks a plugin written before it.
 */
export interface ConnectorCapabilities {
  /** Several queries may run at once. Default `false`: the core serialises queries. */
  supportsConcurrentQueries: boolean;
  /** Aborting the signal stops the query at the source. Default `false`. */
  supportsCancellation: boolean;
  /** A SQL source implements `stream` (exports read rows as they go, not all at once). Default `false`. */
  supportsStreaming: boolean;
  /** A row source can read only a time range. Default `false`. */
  supportsTimeRangePushdown: boolean;
  /** A row source can resume reading after a cursor (append-only logs). Default `false`. */
  supportsIncrementalRead: boolean;
  /** Column types come from the source itself. Default `false` (inferred or unknown). */
  supportsPreciseTypes: boolean;
}

export const DEFAULT_CAPABILITIES: Readonly<ConnectorCapabilities> = Object.freeze({
  supportsConcurrentQueries: false,
  supportsCancellation: false,
  supportsStreaming: false,
  supportsTimeRangePushdown: false,
  supportsIncrementalRead: false,
  supportsPreciseTypes: false,
});

export function resolveCapabilities(declared: Partial<ConnectorCapabilities> | undefined): Readonly<ConnectorCapabilities> {
  const known = Object.fromEntries(
    Object.entries(declared ?? {}).filter(([key, value]) => key in DEFAULT_CAPABILITIES && typeof value === 'boolean'),
  );
  return Object.freeze({ ...DEFAULT_CAPABILITIES, ...known });
}
