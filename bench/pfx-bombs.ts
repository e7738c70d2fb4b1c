// Time, memory and event-loop delay to refuse PFX work bombs (issue 13.1): `npm run bench:bombs`. Never gates tests.
// In-process figures are labelled as such; the whole-process rows run `gcw cert inspect` and `openssl pkcs12 -info`
// on the same files, interleaved.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { openPkcs12, shutdownCertificateWorkers } from '../src/core/certificates';
import { derivationsStarted } from '../src/core/certificates/pkcs12/kdf-runner';
import { opensslVersion } from '../test/fixtures/pkcs12/openssl';
import { eightByTenMillion, fourScryptParts, hiddenEightByTenMillion } from '../test/fixtures/pkcs12/work-bombs';

const execFileAsync = promisify(execFile);
const PASSWORD = 'Bench-Bomb-1';
const RUNS = 7;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const f1 = (n: number): string => n.toFixed(1);
const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** One refusal in this process: wall time, the event loop's largest delay, memory growth, and the error code. */
async function refuseOnce(pfx: Buffer, password: string) {
  if (global.gc) global.gc();
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const rss = process.memoryUsage().rss;
  const heap = process.memoryUsage().heapUsed;
  let peakRss = rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 1);
  histogram.enable();
  const started = performance.now();
  const code = await openPkcs12(pfx, password).then(
    () => 'opened',
    (error: { code: string }) => error.code,
  );
  const ms = performance.now() - started;
  await sleep(20); // the histogram sees a stall only when its timer fires after it
  histogram.disable();
  clearInterval(sampler);
  return {
    code,
    ms,
    maxDelay: histogram.max / 1e6,
    peakRssGrowth: Math.max(0, peakRss - rss),
    heapGrowth: process.memoryUsage().heapUsed - heap,
  };
}

/** Wall seconds and peak RSS (KiB) of a whole process, from /usr/bin/time. */
async function processRun(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ seconds: number; maxRssKiB: number; status: string }> {
  const { stdout, stderr } = await execFileAsync('/usr/bin/time', ['-f', '@@ %e %M', command, ...args], {
    env: { ...process.env, ...env },
  }).catch((e: { stdout: string; stderr: string }) => e);
  const match = /@@ ([\d.]+) (\d+)/.exec(stderr);
  const last = `${stdout}\n${stderr}`.split('\n').find((l) => /"code"|Mac verify/i.test(l)) ?? '';
  return { seconds: Number(match?.[1] ?? NaN), maxRssKiB: Number(match?.[2] ?? NaN), status: last.trim().slice(0, 60) };
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}; ${opensslVersion() ?? 'no openssl CLI'}; ${RUNS} runs per row`);
  const bombs: Array<[string, Buffer, string]> = [
    ['8 shrouded keys × 10,000,000 PBKDF2 iterations', await eightByTenMillion(), PASSWORD],
    ['4 scrypt parts N=2^20, r=8 (1 GiB each)', await fourScryptParts(2 ** 20, 8), PASSWORD],
    ['4 scrypt parts N=2^14, r=32', await fourScryptParts(2 ** 14, 32), PASSWORD],
    [
      '8 × 10,000,000 hidden in an encrypted content (right password)',
      await hiddenEightByTenMillion(PASSWORD),
      PASSWORD,
    ],
  ];

  const idle = monitorEventLoopDelay({ resolution: 1 });
  idle.enable();
  await sleep(1000);
  idle.disable();
  console.log(`\nEvent loop noise floor here (idle for 1 s, same histogram): max ${f1(idle.max / 1e6)} ms\n`);

  console.log('In-process (openPkcs12, this Node process):\n');
  console.log(
    '| file | bytes | result | min ms | median ms | max event-loop delay ms | peak RSS growth MiB | derivations started |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [label, pfx, password] of bombs) {
    const runs = [];
    const before = derivationsStarted();
    for (let i = 0; i < RUNS; i++) runs.push(await refuseOnce(pfx, password));
    const started = (derivationsStarted() - before) / RUNS;
    const ms = runs.map((r) => r.ms);
    console.log(
      `| ${label} | ${pfx.length} | ${[...new Set(runs.map((r) => r.code))].join(', ')} | ${f1(Math.min(...ms))} | ${f1(median(ms))} | ${f1(Math.max(...runs.map((r) => r.maxDelay)))} | ${mib(Math.max(...runs.map((r) => r.peakRssGrowth)))} | ${started} |`,
    );
  }
  await shutdownCertificateWorkers();

  if (!opensslVersion()) return;
  const dir = mkdtempSync(join(tmpdir(), 'gcw-bench-bombs-'));
  console.log(
    '\nWhole processes, interleaved (gcw cert inspect vs openssl pkcs12 -info -nokeys; both refuse, openssl at its MAC check):\n',
  );
  console.log('| file | tool | runs | min s | median s | max RSS MiB | answer |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [label, pfx] of bombs.slice(0, 2)) {
    const path = join(dir, `${label.replace(/\W+/g, '-')}.pfx`);
    writeFileSync(path, pfx);
    const gcw: Awaited<ReturnType<typeof processRun>>[] = [];
    const ossl: Awaited<ReturnType<typeof processRun>>[] = [];
    for (let i = 0; i < 3; i++) {
      gcw.push(
        await processRun(
          process.execPath,
          ['bin/gcw.mjs', 'cert', 'inspect', path, '--password-env', 'BOMB_PW', '--json'],
          { BOMB_PW: PASSWORD },
        ),
      );
      ossl.push(
        await processRun('openssl', ['pkcs12', '-info', '-nokeys', '-in', path, '-passin', 'env:BOMB_PW'], {
          BOMB_PW: PASSWORD,
        }),
      );
    }
    for (const [tool, rows] of [
      ['gcw', gcw],
      ['openssl', ossl],
    ] as const) {
      const s = rows.map((r) => r.seconds);
      console.log(
        `| ${label} | ${tool} | ${rows.length} | ${Math.min(...s).toFixed(2)} | ${median(s).toFixed(2)} | ${(Math.max(...rows.map((r) => r.maxRssKiB)) / 1024).toFixed(0)} | ${rows[0]!.status.replace(/\|/g, '/')} |`,
      );
    }
  }
}

await main();
