/**
 * @module Vitest global setup: makes sure a system Chromium exists for the browser tests and the
 * PDF tests. On a fresh Debian machine (as root) it installs Debian's `chromium` package, because
 * Vitrina never downloads a browser; elsewhere the browser tests fail with the reason.
 */
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { locateChromium } from '../../core/src/render/pdf/find-chromium.js';

export default function setup(project: TestProject): void {
  let path = locateChromium();
  let problem = '';
  if (!path && process.platform === 'linux' && process.getuid?.() === 0) {
    const apt = (args: string[]) =>
      execFileSync('apt-get', args, {
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        timeout: 600_000,
      });
    const install = ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core', 'fonts-liberation'];
    try {
      process.stderr.write('[vitrina tests] Chromium missing: apt-get install -y chromium …\n');
      try {
        apt(install);
      } catch {
        // A fresh image may have no package lists yet.
        apt(['update']);
        apt(install);
      }
    } catch (error) {
      problem = `apt-get install chromium failed: ${(error as Error).message}`;
    }
    path = locateChromium();
  }
  project.provide('vitrinaChromium', path ?? '');
  project.provide('vitrinaChromiumProblem', path ? '' : problem || 'no Chromium found; install it: apt-get install -y chromium');
}

declare module 'vitest' {
  export interface ProvidedContext {
    vitrinaChromium: string;
    vitrinaChromiumProblem: string;
  }
}
