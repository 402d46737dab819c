/**
 * `vitrina serve` stops in the safe order: the scheduler first (it waits for the job in flight),
 * while the project is still open; then the server, which closes the project; then the state
 * store. The project's usability is probed with an uncached render at each step, so the same
 * probe that finds it open after the scheduler stopped finds it closed after the server did.
 */
import { startScheduler } from '@vitrina/core/schedule';
import { startServer } from '@vitrina/core/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shutdownInOrder } from '../../cli/src/commands/serve-project.js';
import { type ScheduleFixture, scheduleProject } from './schedule-fixture.js';

describe('serve shutdown order', () => {
  let fx: ScheduleFixture;
  beforeAll(async () => {
    fx = await scheduleProject(() => ({
      tasks: [{ name: 'listen-calls', cron: '0 10 * * 1', owner: 'head', due: '2d' }],
    }));
  });
  afterAll(() => fx?.close());

  it('stops the scheduler while the project is open, then the server, then the store', async () => {
    const server = await startServer({ project: fx.project, port: 0, log: () => {} });
    const running = await startScheduler(() => server.live.project, { tickAtStart: true, log: () => {} });
    await running.scheduler.idle();
    // A month not rendered before: the result cache cannot answer, the source must.
    let month = 0;
    const projectOpen = () =>
      // A closed source makes every panel an error value (render itself does not throw).
      server.live.project.engine.render('sales', { parameters: { period: `2026-0${++month}` } }).then(
        (output) => output.panels.every((p) => !('error' in p)),
        () => false,
      );
    const steps: string[] = [];
    const stop = shutdownInOrder({
      scheduler: {
        async stop() {
          await running.stop();
          steps.push(`scheduler stopped, project open: ${await projectOpen()}`);
        },
      },
      server: {
        async close() {
          await server.close();
          steps.push(`server closed, project open: ${await projectOpen()}`);
        },
      },
      access: {
        async close() {
          steps.push('store closed');
        },
      },
    });
    await Promise.all([stop(), stop()]);
    expect(steps).toEqual(['scheduler stopped, project open: true', 'server closed, project open: false', 'store closed']);
  });
});
