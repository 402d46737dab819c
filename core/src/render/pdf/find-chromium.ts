/**
 * @module Where the system Chromium is: a configured path, `PUPPETEER_EXECUTABLE_PATH`, or the
 * usual system locations. Vitrina never downloads a browser; when none is found the error says how
 * to install one.
 */
import { accessSync, constants } from 'node:fs';
import { VitrinaError } from '../../errors/index.js';

/** Debian/Ubuntu, Fedora, snap and Google Chrome locations, most likely first. */
export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
] as const;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable candidate, or undefined. */
export function locateChromium(configured?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  // A configured path is the admin's choice: a wrong one is an error, not a reason to pick another browser.
  if (configured) return executable(configured) ? configured : undefined;
  const candidates = [env.PUPPETEER_EXECUTABLE_PATH, ...SYSTEM_CHROMIUM_PATHS].filter((p): p is string => !!p);
  return candidates.find(executable);
}

/** Like {@link locateChromium} but throws a VitrinaError that says how to install Chromium. */
export function findChromium(configured?: string, env: NodeJS.ProcessEnv = process.env): string {
  const found = locateChromium(configured, env);
  if (found) return found;
  if (configured) {
    throw new VitrinaError('CHROMIUM_MISSING', `Chromium was not found at the configured path '${configured}'`, {
      pointer: '/pdf/chromium',
      hint: 'fix "pdf.chromium" in vitrina.config.json, or remove it to use the system Chromium',
    });
  }
  throw new VitrinaError('CHROMIUM_MISSING', 'no Chromium found for printing PDFs and browser tests', {
    hint: 'install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set PUPPETEER_EXECUTABLE_PATH to a Chrome/Chromium binary',
  });
}
