/** @module TypeScript shape of vitrina.config.json; `core/schemas/config.schema.json` is the truth. */
import type { AuthConfig, ServerConfig } from '../access/access-config.js';
import type { PdfConfig } from '../render/pdf/browser-pool.js';
import type { AlertConfig, ScheduleConfig, SmtpConfig, TaskConfig } from '../schedule/schedule-types.js';
import type { StateConfig } from '../state/state-config.js';

export interface SourceConfig {
  plugin: string;
  mode?: 'live' | 'extract';
  timeoutSeconds?: number;
  /** Extract sources: check interval for background refresh, e.g. `15m` (s, m, h, d). */
  refresh?: string;
  [option: string]: unknown;
}

export interface ProjectConfig {
  $schema?: string;
  plugins?: string[];
  sources: Record<string, SourceConfig>;
  definitions?: string;
  dataDir?: string;
  /** Folders file connectors may read, relative to the project folder. Default: the project folder. */
  dataFolders?: string[];
  timezone?: string;
  locale?: 'en' | 'ru';
  currency?: string;
  theme?: string;
  weekStart?: 'monday' | 'sunday';
  cache?: { ttlSeconds?: number; maxEntries?: number };
  query?: { timeoutSeconds?: number; maxRows?: number };
  server?: ServerConfig;
  auth?: AuthConfig;
  state?: StateConfig;
  /** Outgoing mail of schedules, alerts and tasks. */
  smtp?: SmtpConfig;
  schedules?: ScheduleConfig[];
  alerts?: AlertConfig[];
  tasks?: TaskConfig[];
  /** The PDF printer (a warm system Chromium). */
  pdf?: PdfConfig;
}

/** Keys of a source block the core owns; the rest are the connector's options. */
export const CORE_SOURCE_KEYS = ['plugin', 'mode', 'timeoutSeconds', 'refresh'] as const;

export const CONFIG_FILE_NAME = 'vitrina.config.json';
