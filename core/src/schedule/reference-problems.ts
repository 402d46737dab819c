/**
 * @module Schedules, alerts and tasks checked against the report definitions: an unknown report,
 * panel, dataset or measure is named with its config pointer and line when the scheduler starts
 * (and by `vitrina schedule list`), not discovered at 9 a.m. on Monday. The config loader cannot
 * do it: definitions load after the config.
 */
import { didYouMean, VitrinaError } from '../errors/index.js';
import type { Project } from '../project/open-project.js';

export type ReferenceProblem = VitrinaError;

export function scheduleReferenceProblems(project: Project): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const reports = project.definitions.reports;
  const at = (pointer: string, message: string, hint?: string) =>
    problems.push(new VitrinaError('CONFIG_INVALID', message, { file: project.file, pointer, ...project.locate(pointer), hint }));
  const report = (pointer: string, id: string | undefined) => {
    if (id === undefined) return undefined;
    const found = reports.get(id)?.definition;
    if (!found) at(pointer, `no report '${id}'`, didYouMean(id, [...reports.keys()], 'reports:'));
    return found;
  };
  (project.config.schedules ?? []).forEach((s, i) => {
    const def = report(`/schedules/${i}/report`, s.report);
    for (const [j, panel] of (s.panels ?? []).entries())
      if (def && !def.panels.some((p) => p.id === panel))
        at(
          `/schedules/${i}/panels/${j}`,
          `report '${s.report}' has no panel '${panel}'`,
          didYouMean(
            panel,
            def.panels.map((p) => p.id),
            'panels:',
          ),
        );
  });
  (project.config.alerts ?? []).forEach((a, i) => {
    const def = report(`/alerts/${i}/report`, a.report);
    if (!def) return;
    const measureOf = (pointer: string, datasetId: string, measure: string) => {
      const dataset = def.datasets[datasetId];
      if (!dataset)
        return at(
          `${pointer}/dataset`,
          `report '${a.report}' has no dataset '${datasetId}'`,
          didYouMean(datasetId, Object.keys(def.datasets), 'datasets:'),
        );
      if (!dataset.measures?.[measure])
        at(
          `${pointer}/measure`,
          `dataset '${datasetId}' has no measure '${measure}'`,
          didYouMean(measure, Object.keys(dataset.measures ?? {}), 'measures:'),
        );
    };
    measureOf(`/alerts/${i}`, a.dataset, a.measure);
    if (a.target) measureOf(`/alerts/${i}/target`, a.target.dataset, a.target.measure);
    const needsTarget = a.condition.type === 'threshold' && (a.condition.of === 'attainment' || a.condition.of === 'run_rate');
    if (needsTarget && !a.target)
      at(
        `/alerts/${i}/condition/of`,
        `'${a.condition.type === 'threshold' ? a.condition.of : ''}' compares with a plan: give the alert a "target"`,
      );
    if (a.panel && !def.panels.some((p) => p.id === a.panel)) at(`/alerts/${i}/panel`, `report '${a.report}' has no panel '${a.panel}'`);
  });
  (project.config.tasks ?? []).forEach((t, i) => report(`/tasks/${i}/report`, t.report));
  return problems;
}
