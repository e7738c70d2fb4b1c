// Benchmark: `gcw verify --dir` over 1,000 generated manifests as a real process (with a profile file, the client
// secret's hint and a real PFX), and manifests per second with and without the process start-up.
// Run: npm run bench:verify-cli. Timings never gate CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateSelfSignedCertificate } from '../src/core/certificates/generate';
import { writePkcs12 } from '../src/core/certificates/pkcs12/write';
import { buildProfileFromFlags } from '../src/core/connections/profile-from-flags';
import { BENCH_APP_ID, benchManifest } from './manifest-generator';

const COUNT = 1000;
const RUNS = 3;
const bin = resolve(import.meta.dirname, '../bin/gcw.mjs');
const dir = mkdtempSync(join(tmpdir(), 'gcw-bench-verify-'));
const manifests = join(dir, 'manifests');

const certificate = await generateSelfSignedCertificate({ commonName: 'Bench app', keyAlgorithm: 'rsa-2048' });
const password = 'bench-pfx-password';
writeFileSync(
  join(dir, 'app.pfx'),
  await writePkcs12({ certificate: certificate.certificateDer, privateKey: certificate.privateKey, password }),
);
const profile = buildProfileFromFlags({
  auth: 'byo-app',
  clientId: BENCH_APP_ID,
  tenant: 'contoso.onmicrosoft.com',
  domain: 'contoso.com',
  appOnlyPermissions: 'Files.Read.All',
});
writeFileSync(join(dir, 'profile.json'), profile.text);
mkdirSync(manifests);
let bytes = 0;
for (let i = 0; i < COUNT; i++) {
  const text = benchManifest(i, { now: new Date(), der: certificate.certificateDer });
  bytes += text.length;
  writeFileSync(join(manifests, `app-${String(i).padStart(4, '0')}.json`), text);
}

function gcw(args: string[]): { ms: number; code: number | null; stdout: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, BENCH_SECRET: 'abcSecretValue', BENCH_PFX_PASSWORD: password },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { ms: performance.now() - start, code: r.status, stdout: r.stdout };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const startup = median(Array.from({ length: RUNS }, () => gcw(['--version']).ms));
const args = [
  'verify',
  '--dir',
  'manifests',
  '--profile',
  'profile.json',
  '--secret-env',
  'BENCH_SECRET',
  '--loopback',
  '--pfx',
  'app.pfx',
  '--password-env',
  'BENCH_PFX_PASSWORD',
  '--json',
];
const runs = Array.from({ length: RUNS }, () => gcw(args));
const last = runs.at(-1);
// --dir --json prints JSON Lines: one report per manifest, then { summary }.
const reports = last
  ? last.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { findings?: unknown[]; summary?: unknown })
      .filter((r) => !r.summary)
  : [];
const findings = reports.reduce((n, r) => n + (r.findings?.length ?? 0), 0);
const total = median(runs.map((r) => r.ms));
const withReports = gcw([
  'verify',
  '--dir',
  'manifests',
  '--profile',
  'profile.json',
  '--out',
  'reports',
  '--out-format',
  'html',
]);

console.log(
  `gcw verify --dir: ${COUNT} manifests (${(bytes / 1024).toFixed(0)} KiB, both formats), profile file, secret hint, RSA-2048 PFX, --json; median of ${RUNS} runs`,
);
console.log(
  `  whole process: ${total.toFixed(0)} ms → ${Math.round((COUNT / total) * 1000)} manifests per second (exit ${last?.code}, ${reports.length} reports, ${findings} findings)`,
);
console.log(
  `  process start-up alone (gcw --version): ${startup.toFixed(0)} ms; without it: ${Math.round((COUNT / Math.max(1, total - startup)) * 1000)} manifests per second`,
);
console.log(
  `  with an HTML report written per manifest (--out folder): ${withReports.ms.toFixed(0)} ms → ${Math.round((COUNT / withReports.ms) * 1000)} manifests per second`,
);
rmSync(dir, { recursive: true, force: true });
