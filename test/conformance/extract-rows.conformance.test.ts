/** @module A row source passes the conformance suite through its DuckDB extract. */
import { extractRowsHarness } from './harnesses/extract-rows-harness.js';
import { runConformance } from './run-conformance.js';

runConformance(extractRowsHarness);
