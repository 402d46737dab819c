/** @module A SQLite source in extract mode passes the conformance suite through its DuckDB extract. */
import { sqliteExtractHarness } from './harnesses/sqlite-extract-harness.js';
import { runConformance } from './run-conformance.js';

runConformance(sqliteExtractHarness);
