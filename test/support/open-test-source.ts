/** @module Guarded sources built straight from a connector, for connector tests. */
import { type ConnectorDefinition, connectorContext, RuntimeSource } from '@vitrina/core';

const silent = { debug() {}, info() {}, warn() {} };

export interface SourceOpener {
  /** Builds a source named 'crm' through the guard, as the core would. */
  (options: Record<string, unknown>): RuntimeSource;
  /** Destroys every source opened so far (call it before dropping the database). */
  destroyAll(): Promise<void>;
}

export function sourceOpener(connector: ConnectorDefinition<never>): SourceOpener {
  const sources: RuntimeSource[] = [];
  const open = (options: Record<string, unknown>) => {
    const source = RuntimeSource.create(
      'crm',
      connector,
      connector.create(options as never, connectorContext({ sourceName: 'crm', projectDir: '/', log: silent })),
    );
    sources.push(source);
    return source;
  };
  return Object.assign(open, { destroyAll: async () => void (await Promise.all(sources.splice(0).map((s) => s.destroy()))) });
}
