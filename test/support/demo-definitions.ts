/**
 * @module Copies the shipped report pack into a test project: every definition whose sources the
 * project has. A project made of the demo CRM alone leaves out the reports that read the call
 * logs and the plan CSV (`activity-vs-plan`); one made with the demo files keeps them.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function copyDemoDefinitions(repo: string, projectDir: string, sources: readonly string[]): string[] {
  const from = join(repo, 'report-definitions');
  const to = join(projectDir, 'report-definitions');
  mkdirSync(to, { recursive: true });
  const copied: string[] = [];
  for (const name of readdirSync(from).filter((n) => n.endsWith('.json'))) {
    const def = JSON.parse(readFileSync(join(from, name), 'utf8')) as { id: string; datasets: Record<string, { source: string }> };
    if (!Object.values(def.datasets).every((d) => sources.includes(d.source))) continue;
    copyFileSync(join(from, name), join(to, name));
    copied.push(def.id);
  }
  return copied;
}
