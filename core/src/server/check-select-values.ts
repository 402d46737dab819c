/**
 * @module Select values checked against the options the data offers. The engine checks fixed
 * options; for options read from a dataset, a value that is not among them would silently give
 * empty panels, so the server answers 400 naming the parameter instead. The options query goes
 * through the result cache; when the source is down the check is skipped (the panels will say so).
 */
import type { Viewer } from '../access/viewer.js';
import type { ReportDefinition } from '../definition/report-definition.js';
import type { ReportEngine } from '../engine/report-engine.js';
import { didYouMean, VitrinaError } from '../errors/index.js';
import type { RawParameters } from '../query/request-parameters.js';

export async function checkSelectValues(
  engine: ReportEngine,
  def: ReportDefinition,
  raw: RawParameters,
  signal?: AbortSignal,
  viewer?: Viewer,
): Promise<void> {
  for (const p of def.parameters ?? []) {
    const given = raw[p.id];
    if (p.type !== 'select' || p.options || !p.dataset || given === undefined || given === null || given === '') continue;
    const values = (Array.isArray(given) ? given : [given]).flatMap((v) => (typeof v === 'string' && p.multiple ? v.split(',') : [v]));
    let options: unknown[];
    try {
      // Within the viewer's scope: the hint must not name values the viewer may not see.
      options = await engine.parameterOptions(def.id, p.id, { signal, viewer });
    } catch {
      continue;
    }
    const allowed = options.map(String);
    const bad = values.find((v) => !allowed.includes(String(v)));
    if (bad !== undefined)
      throw new VitrinaError('PARAMETER_INVALID', `parameter '${p.id}': '${String(bad)}' is not one of its options`, {
        hint: didYouMean(String(bad), allowed, 'options:'),
      });
  }
}
