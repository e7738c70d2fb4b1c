// Benchmark of the certificate domain against the openssl CLI: `npm run bench:certs`. Timings never gate tests.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { generateSelfSignedCertificate, inspectPkcs12, prewarmCertificateWorkers, shutdownCertificateWorkers } from '../src/core/certificates';
import { buildMatrix, PASSWORD } from '../test/fixtures/pkcs12/openssl-matrix';
import { opensslVersion } from '../test/fixtures/pkcs12/openssl';

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
async function interleaved(runs: number, ours: () => Promise<unknown>, theirs: string[]): Promise<[number[], number[]]> {
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
    rows.push([label, `${ours.length}/${theirs.length}`, ms(median(ours)), ms(median(theirs)), `${(median(ours) / median(theirs)).toFixed(2)}x`]);
  };

  // The machine's own noise floor: the loop doing nothing for a second.
  const idle = await loopDelay(() => new Promise((r) => setTimeout(r, 1000)));
  // Cold: the first long KDF chain starts the worker threads.
  await shutdownCertificateWorkers();
  const cold = await loopDelay(() => inspectPkcs12(bytes600k, PASSWORD));
  prewarmCertificateWorkers();
  await new Promise((r) => setTimeout(r, 300));

  const opensslOpen = (path: string, legacy = false): string[] => ['pkcs12', '-in', path, '-passin', `pass:${PASSWORD}`, '-nodes', ...(legacy ? ['-legacy'] : [])];
  await inspectPkcs12(bytes2048, PASSWORD);
  compare('open 2,048-iteration file (OpenSSL 3 default)', await interleaved(21, () => inspectPkcs12(bytes2048, PASSWORD), opensslOpen(file2048.path)));
  compare('open 2,048-iteration file (-legacy RC2/3DES)', await interleaved(21, () => inspectPkcs12(bytesLegacy, PASSWORD), opensslOpen(fileLegacy.path, true)));
  compare('open 600,000-iteration file (warm workers)', await interleaved(9, () => inspectPkcs12(bytes600k, PASSWORD), opensslOpen(file600k.path)));
  compare('open 600,000-iteration -legacy file (warm workers)', await interleaved(5, () => inspectPkcs12(bytesLegacy600k, PASSWORD), opensslOpen(fileLegacy600k.path, true)));
  const warm = await loopDelay(() => inspectPkcs12(bytes600k, PASSWORD));

  const gen = (keyAlgorithm: 'rsa-2048' | 'rsa-4096') => () => generateSelfSignedCertificate({ commonName: 'Bench', keyAlgorithm });
  const opensslReq = (bits: number): string[] => ['req', '-x509', '-newkey', `rsa:${bits}`, '-nodes', '-keyout', '/dev/null', '-out', '/dev/null', '-subj', '/CN=Bench', '-days', '365'];
  compare('generate RSA-2048 self-signed certificate', await interleaved(15, gen('rsa-2048'), opensslReq(2048)));
  compare('generate RSA-4096 self-signed certificate', await interleaved(9, gen('rsa-4096'), opensslReq(4096)));
  const genDelay = await loopDelay(gen('rsa-4096'));
  const legacyDelay = await loopDelay(() => inspectPkcs12(bytesLegacy600k, PASSWORD));
  await shutdownCertificateWorkers();

  const header: [string, string, string, string, string] = ['operation', 'runs (ours/openssl)', 'ours median ms', 'openssl median ms', 'ours / openssl'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log();
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log();
  console.log('| event loop while … | total ms | max delay ms | p99 delay ms |');
  console.log('|---|---|---|---|');
  console.log(`| idle (this machine's noise floor) | ${ms(idle.total)} | ${ms(idle.max)} | ${ms(idle.p99)} |`);
  console.log(`| opening the 600,000-iteration file, cold (workers start) | ${ms(cold.total)} | ${ms(cold.max)} | ${ms(cold.p99)} |`);
  console.log(`| opening the 600,000-iteration file, warm workers | ${ms(warm.total)} | ${ms(warm.max)} | ${ms(warm.p99)} |`);
  console.log(`| opening the 600,000-iteration -legacy file, warm workers | ${ms(legacyDelay.total)} | ${ms(legacyDelay.max)} | ${ms(legacyDelay.p99)} |`);
  console.log(`| generating an RSA-4096 certificate | ${ms(genDelay.total)} | ${ms(genDelay.max)} | ${ms(genDelay.p99)} |`);
  console.log('\nRuns alternate ours/openssl; openssl times are measured by a shell around each process (start-up included, Node spawn cost excluded).');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
