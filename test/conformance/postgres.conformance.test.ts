/** @module The PostgreSQL connector passes the conformance suite. */
import { postgresHarness } from './harnesses/postgres-harness.js';
import { runConformance } from './run-conformance.js';

runConformance(postgresHarness);
