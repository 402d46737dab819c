/** @module Prints errors the way compilers do: `file:line:col pointer: message — hint`. */
import type { VitrinaError } from '@vitrina/core';

function isVitrinaError(error: unknown): error is VitrinaError {
  return (error as { name?: unknown } | null)?.name === 'VitrinaError';
}

/** Flattens an error with attached problems into the list of all of them. */
export function allProblems(error: VitrinaError): VitrinaError[] {
  return error.flatten();
}

export function printError(error: unknown, stream: NodeJS.WritableStream = process.stderr): void {
  if (isVitrinaError(error)) {
    for (const problem of allProblems(error)) stream.write(`error: ${problem.format()}\n`);
    if (!error.isUserError && process.env.VITRINA_DEBUG) stream.write(`${error.stack}\n`);
    return;
  }
  stream.write(`internal error: ${(error as Error)?.message ?? String(error)}\n`);
  if (process.env.VITRINA_DEBUG) stream.write(`${(error as Error)?.stack}\n`);
  else stream.write('set VITRINA_DEBUG=1 for the stack trace, and please report it\n');
}
