// `npm test`: typecheck, lint, unit + integration tests, then the Chromium end-to-end run. Stops at the first failure.
import { spawnSync } from 'node:child_process';

/** @type {Array<[string, string[]]>} */
const steps = [
  ['typecheck', ['npm', 'run', '-s', 'typecheck']], // the whole project, then the renderer without Node and core/cli without the DOM
  ['lint', ['npx', 'eslint', '.']],
  ['unit + integration', ['npx', 'vitest', 'run', '--project', 'unit', '--project', 'integration']],
  ['end-to-end (Chromium)', ['npx', 'vitest', 'run', '--project', 'e2e']],
];

const only = process.argv.slice(2);
const timings = [];
for (const [name, [cmd, ...args]] of steps) {
  if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
  const started = Date.now();
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const seconds = (Date.now() - started) / 1000;
  timings.push(`${name}: ${seconds.toFixed(1)} s`);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${result.status ?? result.signal}).`);
    console.log(timings.join('\n'));
    process.exit(result.status ?? 1);
  }
}
console.log(`\n✔ all checks passed\n${timings.join('\n')}`);
