// Per-module mutation scores from Stryker's JSON reports (reports/mutation/*.json, written by npm run test:mutation),
// as the Markdown table docs/testing.md shows, plus every surviving mutant to judge.
// Score = (killed + timed out) / (killed + timed out + survived + no coverage); mutants that do not compile are left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '../reports/mutation');
const files = new Map();
for (const name of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.incremental.json'))) {
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  // A later report of the same file wins (reports are read in name order: re-runs get a later name).
  for (const [file, data] of Object.entries(report.files)) files.set(file, data);
}
const rows = [];
const survivors = [];
for (const [file, data] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const count = (...states) => data.mutants.filter((m) => states.includes(m.status)).length;
  const killed = count('Killed');
  const timeout = count('Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const valid = killed + timeout + survived + noCoverage;
  const score = valid === 0 ? 'n/a' : `${((100 * (killed + timeout)) / valid).toFixed(1)} %`;
  rows.push(`| \`${file}\` | ${score} | ${killed} | ${survived} | ${timeout} | ${noCoverage} | ${count('CompileError')} |`);
  const lines = data.source.split('\n');
  for (const m of data.mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
    const at = m.location.start;
    survivors.push(`- \`${file}:${at.line}\` ${m.status} ${m.mutatorName}: \`${lines[at.line - 1].trim().slice(0, 140)}\` → \`${String(m.replacement).replace(/\s+/g, ' ').slice(0, 100)}\``);
  }
}
console.log('| Module | Score | Killed | Survived | Timeout | No coverage | Did not compile |\n|---|---|---|---|---|---|---|');
console.log(rows.join('\n'));
console.log(`\nSurviving mutants (${survivors.length}):\n${survivors.join('\n')}`);
