// Per-module mutation scores from Stryker's JSON reports (reports/mutation/*.json, written by npm run test:mutation),
// as the Markdown table docs/testing.md shows, plus every surviving mutant to judge. Writes the small
// reports/mutation/summary.json (committed; Stryker's own reports are megabytes and stay out of git).
// Score = (killed + timed out) / (killed + timed out + survived + no coverage); mutants that do not compile are left out.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '../reports/mutation');
const reports = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.incremental.json') && f !== 'summary.json')
  .map((name) => ({ name, at: statSync(join(dir, name)).mtimeMs }))
  // The newest report of a file wins.
  .sort((a, b) => a.at - b.at);
const files = new Map();
for (const { name } of reports) {
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  for (const [file, data] of Object.entries(report.files)) files.set(file, { ...data, report: name });
}

const tally = (mutants) => {
  const count = (...states) => mutants.filter((m) => states.includes(m.status)).length;
  const t = {
    killed: count('Killed'),
    survived: count('Survived'),
    timeout: count('Timeout'),
    noCoverage: count('NoCoverage'),
    compileError: count('CompileError'),
  };
  const valid = t.killed + t.timeout + t.survived + t.noCoverage;
  return { ...t, score: valid === 0 ? null : Math.round((1000 * (t.killed + t.timeout)) / valid) / 10 };
};
const row = (label, t, run = '') =>
  `| ${label} | ${t.score === null ? 'n/a' : `${t.score.toFixed(1)} %`} | ${t.killed} | ${t.survived} | ${t.timeout} | ${t.noCoverage} | ${t.compileError} | ${run} |`;

const modules = [];
const survivors = [];
const folders = new Map();
for (const [file, data] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
  const t = tally(data.mutants);
  modules.push({ file, report: data.report, ...t });
  const folder = /\/(pkcs12|checks)\//.test(file) ? file.slice(0, file.lastIndexOf('/')) : null;
  if (folder) folders.set(folder, [...(folders.get(folder) ?? []), ...data.mutants]);
  const lines = data.source.split('\n');
  for (const m of data.mutants
    .filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')
    .sort((a, b) => a.location.start.line - b.location.start.line)) {
    const at = m.location.start;
    survivors.push({
      at: `${file}:${at.line}:${at.column}`,
      status: m.status,
      mutator: m.mutatorName,
      line: lines[at.line - 1].trim().slice(0, 140),
      replacement: String(m.replacement).replace(/\s+/g, ' ').slice(0, 100),
    });
  }
}
const header =
  '| Module | Score | Killed | Survived | Timeout | No coverage | Did not compile | Run |\n|---|---|---|---|---|---|---|---|';
console.log(header);
for (const m of modules) console.log(row(`\`${m.file}\``, m, m.report.replace(/\.json$/, '')));
for (const [folder, mutants] of folders)
  console.log(
    row(
      `**\`${folder}/*\` (${modules.filter((m) => m.file.startsWith(`${folder}/`)).length} files measured)**`,
      tally(mutants),
    ),
  );
console.log(`\nSurviving mutants (${survivors.length}):`);
for (const s of survivors) console.log(`- \`${s.at}\` ${s.status} ${s.mutator}: \`${s.line}\` → \`${s.replacement}\``);
writeFileSync(
  join(dir, 'summary.json'),
  `${JSON.stringify({ modules, folders: Object.fromEntries([...folders].map(([f, m]) => [f, tally(m)])), survivors }, null, 1)}\n`,
);
