// Test projects: unit (core, shared, main with electron mocked), integration (CLI, identity providers), e2e (Chromium).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The default output, then the list of every skipped test with its reason (test/support/skip-report.ts).
    reporters: ['default', './test/support/skip-report.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 30_000,
          // Built for bundlers: imports its JSON schema without an import attribute, which Node refuses.
          server: { deps: { inline: ['@actions/workflow-parser'] } },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          // gcw runs from its compiled build (dist/cli): rebuilt here when a source is newer.
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          pool: 'forks',
          globalSetup: ['test/e2e/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
