/** @module The SQLite connector passes the conformance suite. */
import { sqliteHarness } from './harnesses/sqlite-harness.js';
import { runConformance } from './run-conformance.js';

runConformance(sqliteHarness);
