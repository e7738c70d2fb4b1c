// Benchmark of the certificate domain against the openssl CLI: `npm run bench:certs`. Timings never gate tests.
// Two views, labelled as such: whole processes (gcw against openssl, what a user waits for), and in-process calls
// (warm JIT, KDF workers started before timing) against openssl as a whole process — the cost of the work itself
// inside a running app, not a like-for-like comparison.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promisify } from 'node:util';
import {
  generateSelfSignedCertificate,
  inspectPkcs12,
  prewarmCertificateWorkers,
  shutdownCertificateWorkers,
} from '../src/core/certificates';
import { join, resolve } from 'node:path';
import { buildMatrix, PASSWORD } from '../test/fixtures/pkcs12/openssl-matrix';
import { opensslVersion } from '../test/fixtures/pkcs12/openssl';
import {
  interleaved as interleavedProcesses,
  median as medianOf,
  min,
  ms as msOf,
  table,
  type TimedCommand,
} from './process-timing';

const execFileAsync = promisify(execFile);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const ms = (n: number): string => n.toFixed(n < 10 ? 1 : 0);

/** Wall time of one openssl run, measured by a shell so Node's spawn cost (~50 ms here) is not counted. */
async function opensslOnce(args: string[]): Promise<number> {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `s=$(date +%s%N); openssl ${quoted} >/dev/null 2>&1; e=$(date +%s%N); echo $((e - s))`;
  const { stdout } = await execFileAsync('sh', ['-c', script]);
  return Number(stdout.trim()) / 1e6;
}

/** Alternate ours and openssl run by run, so load from other processes hits both sides alike. */
async function interleaved(
  runs: number,
  ours: () => Promise<unknown>,
  theirs: string[],
): Promise<[number[], number[]]> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await ours();
    a.push(performance.now() - started);
    b.push(await opensslOnce(theirs));
  }
  return [a, b];
}

/** Largest and p99 event-loop delay while fn runs (1 ms resolution). */
async function loopDelay(fn: () => Promise<unknown>): Promise<{ max: number; p99: number; total: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const started = performance.now();
  await fn();
  const total = performance.now() - started;
  histogram.disable();
  return { max: histogram.max / 1e6, p99: histogram.percentile(99) / 1e6, total };
}

async function main(): Promise<void> {
  const version = opensslVersion();
  if (!version) throw new Error('The openssl CLI is needed for the comparison.');
  console.log(`Node ${process.version} (OpenSSL ${process.versions.openssl}), ${version}`);
  const matrix = await buildMatrix();
  const file2048 = matrix.files.find((f) => f.name === 'rsa2048--ossl3-default.pfx')!;
  const file600k = matrix.files.find((f) => f.name === 'rsa2048--iter600k.pfx')!;
  const fileLegacy = matrix.files.find((f) => f.name === 'rsa2048--legacy-rc2-3des.pfx')!;
  const fileLegacy600k = matrix.files.find((f) => f.name === 'rsa2048--iter600k-legacy.pfx')!;
  const bytesLegacy600k = readFileSync(fileLegacy600k.path);
  const bytes2048 = readFileSync(file2048.path);
  const bytes600k = readFileSync(file600k.path);
  const bytesLegacy = readFileSync(fileLegacy.path);
  const rows: Array<[string, string, string, string, string]> = [];
  const compare = (label: string, [ours, theirs]: [number[], number[]]): void => {
    rows.push([
      label,
      `${ours.length}/${theirs.length}`,
      ms(median(ours)),
      ms(median(theirs)),
      `${(median(ours) / median(theirs)).toFixed(2)}x`,
    ]);
  };

  // The machine's own noise floor: the loop doing nothing for a second.
  const idle = await loopDelay(() => new Promise((r) => setTimeout(r, 1000)));
  // Cold: the first long KDF chain starts the worker threads.
  await shutdownCertificateWorkers();
  const cold = await loopDelay(() => inspectPkcs12(bytes600k, PASSWORD));
  prewarmCertificateWorkers();
  await new Promise((r) => setTimeout(r, 300));

  const opensslOpen = (path: string, legacy = false): string[] => [
    'pkcs12',
    '-in',
    path,
    '-passin',
    `pass:${PASSWORD}`,
    '-nodes',
    ...(legacy ? ['-legacy'] : []),
  ];
  await inspectPkcs12(bytes2048, PASSWORD);
  compare(
    'open 2,048-iteration file (OpenSSL 3 default)',
    await interleaved(21, () => inspectPkcs12(bytes2048, PASSWORD), opensslOpen(file2048.path)),
  );
  compare(
    'open 2,048-iteration file (-legacy RC2/3DES)',
    await interleaved(21, () => inspectPkcs12(bytesLegacy, PASSWORD), opensslOpen(fileLegacy.path, true)),
  );
  compare(
    'open 600,000-iteration file (warm workers)',
    await interleaved(9, () => inspectPkcs12(bytes600k, PASSWORD), opensslOpen(file600k.path)),
  );
  compare(
    'open 600,000-iteration -legacy file (warm workers)',
    await interleaved(5, () => inspectPkcs12(bytesLegacy600k, PASSWORD), opensslOpen(fileLegacy600k.path, true)),
  );
  const warm = await loopDelay(() => inspectPkcs12(bytes600k, PASSWORD));

  const gen = (keyAlgorithm: 'rsa-2048' | 'rsa-4096') => () =>
    generateSelfSignedCertificate({ commonName: 'Bench', keyAlgorithm });
  const opensslReq = (bits: number): string[] => [
    'req',
    '-x509',
    '-newkey',
    `rsa:${bits}`,
    '-nodes',
    '-keyout',
    '/dev/null',
    '-out',
    '/dev/null',
    '-subj',
    '/CN=Bench',
    '-days',
    '365',
  ];
  compare('generate RSA-2048 self-signed certificate', await interleaved(15, gen('rsa-2048'), opensslReq(2048)));
  compare('generate RSA-4096 self-signed certificate', await interleaved(9, gen('rsa-4096'), opensslReq(4096)));
  const genDelay = await loopDelay(gen('rsa-4096'));
  const legacyDelay = await loopDelay(() => inspectPkcs12(bytesLegacy600k, PASSWORD));
  await shutdownCertificateWorkers();

  console.log(
    '\nWhole processes: gcw (built CLI) and openssl, each a process, alternating; wall ms (bash around each process).',
  );
  console.log(wholeProcessTable([file2048.path, fileLegacy.path, file600k.path, fileLegacy600k.path]));
  console.log(
    '\nIn-process: our functions called in this process (warm JIT, KDF workers started before timing) against openssl as a',
  );
  console.log(
    'whole process (start-up included). This is the work inside a running app, not what a gcw user waits for (above).',
  );
  console.log(
    table(
      [
        'operation',
        'runs (ours/openssl)',
        'ours median ms (in-process)',
        'openssl median ms (process)',
        'ours / openssl',
      ],
      rows,
    ),
  );
  console.log();
  console.log('| event loop while … | total ms | max delay ms | p99 delay ms |');
  console.log('|---|---|---|---|');
  console.log(`| idle (this machine's noise floor) | ${ms(idle.total)} | ${ms(idle.max)} | ${ms(idle.p99)} |`);
  console.log(
    `| opening the 600,000-iteration file, cold (workers start) | ${ms(cold.total)} | ${ms(cold.max)} | ${ms(cold.p99)} |`,
  );
  console.log(
    `| opening the 600,000-iteration file, warm workers | ${ms(warm.total)} | ${ms(warm.max)} | ${ms(warm.p99)} |`,
  );
  console.log(
    `| opening the 600,000-iteration -legacy file, warm workers | ${ms(legacyDelay.total)} | ${ms(legacyDelay.max)} | ${ms(legacyDelay.p99)} |`,
  );
  console.log(
    `| generating an RSA-4096 certificate | ${ms(genDelay.total)} | ${ms(genDelay.max)} | ${ms(genDelay.p99)} |`,
  );
  console.log(
    '\nRuns alternate ours/openssl; process times are measured by a shell around each process (start-up included, Node spawn cost excluded).',
  );
}

/** gcw cert inspect and gcw cert new as whole processes against the openssl CLI on the same files. */
function wholeProcessTable(files: [string, string, string, string]): string {
  const root = resolve(import.meta.dirname, '..');
  const env = { GCW_BENCH_PW: PASSWORD };
  const gcw = (label: string, args: string[]): TimedCommand => ({
    label,
    argv: [process.execPath, join(root, 'bin/gcw.mjs'), ...args],
    env,
  });
  const ossl = (label: string, file: string, legacy = false): TimedCommand => ({
    label,
    argv: ['openssl', 'pkcs12', '-in', file, '-passin', 'env:GCW_BENCH_PW', '-nodes', ...(legacy ? ['-legacy'] : [])],
    env,
  });
  // Both make a new key pair and certificate in a fresh folder (gcw also writes the PFX, PEM, base64 and keyCredentials).
  const fresh = (label: string, command: string): TimedCommand => ({
    label,
    argv: ['sh', '-c', `d=$(mktemp -d) && ${command} && rm -rf "$d"`],
    env,
  });
  const pairs: Array<[string, TimedCommand, TimedCommand, number]> = [
    [
      'open 2,048-iteration file (OpenSSL 3 default)',
      gcw('gcw', ['cert', 'inspect', files[0], '--password-env', 'GCW_BENCH_PW', '--json']),
      ossl('openssl', files[0]),
      15,
    ],
    [
      'open 2,048-iteration file (-legacy RC2/3DES)',
      gcw('gcw', ['cert', 'inspect', files[1], '--password-env', 'GCW_BENCH_PW', '--json']),
      ossl('openssl', files[1], true),
      15,
    ],
    [
      'open 600,000-iteration file',
      gcw('gcw', ['cert', 'inspect', files[2], '--password-env', 'GCW_BENCH_PW', '--json']),
      ossl('openssl', files[2]),
      7,
    ],
    [
      'open 600,000-iteration -legacy file',
      gcw('gcw', ['cert', 'inspect', files[3], '--password-env', 'GCW_BENCH_PW', '--json']),
      ossl('openssl', files[3], true),
      5,
    ],
    [
      'new RSA-2048 self-signed certificate',
      fresh(
        'gcw',
        `"${process.execPath}" "${join(root, 'bin/gcw.mjs')}" cert new --cn Bench --out "$d" --password-env GCW_BENCH_PW >/dev/null`,
      ),
      fresh(
        'openssl',
        'openssl req -x509 -newkey rsa:2048 -nodes -keyout "$d/k.pem" -out "$d/c.pem" -subj /CN=Bench -days 365 2>/dev/null',
      ),
      9,
    ],
  ];
  const rows = pairs.map(([label, ours, theirs, runs]) => {
    const t = interleavedProcesses(runs, [ours, theirs]);
    const a = t.get('gcw')!.map((x) => x.wall);
    const b = t.get('openssl')!.map((x) => x.wall);
    return [
      label,
      String(runs),
      msOf(min(a)),
      msOf(medianOf(a)),
      msOf(min(b)),
      msOf(medianOf(b)),
      `${(medianOf(a) / medianOf(b)).toFixed(2)}×`,
    ];
  });
  return table(
    ['operation', 'runs', 'gcw min', 'gcw median', 'openssl min', 'openssl median', 'gcw / openssl (medians)'],
    rows,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
