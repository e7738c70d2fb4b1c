// The tests Stryker runs against each mutant (npm run test:mutation, stryker.config.mjs): the unit tests and the
// integration tests that exercise the mutated modules in this process. Left out: e2e (Chromium), tests whose child
// processes cannot see Stryker's active mutant (gcw CLI, kill tests), the slow corpora and fuzz runs, which would
// run in full for every mutant they cover (the committed OpenSSL fixtures stand in for the pyca and matrix runs),
// and the CI workflow checks (no product code).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/unit/**/*.test.{ts,tsx}',
      'test/integration/signin/network-client.test.ts',
      'test/integration/signin/network-client-cap.test.ts',
      'test/integration/signin/interactive.test.ts',
      'test/integration/certificates/export-openssl.test.ts',
    ],
    exclude: [
      'test/unit/core/app/contract-fuzz.test.ts',
      'test/unit/core/app/contract-fuzz-valid.test.ts',
      'test/unit/ci/**',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
