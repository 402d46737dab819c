/** @module What every case file gets: the opened projects, render helpers, and `test` that honours the harness's skips. */
import { isPanelError, type PanelOutcome, type PanelResult, type Project, type RenderRequest, type ReportOutput } from '@vitrina/core';
import { expect, it } from 'vitest';
import type { ConformanceProjects } from './conformance-project.js';
import type { ConformanceCase, ConnectorHarness, LoadedFixture } from './connector-harness.js';
import { ENGINE_BUGS } from './engine-bugs.js';
import { NOW } from './expected-answers.js';

export interface SuiteContext {
  harness: ConnectorHarness;
  projects(): ConformanceProjects;
  loaded(): LoadedFixture;
}

/** Registers one case; a skipped case shows its reason in the test's title. */
export function conformanceTest(ctx: SuiteContext, id: ConformanceCase, title: string, fn: () => Promise<void>, timeoutMs?: number): void {
  const bug = ENGINE_BUGS[id];
  const reason = ctx.harness.skips?.[id];
  if (bug) it.skip(`${id}: ${title} — skipped for every connector: ${bug}`, fn);
  else if (reason) it.skip(`${id}: ${title} — skipped for ${ctx.harness.name}: ${reason}`, fn);
  else it(`${id}: ${title}`, fn, timeoutMs);
}

export function render(project: Project, report: string, request: RenderRequest = {}): Promise<ReportOutput> {
  return project.engine.render(report, { now: NOW, ...request });
}

export function panelOf(output: ReportOutput, id: string): PanelOutcome {
  const found = output.panels.find((p) => p.id === id);
  if (!found) throw new Error(`report '${output.report}' has no panel '${id}'`);
  return found;
}

/** The panel's result; a panel error fails the test with its message. */
export function ok(output: ReportOutput, id: string): PanelResult {
  const outcome = panelOf(output, id);
  if (isPanelError(outcome)) throw new Error(`panel '${id}' failed: ${outcome.error.code} ${outcome.error.message}`);
  return outcome;
}

/** A KPI's value (first column of its only row). */
export function kpi(output: ReportOutput, id: string): unknown {
  return ok(output, id).rows[0]?.[0];
}

/**
 * Expected rows with fractional numbers compared to 9 decimals: an average is a binary float on
 * one database and a decimal string on another. Integers, text, booleans and NULL stay exact.
 */
export function approx(rows: readonly (readonly unknown[])[]): unknown[][] {
  return rows.map((row) => row.map((v) => (typeof v === 'number' && !Number.isInteger(v) ? expect.closeTo(v, 9) : v)));
}

/** Rows in a fixed order when the engine's order rests on the database's text collation (Cyrillic, apostrophes). */
export function sortedByKey(rows: readonly (readonly unknown[])[]): unknown[][] {
  return [...rows].map((r) => [...r]).sort((a, b) => (JSON.stringify(a[0]) < JSON.stringify(b[0]) ? -1 : 1));
}
