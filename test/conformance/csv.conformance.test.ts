/** @module The CSV plugin passes the conformance suite, one file (and source) per fixture table, through its DuckDB extract. */
import { csvHarness } from './harnesses/csv-harness.js';
import { runConformance } from './run-conformance.js';

runConformance(csvHarness);
