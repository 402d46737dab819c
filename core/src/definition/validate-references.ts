/** @module Checks a schema-valid definition beyond the schema: everything it names (datasets, measures, dimensions, sources, parameters) must exist. */
import type { ProblemList } from './definition-checks.js';
import type { JsonDocument } from './json-document.js';
import { createReferenceScope, type ReferenceContext } from './reference-context.js';
import type { ReportDefinition } from './report-definition.js';
import { validateDatasets } from './validate-datasets.js';
import { validatePanels } from './validate-panels.js';
import { validateParameters } from './validate-parameters.js';

export { dimensionNames, type ReferenceContext } from './reference-context.js';

/** The order (parameter ids, datasets, parameters, panels) is the order problems are reported in. */
export function validateReferences(def: ReportDefinition, doc: JsonDocument, context: ReferenceContext): ProblemList {
  const scope = createReferenceScope(def, doc);
  validateDatasets(scope, context.sourceNames);
  validateParameters(scope);
  validatePanels(scope);
  return scope.out;
}
