// Mutation testing of the security-critical modules (docs/testing.md). Not part of `npm test`: run it as a report,
// one module at a time on a busy machine, e.g.
//   npm run test:mutation -- --mutate src/core/connections/expiry.ts
// Each run writes reports/mutation/<name>.json (the name from GCW_MUTATION_NAME, default "all"); scripts/mutation-scores.mjs
// turns the reports into the per-module table of docs/testing.md.
const name = process.env.GCW_MUTATION_NAME ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'src/core/certificates/pkcs12/*.ts',
    'src/core/certificates/base64.ts',
    'src/core/signin/loopback-listener.ts',
    'src/core/signin/endpoints.ts',
    'src/core/registration/redirect-uri.ts',
    'src/core/registration/checks/*.ts',
    'src/core/log/redact.ts',
    'src/core/os/external-links.ts',
    'src/core/connections/expiry.ts',
    'src/core/storage/atomic-write.ts',
    'src/main/guards.ts',
    'src/main/window.ts',
  ],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 20_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  // Re-runs only test what changed since the last run of the same name (code or tests).
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
