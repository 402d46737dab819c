/** @module `vitrina validate`: every problem of the config, plugins, sources and definitions at once. */
import { checkColumns, openProject, scheduleReferenceProblems, type VitrinaError } from '@vitrina/core';
import { PLUGIN_RESOLVE_FROM } from '../cli-paths.js';
import { EXIT_OK, EXIT_USER_ERROR } from '../output/exit-codes.js';
import { allProblems } from '../output/print-problems.js';

export interface ValidateOptions {
  config?: string;
  json?: boolean;
  /** Skip the live check of tables and columns against the sources. */
  offline?: boolean;
}

export async function validateCommand(options: ValidateOptions): Promise<number> {
  const project = await openProject({ configPath: options.config, resolveFrom: PLUGIN_RESOLVE_FROM });
  try {
    const columns = options.offline ? [] : await checkColumns(project);
    // Schedules, alerts and tasks naming a report, panel, dataset or measure that does not exist.
    const scheduled = scheduleReferenceProblems(project);
    const problems: VitrinaError[] = [...project.problems, ...project.definitions.problems, ...scheduled, ...columns].flatMap(allProblems);
    const reports = project.definitions.reports.size;
    if (options.json) {
      process.stdout.write(
        `${JSON.stringify({ ok: problems.length === 0, reports, sources: project.sources.size, problems: problems.map((p) => p.toJSON()) }, null, 2)}\n`,
      );
    } else {
      for (const p of problems) process.stderr.write(`error: ${p.format()}\n`);
      const files = new Set(problems.map((p) => p.location.file ?? 'config')).size;
      if (problems.length)
        process.stderr.write(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}\n`);
      else
        process.stdout.write(
          `ok: ${reports} report${reports === 1 ? '' : 's'}, ${project.sources.size} source${project.sources.size === 1 ? '' : 's'}\n`,
        );
    }
    return problems.length ? EXIT_USER_ERROR : EXIT_OK;
  } finally {
    await project.close();
  }
}
