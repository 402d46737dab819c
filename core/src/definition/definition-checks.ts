/** @module Collects semantic problems of one definition file, each with its JSON pointer. */
import { didYouMean, VitrinaError } from '../errors/index.js';
import type { JsonDocument } from './json-document.js';
import { pathToPointer } from './json-document.js';

export class ProblemList {
  readonly problems: VitrinaError[] = [];
  constructor(private readonly doc: JsonDocument) {}

  add(path: readonly (string | number)[], message: string, hint?: string): void {
    const pointer = pathToPointer(path);
    this.problems.push(
      new VitrinaError('DEFINITION_INVALID', message, { file: this.doc.file, pointer, ...this.doc.locate(pointer), hint }),
    );
  }

  /** Adds "unknown <what> 'x' in <where>; did you mean 'y'?" when `name` is not among `known`. */
  unknown(path: readonly (string | number)[], what: string, name: string, known: readonly string[], where: string): boolean {
    if (known.includes(name)) return false;
    const hint = didYouMean(name, known, `known ${what}s:`);
    this.add(path, `unknown ${what} '${name}' in ${where}`, hint);
    return true;
  }
}
