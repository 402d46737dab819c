/** @module Prints VitrinaErrors the way compilers do: `file:line:col pointer: message — hint`. */
import { VitrinaError } from '@vitrina/core';

export function formatProblem(error: VitrinaError): string {
  return `${error.format()}`;
}

/** Flattens an error with attached problems into the list of all of them. */
export function allProblems(error: VitrinaError): VitrinaError[] {
  return [error, ...error.problems];
}

export function printError(error: unknown, stream: NodeJS.WritableStream = process.stderr): void {
  if (error instanceof VitrinaError) {
    for (const problem of allProblems(error)) stream.write(`error: ${formatProblem(problem)}\n`);
    if (!error.isUserError && process.env.VITRINA_DEBUG) stream.write(`${error.stack}\n`);
    return;
  }
  stream.write(`internal error: ${(error as Error)?.message ?? String(error)}\n`);
  if (process.env.VITRINA_DEBUG) stream.write(`${(error as Error)?.stack}\n`);
  else stream.write('set VITRINA_DEBUG=1 for the stack trace, and please report it\n');
}
