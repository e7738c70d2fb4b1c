// `npm run bench:cli`: gcw as users run it — whole processes of the built CLI (dist/cli), alternating with `node -e 0`
// and `openssl pkcs12` on the same files — start-up, certificate inspection, and verify --dir/--export at tenant
// scale with peak memory. Prints min and median per command and the ratios the issue sets as targets.
// GCW_BENCH_RUNS (default 9) sets the rounds; GCW_BENCH_LARGE=0 skips the 50,000-manifest runs. Timings never gate CI.
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { generateSelfSignedCertificate } from '../src/core/certificates/generate';
import { writePkcs12 } from '../src/core/certificates/pkcs12/write';
import { buildProfileFromFlags } from '../src/core/connections/profile-from-flags';
import { opensslVersion } from '../test/fixtures/pkcs12/openssl';
import { buildMatrix, PASSWORD } from '../test/fixtures/pkcs12/openssl-matrix';
import { BENCH_APP_ID, benchManifest } from './manifest-generator';
import { interleaved, median, min, ms, peakMemory, table, type TimedCommand, type Timing } from './process-timing';

const root = resolve(import.meta.dirname, '..');
const gcwBin = join(root, 'bin/gcw.mjs');
const node = process.execPath;
const RUNS = Number(process.env.GCW_BENCH_RUNS ?? 9);
const LARGE = process.env.GCW_BENCH_LARGE !== '0';
const work = mkdtempSync(join(tmpdir(), 'gcw-bench-cli-'));
const env = { GCW_BENCH_PW: PASSWORD, BENCH_SECRET: 'abcSecretValue', BENCH_PFX_PASSWORD: 'bench-pfx-password' };

const gcw = (label: string, args: string[], ok = [0]): TimedCommand => ({
  label,
  argv: [node, gcwBin, ...args],
  env,
  ok,
  cwd: work,
});
const nodeNothing: TimedCommand = { label: 'node -e 0', argv: [node, '-e', '0'] };
const openssl = (label: string, file: string): TimedCommand => ({
  label,
  argv: ['openssl', 'pkcs12', '-in', file, '-passin', 'env:GCW_BENCH_PW', '-nodes'],
  env,
});

const wall = (t: Timing[]) => t.map((x) => x.wall);
const cpu = (t: Timing[]) => t.map((x) => x.cpu);
const HEADER = ['command', 'runs', 'wall min', 'wall median', 'CPU median', 'wall ratio: median (min)', 'CPU ratio'];

function row(label: string, times: Timing[], reference?: { label: string; times: Timing[] }): string[] {
  const r = reference;
  return [
    label,
    String(times.length),
    ms(min(wall(times))),
    ms(median(wall(times))),
    ms(median(cpu(times))),
    r
      ? `${(median(wall(times)) / median(wall(r.times))).toFixed(2)}× (${(min(wall(times)) / min(wall(r.times))).toFixed(2)}×) ${r.label}`
      : '',
    r ? `${(median(cpu(times)) / median(cpu(r.times))).toFixed(2)}×` : '',
  ];
}

function verdict(what: string, value: number, limit: number, unit: string, higherIsBetter = false): string {
  const met = higherIsBetter ? value >= limit : value <= limit;
  return `- ${what}: ${value.toFixed(2)}${unit} (target ${higherIsBetter ? '≥' : '≤'} ${limit}${unit}) — ${met ? 'met' : 'NOT met'}`;
}

/** Write `count` generated manifests into `folder` (and, optionally, all of them as one Graph export file). */
async function manifests(folder: string, count: number, der: Buffer, exportFile?: string): Promise<number> {
  mkdirSync(folder, { recursive: true });
  const out = exportFile ? createWriteStream(exportFile) : null;
  out?.write('{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#applications","value":[');
  let bytes = 0;
  const now = new Date();
  for (let i = 0; i < count; i++) {
    const text = benchManifest(i, { now, der });
    bytes += text.length;
    writeFileSync(join(folder, `app-${String(i).padStart(6, '0')}.json`), text);
    if (out && !out.write(`${i ? ',' : ''}${text}`)) await once(out, 'drain');
  }
  if (out) {
    out.end(']}');
    await once(out, 'finish');
  }
  return bytes;
}

async function main(): Promise<void> {
  const ossl = opensslVersion();
  if (!ossl) throw new Error('The openssl CLI is needed for the comparison.');
  readFileSync(join(root, 'dist/cli/gcw.mjs')); // built by the npm script (build-cli --if-stale)
  console.log(
    `Node ${process.version}, ${ossl}, ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; ${RUNS} interleaved rounds after one untimed round`,
  );
  console.log(
    "Times are whole processes measured by bash around each (no Node spawn cost), in ms; CPU is user + system time of all the process's threads.\n",
  );

  const matrix = await buildMatrix();
  const small = matrix.files.find((f) => f.name === 'rsa2048--ossl3-default.pfx')!.path;
  const big = matrix.files.find((f) => f.name === 'rsa2048--iter600k.pfx')!.path;

  // 1. Start-up and a small PFX.
  const startup = interleaved(RUNS, [
    nodeNothing,
    gcw('gcw --version', ['--version']),
    gcw('gcw environments --json', ['environments', '--json']),
    gcw('gcw cert inspect (2,048 iterations)', ['cert', 'inspect', small, '--password-env', 'GCW_BENCH_PW', '--json']),
    openssl('openssl pkcs12 (2,048 iterations)', small),
  ]);
  const t = (label: string) => startup.get(label)!;
  const base = { label: 'node -e 0', times: t('node -e 0') };
  console.log(
    table(HEADER, [
      row('node -e 0', t('node -e 0')),
      row('gcw --version', t('gcw --version'), base),
      row('gcw environments --json', t('gcw environments --json'), base),
      row('gcw cert inspect (2,048 iterations)', t('gcw cert inspect (2,048 iterations)'), base),
      row('openssl pkcs12 (2,048 iterations)', t('openssl pkcs12 (2,048 iterations)'), base),
      row('gcw cert inspect (2,048 iterations)', t('gcw cert inspect (2,048 iterations)'), {
        label: 'openssl',
        times: t('openssl pkcs12 (2,048 iterations)'),
      }),
    ]),
  );

  // 2. The 600,000-iteration PFX: the KDF dominates.
  const kdf = interleaved(Math.max(7, Math.ceil(RUNS / 2)), [
    gcw('gcw cert inspect (600,000 iterations)', ['cert', 'inspect', big, '--password-env', 'GCW_BENCH_PW', '--json']),
    openssl('openssl pkcs12 (600,000 iterations)', big),
  ]);
  const kdfGcw = kdf.get('gcw cert inspect (600,000 iterations)')!;
  const kdfOssl = kdf.get('openssl pkcs12 (600,000 iterations)')!;
  console.log(
    `\n${table(HEADER, [row('openssl pkcs12 (600,000 iterations)', kdfOssl), row('gcw cert inspect (600,000 iterations)', kdfGcw, { label: 'openssl', times: kdfOssl })])}`,
  );

  // 3. verify --dir: 1,000 manifests against a profile file, the secret's hint and a real PFX (as bench:verify-cli).
  const certificate = await generateSelfSignedCertificate({ commonName: 'Bench app', keyAlgorithm: 'rsa-2048' });
  writeFileSync(
    join(work, 'app.pfx'),
    await writePkcs12({
      certificate: certificate.certificateDer,
      privateKey: certificate.privateKey,
      password: env.BENCH_PFX_PASSWORD,
      iterations: 2048,
    }),
  );
  writeFileSync(
    join(work, 'profile.json'),
    buildProfileFromFlags({
      auth: 'byo-app',
      clientId: BENCH_APP_ID,
      tenant: 'contoso.onmicrosoft.com',
      domain: 'contoso.com',
      appOnlyPermissions: 'Files.Read.All',
    }).text,
  );
  const kib = (await manifests(join(work, 'm1k'), 1000, certificate.certificateDer)) / 1024;
  const verifyArgs = (what: string[]) => [
    'verify',
    ...what,
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
  const dir1k = gcw('gcw verify --dir (1,000)', verifyArgs(['--dir', 'm1k']), [0, 1]);
  const verify = interleaved(RUNS, [nodeNothing, dir1k]);
  const v = verify.get('gcw verify --dir (1,000)')!;
  const perSecond = (count: number, times: Timing[]) => Math.round((count / median(wall(times))) * 1000);
  const mem1k = peakMemory(dir1k);
  console.log(
    `\n${table(HEADER, [row('node -e 0', verify.get('node -e 0')!), row('gcw verify --dir (1,000)', v, { label: 'node -e 0', times: verify.get('node -e 0')! })])}`,
  );
  console.log(
    `1,000 manifests (${kib.toFixed(0)} KiB, both formats, ~11 findings each), JSON Lines to /dev/null: ${perSecond(1000, v).toLocaleString('en-US')} manifests/s from the median (${Math.round((1000 / min(wall(v))) * 1000).toLocaleString('en-US')} from the min), peak memory ${mem1k.mib.toFixed(0)} MiB`,
  );

  // 4. A tenant: 50,000 manifests as files, and as one Graph export.
  let large: { dirMs: number; dirMib: number; exportMib: number; exportMs: number; mb: number } | null = null;
  if (LARGE) {
    const bytes = await manifests(join(work, 'm50k'), 50_000, certificate.certificateDer, join(work, 'apps-50k.json'));
    const dir = peakMemory(gcw('gcw verify --dir (50,000)', ['verify', '--dir', 'm50k', '--json'], [0, 1]));
    const exp = peakMemory(
      gcw('gcw verify --export (50,000)', ['verify', '--export', 'apps-50k.json', '--json'], [0, 1]),
    );
    large = { dirMs: dir.ms, dirMib: dir.mib, exportMs: exp.ms, exportMib: exp.mib, mb: bytes / 1024 / 1024 };
    console.log(
      `\n50,000 manifests (${large.mb.toFixed(0)} MiB), manifest-only, JSON Lines to /dev/null, one run each:`,
    );
    console.log(
      `  --dir:    ${ms(dir.ms)} ms → ${Math.round((50_000 / dir.ms) * 1000).toLocaleString('en-US')} manifests/s, peak memory ${dir.mib.toFixed(0)} MiB`,
    );
    console.log(
      `  --export: ${ms(exp.ms)} ms → ${Math.round((50_000 / exp.ms) * 1000).toLocaleString('en-US')} manifests/s, peak memory ${exp.mib.toFixed(0)} MiB (one ${large.mb.toFixed(0)} MiB { "value": [ … ] } file)`,
    );
  }

  console.log('\nTargets (medians of whole processes):');
  const ratio = (a: Timing[], b: Timing[]) => median(wall(a)) / median(wall(b));
  console.log(verdict('gcw --version / node -e 0', ratio(t('gcw --version'), base.times), 2, '×'));
  console.log(
    verdict(
      'gcw cert inspect, small PFX / node -e 0',
      ratio(t('gcw cert inspect (2,048 iterations)'), base.times),
      3,
      '×',
    ),
  );
  console.log(verdict('gcw cert inspect / openssl pkcs12, 600,000 iterations', ratio(kdfGcw, kdfOssl), 1, '×'));
  console.log(verdict('gcw verify --dir, 1,000 manifests, manifests/s', perSecond(1000, v), 5000, '', true));
  if (large) {
    // The throughput target is for tenant-scale runs; at 1,000 manifests start-up and JIT warm-up are a large share.
    const rate = (ms: number) => (50_000 / ms) * 1000;
    console.log(verdict('gcw verify --dir, 50,000 manifests, manifests/s', rate(large.dirMs), 5000, '', true));
    console.log(verdict('gcw verify --export, 50,000 apps, manifests/s', rate(large.exportMs), 5000, '', true));
    console.log(
      verdict(
        'peak memory at 50,000 manifests (--dir; --export)',
        Math.max(large.dirMib, large.exportMib),
        200,
        ' MiB',
      ),
    );
  }
  rmSync(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(work, { recursive: true, force: true });
  process.exitCode = 1;
});
