/**
 * @module The JSON API's response memo: the finished body and ETag of a successful report or panel
 * answer, so a repeat request skips parameter resolution, select checks, cache-key building and
 * serialisation. Sign-in and report visibility still run on every request (the memo is consulted
 * by the route, after the auth middleware); the entry is keyed by everything the answer depends
 * on — report, panel, the query string, the language and the viewer's row scope — and is served
 * only while it would still be the answer: the definitions are the ones it was built from, every
 * source it read still reports the same data version, its TTL (the datasets' `cacheSeconds`)
 * has not run out and the local day ("today" of relative periods) has not turned.
 * Bounded: least recently used entries go first beyond `maxEntries` or `maxBytes`.
 */
import { UNRESTRICTED_VIEWER, type Viewer } from '../access/viewer.js';
import type { DefinitionSet } from '../definition/definition-loader.js';
import type { PanelDefinition, ReportDefinition } from '../definition/report-definition.js';
import type { Project } from '../project/open-project.js';
import { localMidnight } from '../query/period.js';
import { addDays } from '../util/calendar-date.js';
import { localDateOf } from '../util/time-zone.js';
import type { JsonBody } from './cached-json.js';

export interface MemoLimits {
  /** Most entries. Default: the config's `cache.maxEntries`, else 1000. */
  maxEntries?: number;
  /** Most bytes of bodies and keys. Default 32 MiB. */
  maxBytes?: number;
}

interface Entry extends JsonBody {
  expires: number;
  sources: readonly string[];
  versions: readonly string[];
  bytes: number;
}

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

/** Sources whose data version a report answer depends on. */
export type SourceVersions = { sources: readonly string[]; versions: readonly string[] };

export class ResponseMemo {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  #bytes = 0;
  #definitions: DefinitionSet;
  hits = 0;
  misses = 0;

  constructor(
    private readonly project: Project,
    limits: MemoLimits = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.#maxEntries = limits.maxEntries ?? project.config.cache?.maxEntries ?? 1000;
    this.#maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
    this.#definitions = project.definitions;
  }

  /** Off when the result cache is off (`cache.ttlSeconds: 0`): then every request computes. */
  get enabled(): boolean {
    return this.project.engine.panelCache.enabled && this.#maxEntries > 0 && this.#maxBytes > 0;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  /** A hot reload replaces the definition set: everything built from the old one goes. */
  #checkDefinitions(): void {
    if (this.project.definitions === this.#definitions) return;
    this.#definitions = this.project.definitions;
    this.clear();
  }

  #drop(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  /** The memoised answer for `key`, if it is still the answer. */
  async get(key: string): Promise<JsonBody | undefined> {
    this.#checkDefinitions();
    const entry = this.#entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    if (entry.expires <= this.clock()) {
      this.#drop(key, entry);
      this.misses++;
      return undefined;
    }
    const { sources, versions } = entry;
    for (let i = 0; i < sources.length; i++) {
      if ((await this.#version(sources[i] as string)) !== versions[i]) {
        // The entry may have been replaced while we awaited the version.
        if (this.#entries.get(key) === entry) this.#drop(key, entry);
        this.misses++;
        return undefined;
      }
    }
    // Most recently used goes last.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    this.hits++;
    return entry;
  }

  /**
   * Requests handled in the same turn of the event loop are concurrent: they share one version
   * read per source (a stat of the SQLite file, a query to PostgreSQL…). The next turn reads anew,
   * so a request that starts after a write sees it.
   */
  readonly #reads = new Map<string, Promise<string>>();

  #version(name: string): Promise<string> {
    let read = this.#reads.get(name);
    if (!read) {
      const source = this.project.sources.get(name);
      read = source ? source.version().catch(() => 'unavailable') : Promise.resolve('missing');
      if (this.#reads.size === 0) setImmediate(() => this.#reads.clear());
      this.#reads.set(name, read);
    }
    return read;
  }

  /** Reads the data versions now, before the answer is computed (a change meanwhile then only causes a recompute). */
  async versions(sources: readonly string[]): Promise<SourceVersions> {
    const versions: string[] = [];
    for (const name of sources) versions.push(await this.#version(name));
    return { sources, versions };
  }

  /**
   * Keeps an answer computed against `definitions` (read before computing) and the data `versions`
   * for `ttlMs`. Nothing is kept when a source could not tell its version or the definitions were
   * reloaded meanwhile.
   */
  set(key: string, value: JsonBody, ttlMs: number, definitions: DefinitionSet, data: SourceVersions): void {
    if (!this.enabled || ttlMs <= 0 || definitions !== this.project.definitions) return;
    if (data.versions.some((v) => v === 'unavailable' || v === 'missing')) return;
    this.#checkDefinitions();
    const bytes = value.body.byteLength + 2 * (key.length + value.etag.length + value.cacheControl.length) + 200;
    if (bytes > this.#maxBytes / 8) return;
    const now = this.clock();
    const old = this.#entries.get(key);
    if (old) this.#drop(key, old);
    const entry: Entry = { ...value, expires: Math.min(now + ttlMs, this.#nextMidnight(now)), ...data, bytes };
    this.#entries.set(key, entry);
    this.#bytes += bytes;
    for (const [k, e] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#drop(k, e);
    }
  }

  /** Relative periods ("last 30 days") resolve against the local date: an answer lives until the day turns. */
  #nextMidnight(now: number): number {
    const tz = this.project.config.timezone ?? 'UTC';
    return localMidnight(addDays(localDateOf(new Date(now), tz), 1), tz).getTime();
  }
}

const memos = new WeakMap<Project, ResponseMemo>();

/** The memo of a project: one per project, so a config reload (a new project) starts empty. */
export function memoOf(project: Project, limits?: MemoLimits): ResponseMemo {
  let memo = memos.get(project);
  if (!memo) {
    memo = new ResponseMemo(project, limits);
    memos.set(project, memo);
  }
  return memo;
}

/**
 * The query string with its parameters in a stable order (by name; the values of a repeated name
 * keep theirs), so `?a=1&b=2` and `?b=2&a=1` share an entry. The answer does not depend on the
 * order of names: parameters resolve in the order the definition declares them.
 */
export function canonicalQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return '';
  const hash = url.indexOf('#', q);
  const search = url.slice(q + 1, hash < 0 ? undefined : hash);
  if (!search.includes('&')) return search;
  let canonical = canonicalForms.get(search);
  if (canonical === undefined) {
    canonical = sortPairs(search);
    if (canonicalForms.size >= 2000) canonicalForms.clear();
    canonicalForms.set(search, canonical);
  }
  return canonical;
}
// A dashboard repeats the same few query strings.
const canonicalForms = new Map<string, string>();

function sortPairs(search: string): string {
  const name = (pair: string) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? pair : pair.slice(0, eq);
  };
  return search
    .split('&')
    .filter((p) => p !== '')
    .map((pair, i) => ({ pair, name: name(pair), i }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.i - b.i))
    .map((x) => x.pair)
    .join('&');
}

/** Viewers with the same row scope see the same rows: the engine's own cache keys on the same JSON. */
export function viewerKey(viewer: Viewer): string {
  if (viewer === UNRESTRICTED_VIEWER) return UNRESTRICTED_KEY;
  let key = viewerKeys.get(viewer);
  if (key === undefined) {
    key = JSON.stringify(viewer);
    viewerKeys.set(viewer, key);
  }
  return key;
}
// A viewer is never changed once made (its attributes are frozen): its key is computed once.
const viewerKeys = new WeakMap<Viewer, string>();
const UNRESTRICTED_KEY = JSON.stringify(UNRESTRICTED_VIEWER);

const panelSources = new WeakMap<ReportDefinition, Map<string, readonly string[]>>();

/**
 * The sources an answer reads: the datasets of the panels (and their targets), and those of the
 * select parameters whose values are checked against the data.
 */
export function sourcesOf(def: ReportDefinition, panels: readonly PanelDefinition[], cacheKey: string): readonly string[] {
  let byPanel = panelSources.get(def);
  if (!byPanel) {
    byPanel = new Map();
    panelSources.set(def, byPanel);
  }
  let found = byPanel.get(cacheKey);
  if (!found) {
    const datasets = new Set<string>();
    for (const p of panels) {
      if (p.dataset) datasets.add(p.dataset);
      if (p.target?.dataset) datasets.add(p.target.dataset);
    }
    for (const p of def.parameters ?? []) if (p.type === 'select' && !p.options && p.dataset) datasets.add(p.dataset);
    found = [...new Set([...datasets].map((d) => def.datasets[d]?.source).filter((s): s is string => s !== undefined))].sort();
    byPanel.set(cacheKey, found);
  }
  return found;
}

/**
 * Panels the memo may keep: those computed from their datasets alone. A panel without a dataset
 * (a tasks list filled in from the state store) could change without any source version moving.
 */
export function memoisable(panel: PanelDefinition): boolean {
  return typeof panel.dataset === 'string' && (panel.type as string) !== 'tasks';
}
