/** @module Checks each parameter's own settings: period defaults and presets, select and breakdown options, number defaults. */
import { closest } from '../errors/index.js';
import { isValidPeriodText, PERIOD_FORMS, PERIOD_PRESETS } from '../query/period.js';
import { checkDimensionRef, type Path, type ReferenceScope } from './reference-context.js';
import type { DatasetDefinition } from './report-definition.js';

/** A value as written, for messages: strings in quotes like names, anything else as JSON (never `String()`: objects have no prototype). */
function shown(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/** A near preset is the likely intent ('last_30_dayz'); otherwise list the forms a period takes. */
function periodHint(text: unknown): string {
  const near = typeof text === 'string' ? closest(text.trim(), PERIOD_PRESETS) : undefined;
  return near ? `did you mean '${near}'?` : `write ${PERIOD_FORMS}`;
}

/** Duplicate ids are reported earlier, when the scope indexes the parameters. */
export function validateParameters(scope: ReferenceScope): void {
  const { def, out, datasetIds } = scope;
  for (const [i, p] of (def.parameters ?? []).entries()) {
    const at: Path = ['parameters', i];
    if (p.type === 'period' && p.default !== undefined && (typeof p.default !== 'string' || !isValidPeriodText(p.default))) {
      out.add([...at, 'default'], `default ${shown(p.default)} of parameter '${p.id}' is not a period`, periodHint(p.default));
    }
    for (const [k, preset] of (p.presets ?? []).entries())
      if (!isValidPeriodText(preset)) out.add([...at, 'presets', k], `'${preset}' is not a period`, periodHint(preset));
    if (p.type === 'select') {
      if (!p.options && !(p.dataset && p.dimension))
        out.add(at, `select parameter '${p.id}' needs 'options' or a 'dataset' and 'dimension' to take options from`);
      if (p.dataset && !out.unknown([...at, 'dataset'], 'dataset', p.dataset, datasetIds, `parameter '${p.id}'`) && p.dimension) {
        const ds = def.datasets[p.dataset] as DatasetDefinition;
        checkDimensionRef(scope, ds, p.dataset, p.dimension, [...at, 'dimension'], `parameter '${p.id}'`);
      }
    }
    if (p.type === 'breakdown') {
      if (!p.options?.length) out.add(at, `breakdown parameter '${p.id}' needs 'options' (the dimensions to choose from)`);
      if (p.default !== undefined && !p.options?.includes(p.default as string))
        out.add([...at, 'default'], `default ${shown(p.default)} of breakdown '${p.id}' is not one of its options`);
    }
    if (p.type === 'number' && p.default !== undefined && typeof p.default !== 'number')
      out.add([...at, 'default'], `default of number parameter '${p.id}' must be a number`);
  }
}
