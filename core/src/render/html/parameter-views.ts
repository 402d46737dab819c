/**
 * @module The filter bar's model: each parameter of a definition with its label, current value,
 * presets and options in the viewer's language. Select options that come from the data are asked
 * of the engine (its result cache answers repeats); when the source is down the options are left
 * out and the client fetches them later from the options API.
 */
import type { Viewer } from '../../access/viewer.js';
import type { DimensionDefinition, ParameterDefinition, ReportDefinition } from '../../definition/report-definition.js';
import type { ReportEngine } from '../../engine/report-engine.js';
import { localize } from '../../i18n/localize.js';
import { type Locale, type MessageKey, t } from '../../i18n/messages.js';
import { PERIOD_PRESETS, type ResolvedPeriod } from '../../query/period.js';
import type { RawParameters, ResolvedParameters } from '../../query/request-parameters.js';
import { addDays } from '../../util/calendar-date.js';
import type { ParameterView } from './dashboard-state.js';

/** Presets offered when a period parameter lists none. */
const DEFAULT_PRESETS = ['this_month', 'last_month', 'this_quarter', 'last_quarter', 'this_year', 'last_year', 'last_30_days'];

/** The first dimension called `name` in any dataset of the report (labels for options and breakdowns). */
function dimensionNamed(def: ReportDefinition, name: string, dataset?: string): DimensionDefinition | undefined {
  if (dataset && def.datasets[dataset]?.dimensions?.[name]) return def.datasets[dataset]?.dimensions?.[name];
  for (const d of Object.values(def.datasets)) if (d.dimensions?.[name]) return d.dimensions[name];
  return undefined;
}

export function periodLabel(value: string, locale: Locale): string {
  return (PERIOD_PRESETS as readonly string[]).includes(value) ? t(locale, `period.${value}` as MessageKey) : value;
}

/** "1 Nov 2026 – 30 Nov 2026" style text of a half-open [start, end) local-date range. */
export function rangeLabel(start: string, endExclusive: string, locale: Locale): string {
  const last = addDays(endExclusive, -1);
  const format = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const a = new Date(`${start}T00:00:00Z`);
  const b = new Date(`${last}T00:00:00Z`);
  return start === last ? format.format(a) : format.formatRange(a, b);
}

export function optionLabel(def: ReportDefinition, p: ParameterDefinition, value: unknown, locale: Locale): string {
  if (p.type === 'breakdown') {
    const dim = dimensionNamed(def, String(value));
    const grain = `grain.${String(value)}`;
    return localize(dim?.label, locale) ?? (grain in GRAIN_KEYS ? t(locale, grain as MessageKey) : String(value));
  }
  const dim = dimensionNamed(def, p.dimension ?? p.id, p.dataset);
  return localize(dim?.labels?.[String(value)], locale) ?? String(value);
}

const GRAIN_KEYS: Record<string, true> = Object.fromEntries(
  ['hour', 'day', 'week', 'month', 'quarter', 'year', 'weekday', 'hour_of_day'].map((g) => [`grain.${g}`, true]),
);

/** The value as the URL writes it: what the viewer asked for, else the default. */
function urlValue(p: ParameterDefinition, raw: RawParameters, resolved: ResolvedParameters): string | string[] | null {
  const given = raw[p.id];
  if (given !== undefined && given !== null && given !== '') {
    const list = Array.isArray(given) ? given.map(String) : [String(given)];
    // A multiple select may come as repeated keys or comma-separated (the engine reads both): always a list.
    if (p.multiple) return list.flatMap((v) => v.split(',')).filter((v) => v !== '');
    return list.length === 1 ? (list[0] as string) : list;
  }
  const value = resolved[p.id];
  if (value === null || value === undefined) return null;
  if (p.type === 'period') return (value as ResolvedPeriod).value;
  return Array.isArray(value) ? value.map(String) : String(value);
}

export interface ParameterViewContext {
  def: ReportDefinition;
  raw: RawParameters;
  resolved: ResolvedParameters;
  locale: Locale;
  engine?: ReportEngine;
  viewer?: Viewer;
  signal?: AbortSignal;
}

async function selectOptions(ctx: ParameterViewContext, p: ParameterDefinition): Promise<unknown[] | undefined> {
  if (p.options) return p.options;
  if (!ctx.engine) return undefined;
  try {
    return await ctx.engine.parameterOptions(ctx.def.id, p.id, { signal: ctx.signal, viewer: ctx.viewer });
  } catch {
    return undefined; // source down: the page still renders, the client asks the options API later
  }
}

export async function parameterViews(ctx: ParameterViewContext): Promise<ParameterView[]> {
  const { def, locale } = ctx;
  return Promise.all(
    (def.parameters ?? []).map(async (p): Promise<ParameterView> => {
      const view: ParameterView = {
        id: p.id,
        type: p.type,
        label: localize(p.label, locale) ?? p.id,
        value: urlValue(p, ctx.raw, ctx.resolved),
        ...(p.multiple ? { multiple: true } : {}),
        ...(p.required ? { required: true } : {}),
      };
      if (p.type === 'period') {
        const presets = p.presets ?? DEFAULT_PRESETS;
        view.presets = presets.map((value) => ({ value, label: periodLabel(value, locale) }));
        const period = ctx.resolved[p.id] as ResolvedPeriod | null;
        if (period)
          view.resolved = { start: period.start, end: addDays(period.end, -1), label: rangeLabel(period.start, period.end, locale) };
      } else if (p.type === 'select' || p.type === 'breakdown') {
        const options = p.type === 'breakdown' ? p.options : await selectOptions(ctx, p);
        if (options) view.options = options.map((value) => ({ value: String(value), label: optionLabel(def, p, value, locale) }));
      }
      return view;
    }),
  );
}
