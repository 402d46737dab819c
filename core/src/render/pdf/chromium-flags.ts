/**
 * @module Command-line flags for a headless Chromium that stays quiet on a closed network: no
 * sandbox (containers run as root), no GPU, and none of the background services that phone home.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none',
];
