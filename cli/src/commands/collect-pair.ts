/** @module Parses repeated `--param k=v` options (kept free of engine imports: it runs for --help too). */
import { InvalidArgumentError } from 'commander';

/** Collects repeated `--param k=v` into { k: v } (a key given twice becomes a list). */
export function collectPair(value: string, previous: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const at = value.indexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`expected key=value, got '${value}' (e.g. --param period=last_month)`);
  const key = value.slice(0, at);
  const v = value.slice(at + 1);
  const old = previous[key];
  return { ...previous, [key]: old === undefined ? v : [old, v].flat() };
}
