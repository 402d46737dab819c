// Profiles the framework side of one panel (node --cpu-prof test/bench/profile-panel.mjs report panel).
import { join } from 'node:path';
import { openProject } from '@vitrina/core';

const [report = 'sales', panel = 'revenue_by_product', scale = 'small'] = process.argv.slice(2);
const root = join(import.meta.dirname, '..', '..');
const NOW = new Date('2026-11-26T12:00:00Z');
const project = await openProject({
  configPath: join(root, '.vitrina', `bench-${scale}`, 'vitrina.config.json'),
  resolveFrom: [join(root, 'cli')],
  now: () => NOW,
  overrides: { cache: { ttlSeconds: 0 } },
});
const t = performance.now();
let n = 0;
while (performance.now() - t < 5000) {
  await project.engine.panel(report, panel, { now: NOW });
  n++;
}
console.log(`${n} runs, ${((performance.now() - t) / n).toFixed(2)} ms each`);
await project.close();
