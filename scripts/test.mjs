// `npm test`: typecheck, lint, unit + integration tests, then the Chromium end-to-end run. Stops at the first failure,
// and ends by listing every skipped test with its reason (each Vitest step writes its list, see test/support/skip-report.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const reports = resolve(import.meta.dirname, '../test-results/skipped');
/** @type {Array<[string, string[], string?]>} */
const steps = [
  ['typecheck', ['npm', 'run', '-s', 'typecheck']], // the whole project, then the renderer without Node and core/cli without the DOM
  ['lint', ['npm', 'run', '-s', 'lint']], // ESLint, then Prettier's check (npm run format writes it)
  [
    'unit + integration',
    ['npx', 'vitest', 'run', '--project', 'unit', '--project', 'integration'],
    'unit-integration.json',
  ],
  ['end-to-end (Chromium)', ['npx', 'vitest', 'run', '--project', 'e2e'], 'e2e.json'],
];

const only = process.argv.slice(2);
const timings = [];
const skipped = [];
rmSync(reports, { recursive: true, force: true });

/** Every skipped test of the steps run so far, with its reason. */
function listSkipped() {
  if (skipped.length === 0) return;
  console.log(`\nSkipped tests (${skipped.length}):`);
  for (const s of skipped) console.log(`  - ${s.file} › ${s.test}\n      ${s.reason}`);
}

for (const [name, [cmd, ...args], report] of steps) {
  if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
  const started = Date.now();
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const env = report ? { ...process.env, GCW_SKIP_REPORT: resolve(reports, report) } : process.env;
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  const seconds = (Date.now() - started) / 1000;
  timings.push(`${name}: ${seconds.toFixed(1)} s`);
  if (report && existsSync(env.GCW_SKIP_REPORT)) skipped.push(...JSON.parse(readFileSync(env.GCW_SKIP_REPORT, 'utf8')));
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}).`);
    listSkipped();
    console.log(timings.join('\n'));
    process.exit(result.status ?? 1);
  }
}
listSkipped();
console.log(
  `\n✔ all checks passed${skipped.length > 0 ? `, ${skipped.length} test${skipped.length === 1 ? '' : 's'} skipped (listed above)` : ''}\n${timings.join('\n')}`,
);
