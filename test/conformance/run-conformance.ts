/** @module The connector conformance suite: `runConformance(harness)` is a connector's whole test file. */
// It loads the one fixture into the connector's source, renders the suite's reports through the
// public engine in three reporting zones, and checks every answer against the hand-worked truth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterAndMeasureCases } from './cases-filters-and-measures.js';
import { operationCases } from './cases-operations.js';
import { periodCases } from './cases-periods.js';
import { shapeAndScopeCases } from './cases-shapes-and-scope.js';
import { typeAndTimeCases } from './cases-types-and-time.js';
import { type ConformanceProjects, openConformanceProjects } from './conformance-project.js';
import { CONFORMANCE_CASES, type ConnectorHarness, type LoadedFixture } from './connector-harness.js';
import { FIXTURE } from './fixture.js';
import type { SuiteContext } from './suite-context.js';

export function runConformance(harness: ConnectorHarness): void {
  describe(`connector conformance: ${harness.name}`, () => {
    let loaded: LoadedFixture | undefined;
    let projects: ConformanceProjects | undefined;

    beforeAll(async () => {
      loaded = await harness.load(FIXTURE);
      projects = await openConformanceProjects(harness, loaded);
    });

    afterAll(async () => {
      await projects?.close();
      await loaded?.cleanup();
    });

    const ctx: SuiteContext = {
      harness,
      projects: () => {
        if (!projects) throw new Error('the fixture did not load (see the beforeAll error)');
        return projects;
      },
      loaded: () => {
        if (!loaded) throw new Error('the fixture did not load (see the beforeAll error)');
        return loaded;
      },
    };

    it('opens the project: every definition valid, the plugin loaded, every skip names a case and gives a reason', () => {
      for (const project of [ctx.projects().moscow, ctx.projects().berlin, ctx.projects().utc]) {
        expect(project.definitions.problems.map((p) => p.format())).toEqual([]);
        expect(project.problems.map((p) => p.format())).toEqual([]);
      }
      for (const [id, reason] of Object.entries(harness.skips ?? {})) {
        expect([
          id,
          (CONFORMANCE_CASES as readonly string[]).includes(id),
          typeof reason === 'string' && reason.trim().length > 10,
        ]).toEqual([id, true, true]);
      }
    });

    typeAndTimeCases(ctx);
    filterAndMeasureCases(ctx);
    periodCases(ctx);
    shapeAndScopeCases(ctx);
    operationCases(ctx);
  });
}
