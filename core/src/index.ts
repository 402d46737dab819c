/** @module @vitrina/core: the engine's public surface. */
export { type AttributeValue, scopedViewer, UNRESTRICTED_VIEWER, type Viewer } from './access/viewer.js';
export { type LoadedConfig, loadConfig } from './config/load-config.js';
export { CONFIG_FILE_NAME, type ProjectConfig, type SourceConfig } from './config/project-config.js';
export * from './connector/index.js';
export {
  checkDefinitionText,
  type DefinitionFileResult,
  type DefinitionSet,
  type LoadedReport,
  loadDefinitionDir,
  loadDefinitionFile,
} from './definition/definition-loader.js';
export type * from './definition/report-definition.js';
export { configSchema, reportSchema } from './definition/schema-registry.js';
export { type EngineOptions, type RenderRequest, ReportEngine, type ReportOutput } from './engine/report-engine.js';
export * from './errors/index.js';
export type {
  BadRowSummary,
  ExtractManifest,
  ExtractRegistry,
  LoadProgress,
  LoadReport,
  RefreshOptions,
} from './extract/extract-types.js';
export { type FormatOptions, formatValue } from './i18n/format-value.js';
export { LOCALES, type Locale } from './i18n/messages.js';
export { checkColumns } from './project/check-columns.js';
export { type OpenProjectOptions, openProject, type Project } from './project/open-project.js';
export { compileQuery } from './query/compile-query.js';
export { PERIOD_PRESETS, type ResolvedPeriod, resolvePeriod } from './query/period.js';
export { planPanel } from './query/plan-panel.js';
export type { QueryPlan } from './query/query-plan.js';
export type { RawParameters } from './query/request-parameters.js';
export { flavorRules } from './query/sql-flavor.js';
export { ResultCache } from './result/result-cache.js';
export {
  isPanelError,
  type PanelError,
  type PanelOutcome,
  type PanelResult,
  type ResultColumn,
  type ResultSet,
} from './result/result-set.js';
export { type ReferenceProblem, scheduleReferenceProblems } from './schedule/reference-problems.js';
export { type ConnectorContextOptions, connectorContext } from './source/connector-context.js';
export { RuntimeSource } from './source/runtime-source.js';
export { localTimestampOf, offsetAt } from './util/time-zone.js';
export { transliterate } from './util/transliterate.js';
