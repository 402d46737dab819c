/** @module What a connector's conformance test supplies: how to load the fixture into its source, and skips with reasons. */
import type { Fixture } from './fixture.js';

/** Every case of the suite, by id: a skip names one of these. */
export const CONFORMANCE_CASES = [
  'types-and-nulls',
  'timestamp-values',
  'text-round-trip',
  'grains-timestamp',
  'grains-date',
  'zone-boundaries',
  'week-start-sunday',
  'dst-edges',
  'filter-operators',
  'filter-parameters',
  'filter-parameters-between',
  'aggregations',
  'aggregations-empty',
  'aggregations-dates',
  'period-presets',
  'period-custom',
  'compare-previous-period',
  'compare-previous-year',
  'compare-by-month',
  'breakdown',
  'top-n-other',
  'join',
  'row-scope',
  'row-scope-options',
  'sql-dataset',
  'health-ok',
  'health-broken',
  'error-missing-table',
  'error-broken-source',
  'error-bad-parameters',
  'cancellation',
  'cancellation-server',
  'cancellation-early',
  'large-result',
  'streaming',
] as const;

export type ConformanceCase = (typeof CONFORMANCE_CASES)[number];

export interface LoadedFixture {
  /** The source's block in vitrina.config.json, `plugin` included, reaching the loaded fixture. */
  source: Record<string, unknown>;
  /**
   * For connectors whose source holds one table (a CSV file, a call log): the source of each other
   * fixture table, by table name. `source` then holds the `sales` table; the suite names these
   * `data_<table>` and points the datasets (and SQL datasets) reading that table at them. Cases that
   * join two tables of one source cannot run on such a connector: its harness skips them.
   */
  tableSources?: Record<string, Record<string, unknown>>;
  /** Top-level config members the sources need, e.g. `dataFolders` for files outside the project folder. */
  config?: Record<string, unknown>;
  /** A block of the same connector that cannot work (missing file, closed port): its health must be `{ ok: false }`. */
  brokenSource: Record<string, unknown>;
  /**
   * Texts of the queries running in the source right now, other than the probe's own. Lets the
   * suite prove that an aborted request stopped its query at the server, not only in Vitrina.
   */
  runningQueries?(): Promise<string[]>;
  /** Drops what `load` created. */
  cleanup(): Promise<void>;
}

export interface ConnectorHarness {
  /** Shown in the suite's title, e.g. `sqlite`. */
  name: string;
  /** The plugin spec for the config's `plugins` list (a package name or an absolute path). */
  plugin: string;
  /** Loads every fixture table into a fresh database, file or folder of this connector. */
  load(fixture: Fixture): Promise<LoadedFixture>;
  /** Cases this connector cannot pass, each with the reason printed in the test's title. */
  skips?: Partial<Record<ConformanceCase, string>>;
}
