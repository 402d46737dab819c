/**
 * @module The engine facade: a report id, request parameters and a viewer in; every panel's
 * typed result (or its error value) out. Panels run concurrently; one failing panel never
 * blanks the others.
 */

import { basename } from 'node:path';
import { UNRESTRICTED_VIEWER, type Viewer } from '../access/viewer.js';
import type { ProjectConfig } from '../config/project-config.js';
import type { DefinitionFileResult, LoadedReport } from '../definition/definition-loader.js';
import type { DatasetDefinition, PanelDefinition, ReportDefinition } from '../definition/report-definition.js';
import { didYouMean, toVitrinaError, VitrinaError } from '../errors/index.js';
import { localize } from '../i18n/localize.js';
import type { Locale } from '../i18n/messages.js';
import type { PeriodContext } from '../query/period.js';
import { planDimension, planPanel, scopeConditions } from '../query/plan-panel.js';
import { describeParameters, type RawParameters, type ResolvedParameters, resolveParameters } from '../query/request-parameters.js';
import { ResultCache } from '../result/result-cache.js';
import { type PanelOutcome, type PanelResult, panelError, type ResultSet } from '../result/result-set.js';
import { planColumns, type RunContext, runPlan } from '../result/run-plan.js';
import { labelPanel } from '../shape/label-columns.js';
import type { RuntimeSource } from '../source/runtime-source.js';
import { localDateOf } from '../util/time-zone.js';
import { type PanelRunContext, runPanel } from './run-panel.js';
import { type PanelRowStream, planRows, streamable } from './stream-panel.js';

export interface RenderRequest {
  /** Language of titles and labels. Default: the config's locale. */
  locale?: Locale;
  parameters?: RawParameters;
  viewer?: Viewer;
  signal?: AbortSignal;
  /** The moment "today" and run-rates are computed for. Default: now. */
  now?: Date;
}

export interface ReportOutput {
  report: string;
  title: string;
  locale: Locale;
  parameters: Record<string, unknown>;
  panels: PanelOutcome[];
}

export interface EngineOptions {
  config: ProjectConfig;
  sources: ReadonlyMap<string, RuntimeSource>;
  /** Read on every call, so a reloaded definition set takes effect at once. */
  reports: () => ReadonlyMap<string, LoadedReport>;
  /** Definition files that failed validation, to explain why a report is missing. */
  brokenFiles?: () => readonly DefinitionFileResult[];
  now?: () => Date;
}

export class ReportEngine {
  /** Query results, shared by every panel that runs the same SQL. */
  readonly cache: ResultCache<ResultSet>;
  /** Finished panels: a repeat view skips planning, compiling and shaping altogether. */
  readonly panelCache: ResultCache<PanelResult>;

  constructor(private readonly options: EngineOptions) {
    const { cache } = options.config;
    const ttl = (cache?.ttlSeconds ?? 60) * 1000;
    this.cache = new ResultCache<ResultSet>(ttl, cache?.maxEntries ?? 1000);
    this.panelCache = new ResultCache<PanelResult>(ttl, cache?.maxEntries ?? 1000);
  }

  /**
   * Labelled panels by the finished (cached) result and language: a repeat view returns the same
   * object, so the server can reuse its serialized JSON and ETag. Callers must not mutate outcomes.
   */
  readonly #labels = new WeakMap<PanelResult, Map<Locale, PanelResult>>();

  #labelled(result: PanelResult, panel: PanelDefinition, dataset: DatasetDefinition, locale: Locale): PanelResult {
    let byLocale = this.#labels.get(result);
    if (!byLocale) {
      byLocale = new Map();
      this.#labels.set(result, byLocale);
    }
    let labelled = byLocale.get(locale);
    if (!labelled) {
      labelled = labelPanel(result, panel, dataset, locale);
      byLocale.set(locale, labelled);
    }
    return labelled;
  }

  clearCaches(): void {
    this.cache.clear();
    this.panelCache.clear();
  }

  /** Same report, panel, resolved parameters, viewer and data versions → same panel. */
  async #panelKey(def: ReportDefinition, params: ResolvedParameters, panel: PanelDefinition, viewer: Viewer): Promise<string> {
    const datasets = [panel.dataset, panel.target?.dataset].filter((d): d is string => d !== undefined);
    const sourceNames = [...new Set(datasets.map((d) => def.datasets[d]?.source).filter((s): s is string => s !== undefined))];
    const versions = await Promise.all(
      sourceNames.map(
        (name) =>
          this.options.sources
            .get(name)
            ?.version()
            .catch(() => 'unavailable') ?? 'missing',
      ),
    );
    return JSON.stringify([def.id, panel.id, describeParameters(params), viewer, sourceNames, versions]);
  }

  /**
   * How long a panel's result may be reused: the shortest `cacheSeconds` of the datasets it reads,
   * else the cache-wide TTL. The server also uses it for the API's Cache-Control max-age.
   */
  panelTtlMs(def: ReportDefinition, panel: PanelDefinition): number {
    const fallback = (this.options.config.cache?.ttlSeconds ?? 60) * 1000;
    const ttls = [panel.dataset, panel.target?.dataset]
      .filter((d): d is string => d !== undefined)
      .map((d) => {
        const seconds = def.datasets[d]?.cacheSeconds;
        return seconds === undefined ? fallback : seconds * 1000;
      });
    return ttls.length ? Math.min(...ttls) : fallback;
  }

  report(id: string): ReportDefinition {
    const found = this.options.reports().get(id);
    // A report whose file has problems is "broken", not "unknown": say so and where.
    const broken = found ? undefined : this.options.brokenFiles?.().find((f) => f.problems.length && basename(f.file, '.json') === id);
    if (broken) {
      const first = broken.problems[0] as VitrinaError;
      throw new VitrinaError(
        'DEFINITION_INVALID',
        `report '${id}' cannot run: ${broken.file} has ${broken.problems.length} problem(s), the first: ${first.format()}`,
        {
          hint: "run 'vitrina validate' to see them all",
        },
      );
    }
    if (!found)
      throw new VitrinaError('REPORT_NOT_FOUND', `no report '${id}'`, {
        hint: didYouMean(id, [...this.options.reports().keys()], 'reports:'),
      });
    return found.definition;
  }

  #periodContext(request: RenderRequest): PeriodContext {
    return {
      timezone: this.options.config.timezone ?? 'UTC',
      weekStart: this.options.config.weekStart ?? 'monday',
      now: request.now ?? this.options.now?.() ?? new Date(),
    };
  }

  #runContext(request: RenderRequest): RunContext {
    const timeoutSeconds = this.options.config.query?.timeoutSeconds ?? 30;
    return {
      sources: this.options.sources,
      cache: this.cache,
      flavor: { timezone: this.options.config.timezone ?? 'UTC', weekStart: this.options.config.weekStart ?? 'monday' },
      query: { signal: request.signal, timeoutMs: timeoutSeconds * 1000 },
    };
  }

  resolve(id: string, request: RenderRequest = {}): { def: ReportDefinition; params: ResolvedParameters } {
    const def = this.report(id);
    return { def, params: resolveParameters(def, request.parameters ?? {}, this.#periodContext(request)) };
  }

  async #panel(def: ReportDefinition, params: ResolvedParameters, panel: PanelDefinition, request: RenderRequest): Promise<PanelOutcome> {
    // A tasks panel lists control tasks from the state store: the server fills it in, there is no query to run.
    if (panel.type === 'tasks') {
      const title = localize(panel.title, request.locale ?? this.options.config.locale ?? 'en');
      return { id: panel.id, type: panel.type, ...(title ? { title } : {}), columns: [], rows: [] };
    }
    const period = this.#periodContext(request);
    const ctx: PanelRunContext = {
      plan: { def, params, viewer: request.viewer ?? UNRESTRICTED_VIEWER, today: localDateOf(period.now, period.timezone) },
      run: this.#runContext(request),
      period,
      maxRows: this.options.config.query?.maxRows ?? 100_000,
    };
    const dataset = def.datasets[panel.dataset as string] as DatasetDefinition;
    const locale = request.locale ?? this.options.config.locale ?? 'en';
    try {
      const key = this.panelCache.enabled ? await this.#panelKey(def, params, panel, ctx.plan.viewer) : '';
      const cached = key ? this.panelCache.get(key) : undefined;
      const result = cached ?? (await runPanel(panel, ctx));
      if (key && !cached) this.panelCache.set(key, result, this.panelTtlMs(def, panel));
      return this.#labelled(result, panel, dataset, locale);
    } catch (error) {
      const title = localize(panel.title, locale);
      return { ...panelError(panel.id, toVitrinaError(error, 'QUERY_FAILED')), type: panel.type, ...(title ? { title } : {}) };
    }
  }

  /** Every panel of a report. Parameter errors throw (the whole request is wrong); panel errors are values. */
  async render(id: string, given: RenderRequest = {}): Promise<ReportOutput> {
    // One clock reading for the whole report, so every panel sees the same "today".
    const request = { ...given, now: given.now ?? this.options.now?.() ?? new Date() };
    const { def, params } = this.resolve(id, request);
    const panels = await Promise.all(def.panels.map((panel) => this.#panel(def, params, panel, request)));
    const locale = request.locale ?? this.options.config.locale ?? 'en';
    return { report: def.id, title: localize(def.title, locale) ?? def.id, locale, parameters: describeParameters(params), panels };
  }

  async panel(id: string, panelId: string, given: RenderRequest = {}): Promise<PanelOutcome> {
    const request = { ...given, now: given.now ?? this.options.now?.() ?? new Date() };
    const { def, params } = this.resolve(id, request);
    const panel = def.panels.find((p) => p.id === panelId);
    if (!panel)
      throw new VitrinaError('PANEL_NOT_FOUND', `report '${id}' has no panel '${panelId}'`, {
        hint: didYouMean(
          panelId,
          def.panels.map((p) => p.id),
          'panels:',
        ),
      });
    return this.#panel(def, params, panel, request);
  }

  /**
   * One panel's full rows streamed in batches (exports of large tables: memory flat in the row
   * count), or null when the panel's rows are not one query's rows (see `streamable`) and the
   * caller should use {@link panel}. Same plan, filters and row scope as `panel`; the panel's own
   * `limit` applies, `query.maxRows` does not (it guards memory, which a stream does not use).
   * No cache: a full export reads the source.
   */
  async streamPanel(id: string, panelId: string, given: RenderRequest & { batchRows?: number } = {}): Promise<PanelRowStream | null> {
    const request = { ...given, now: given.now ?? this.options.now?.() ?? new Date() };
    const { def, params } = this.resolve(id, request);
    const panel = def.panels.find((p) => p.id === panelId);
    // An unknown panel: `panel` throws PANEL_NOT_FOUND with its did-you-mean hint.
    if (!panel) return this.panel(id, panelId, request).then(() => null);
    if (!streamable(panel)) return null;
    const period = this.#periodContext(request);
    const plan = planPanel(
      { def, params, viewer: request.viewer ?? UNRESTRICTED_VIEWER, today: localDateOf(period.now, period.timezone) },
      panel,
    );
    const dataset = def.datasets[panel.dataset as string] as DatasetDefinition;
    const locale = request.locale ?? this.options.config.locale ?? 'en';
    const labelled = labelPanel({ id: panel.id, columns: planColumns(plan), rows: [] }, panel, dataset, locale);
    return {
      columns: labelled.columns,
      ...(labelled.title ? { title: labelled.title } : {}),
      batches: planRows(plan, this.#runContext(request), given.batchRows),
    };
  }

  /** Options of a select parameter: fixed ones, or the distinct values of its dimension within the viewer's scope. */
  async parameterOptions(id: string, parameterId: string, request: RenderRequest = {}): Promise<unknown[]> {
    const def = this.report(id);
    const p = def.parameters?.find((x) => x.id === parameterId);
    if (!p) throw new VitrinaError('PARAMETER_INVALID', `report '${id}' has no parameter '${parameterId}'`);
    if (p.options) return p.options;
    if (!p.dataset || !p.dimension) return [];
    const dataset = def.datasets[p.dataset];
    if (!dataset) return [];
    const dim = planDimension(dataset, p.dimension);
    const result = await runPlan(
      {
        datasetId: p.dataset,
        dataset,
        dimensions: [dim],
        measures: [],
        conditions: scopeConditions(dataset, request.viewer ?? UNRESTRICTED_VIEWER),
        sqlParameters: {},
        orderBy: [{ key: dim.key, desc: false }],
        limit: 10_000,
      },
      this.#runContext(request),
    );
    return result.rows.map((r) => r[0]).filter((v) => v !== null);
  }
}
