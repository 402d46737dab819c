import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their TypeScript sources (the @vitrina/source condition),
// so the suite needs no build; tests that spawn the `vitrina` binary use the build from `pnpm test`.
export default defineConfig({
  resolve: { conditions: ['@vitrina/source'] },
  ssr: { resolve: { conditions: ['@vitrina/source'] } },
  test: {
    include: ['core/src/**/*.test.ts', 'plugins/*/src/**/*.test.ts', 'cli/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One throwaway PostgreSQL server for the whole run (or VITRINA_TEST_PG_URL), and a system
    // Chromium (installed when missing) for browser and PDF tests; see test/support/.
    globalSetup: ['test/support/postgres-global-setup.ts', 'test/support/chromium-global-setup.ts'],
  },
});
