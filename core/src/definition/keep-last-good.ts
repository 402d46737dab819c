/**
 * @module Hot reload without downtime: when a definition file that was valid becomes invalid, its
 * last valid version keeps serving (marked `stale`) while the problems are reported. A file that
 * was deleted, or that was never valid, has nothing to keep.
 */
import type { DefinitionSet, LoadedReport } from './definition-loader.js';

export function keepLastGood(previous: DefinitionSet, next: DefinitionSet): DefinitionSet {
  const byFile = new Map<string, LoadedReport>();
  for (const report of previous.reports.values()) byFile.set(report.file, report);
  const reports = new Map(next.reports);
  for (const file of next.files) {
    if (file.report || file.problems.length === 0) continue;
    const old = byFile.get(file.file);
    // Another valid file may have taken the id meanwhile: it wins over a stale copy.
    if (old && !reports.has(old.definition.id)) reports.set(old.definition.id, { ...old, stale: true });
  }
  return { ...next, reports };
}
