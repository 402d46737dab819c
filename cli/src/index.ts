/** @module @vitrina/cli: the command line as a library (for tests and embedding). */
export { buildProgram, runCli } from './program.js';
