// The tests Stryker runs against each mutant (npm run test:mutation, stryker.config.mjs): the unit tests and the
// integration tests that exercise the mutated modules in this process. Left out: e2e (Chromium), tests whose child
// processes cannot see Stryker's active mutant (gcw CLI, kill tests), the slow corpora and fuzz runs, which would
// run in full for every mutant they cover (the committed OpenSSL fixtures stand in for the pyca and matrix runs),
// and the CI workflow checks (no product code).
// GCW_MUTATION_TESTS (comma-separated globs) narrows the tests to those of the module under test, so the dry run and
// each mutant's run are minutes instead of the whole unit suite: e.g.
//   GCW_MUTATION_TESTS='test/unit/core/registration/**' npm run test:mutation -- --mutate src/core/registration/checks/cloud.ts
import { defineConfig } from 'vitest/config';

const only = process.env.GCW_MUTATION_TESTS?.split(',').filter((glob) => glob.trim() !== '');

export default defineConfig({
  test: {
    include: only ?? [
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
