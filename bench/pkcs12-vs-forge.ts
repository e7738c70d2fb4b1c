// `npm run bench:pkcs12-forge`: why the PKCS#12 reader is our own (docs/decisions/0001-own-pkcs12-reader.md).
// 1. What opens: every file of the OpenSSL matrix through our reader and through node-forge 1.4.3 (in process; a
//    count, not a timing): the container (MAC + decryption) and whether the key and certificate come out parsed.
// 2. What a user waits for: whole processes, interleaved, min and median — `gcw cert inspect` (the built CLI),
//    a Node process that opens the file with node-forge, and `openssl pkcs12` on the same files.
// GCW_BENCH_RUNS (default 5) sets the rounds for the small files; the 600,000-iteration file gets 3. Never gates CI.
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type * as Forge from 'node-forge';
import { inspectPkcs12, shutdownCertificateWorkers } from '../src/core/certificates';
import { buildMatrix, type MatrixFile } from '../test/fixtures/pkcs12/openssl-matrix';
import { opensslVersion } from '../test/fixtures/pkcs12/openssl';
import { interleaved, median, min, ms, table, type TimedCommand, type Timing } from './process-timing';

const root = resolve(import.meta.dirname, '..');
const forgeModule = createRequire(import.meta.url).resolve('node-forge');
const forge = createRequire(import.meta.url)('node-forge') as typeof Forge;
const RUNS = Number(process.env.GCW_BENCH_RUNS ?? 5);
const work = mkdtempSync(join(tmpdir(), 'gcw-bench-forge-'));

type ForgeOutcome = 'opened, key and certificate parsed' | 'container opened, key or certificate not parsed' | 'failed';

/** node-forge's documented way to open a PFX: pkcs12FromAsn1, then the key and certificate bags. */
function openWithForge(bytes: Buffer, password: string | null): { outcome: ForgeOutcome; error?: string } {
  try {
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(bytes.toString('binary')), false, password ?? undefined);
    const bags = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
    const shrouded = forge.pki.oids.pkcs8ShroudedKeyBag ?? '';
    const keys = [...bags(shrouded), ...bags(forge.pki.oids.keyBag ?? '')];
    const certs = bags(forge.pki.oids.certBag ?? '');
    if (certs.every((b) => b.cert) && keys.every((b) => b.key))
      return { outcome: 'opened, key and certificate parsed' };
    // forge swallows the reason a bag was not parsed (bag.cert / bag.key stay null): ask it again to say why.
    const why: string[] = [];
    for (const b of certs.filter((c) => !c.cert && c.asn1))
      why.push(`certificate: ${errorOf(() => forge.pki.certificateFromAsn1(b.asn1, true))}`);
    for (const b of keys.filter((k) => !k.key && k.asn1))
      why.push(`key: ${errorOf(() => forge.pki.privateKeyFromAsn1(b.asn1))}`);
    return {
      outcome: 'container opened, key or certificate not parsed',
      error: [...new Set(why)].join('; ') || undefined,
    };
  } catch (error) {
    return { outcome: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}

// The same, as its own process for the timings (exit 0 opened and parsed, 3 container only, 1 failed).
const forgeScript = join(work, 'forge-open.cjs');
writeFileSync(
  forgeScript,
  `const forge = require(${JSON.stringify(forgeModule)});
const bytes = require('node:fs').readFileSync(process.argv[2]);
try {
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(bytes.toString('binary')), false, process.env.GCW_BENCH_PW);
  const o = forge.pki.oids;
  const keys = p12.getBags({ bagType: o.pkcs8ShroudedKeyBag })[o.pkcs8ShroudedKeyBag] || [];
  const certs = p12.getBags({ bagType: o.certBag })[o.certBag] || [];
  process.exit(certs.every((b) => b.cert) && keys.every((b) => b.key) ? 0 : 3);
} catch { process.exit(1); }
`,
);

function errorOf(f: () => unknown): string {
  try {
    f();
    return 'no error when asked again';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function correctness(files: MatrixFile[]): Promise<void> {
  let ours = 0;
  let forgeFull = 0;
  let forgeContainer = 0;
  const forgeFailures = new Map<string, string[]>();
  for (const f of files) {
    const bytes = readFileSync(f.path);
    try {
      await inspectPkcs12(bytes, f.password);
      ours += 1;
    } catch (error) {
      console.log(`  our reader failed on ${f.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const r = openWithForge(bytes, f.password);
    if (r.outcome !== 'failed') forgeContainer += 1;
    if (r.outcome === 'opened, key and certificate parsed') forgeFull += 1;
    else {
      const why = `${r.outcome}: ${r.error ?? ''}`;
      forgeFailures.set(why, [...(forgeFailures.get(why) ?? []), f.name]);
    }
  }
  console.log(`Files opened, out of ${files.length} (in process; counts, not timings):`);
  console.log(`- our reader (inspectPkcs12): ${ours}`);
  console.log(
    `- node-forge 1.4.3, container (MAC + decryption): ${forgeContainer}; key and certificate parsed too: ${forgeFull}`,
  );
  console.log('node-forge, what went wrong:');
  for (const [why, names] of forgeFailures)
    console.log(`- ${why} (${names.length}): ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}`);
}

const env = (password: string | null) => ({ GCW_BENCH_PW: password ?? '' });
const node = process.execPath;
const gcwBin = join(root, 'bin/gcw.mjs');
const commands = (f: MatrixFile): TimedCommand[] => [
  {
    label: 'gcw cert inspect',
    argv: [node, gcwBin, 'cert', 'inspect', f.path, '--password-env', 'GCW_BENCH_PW', '--json'],
    env: env(f.password),
  },
  { label: 'node + node-forge', argv: [node, forgeScript, f.path], env: env(f.password), ok: [0, 1, 3] },
  {
    label: 'openssl pkcs12',
    argv: [
      'openssl',
      'pkcs12',
      '-in',
      f.path,
      '-passin',
      'env:GCW_BENCH_PW',
      '-nodes',
      ...(f.legacy ? ['-legacy'] : []),
    ],
    env: env(f.password),
  },
];

async function main(): Promise<void> {
  const ossl = opensslVersion();
  if (!ossl) throw new Error('The openssl CLI is needed for the comparison.');
  readFileSync(join(root, 'dist/cli/gcw.mjs')); // built by the npm script (build-cli --if-stale)
  console.log(
    `Node ${process.version}, ${ossl}, node-forge 1.4.3, ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  const matrix = await buildMatrix();
  await correctness(matrix.files);

  console.log(
    '\nWhole processes, interleaved after one untimed round (wall ms; bash times each process, no Node spawn cost):',
  );
  const pick = (name: string) => matrix.files.find((f) => f.name === name)!;
  const rows: string[][] = [];
  for (const [name, runs] of [
    ['rsa2048--ossl3-default.pfx', RUNS],
    ['ecp256--ossl3-default.pfx', RUNS],
    ['rsa2048--unicodepw.pfx', RUNS],
    ['rsa2048--win-3des-sha1.pfx', RUNS],
    ['rsa2048--iter600k.pfx', 3],
  ] as const) {
    const file = pick(name);
    const times = interleaved(runs, commands(file));
    const wall = (label: string) => (times.get(label) ?? []).map((t: Timing) => t.wall);
    const forgeExit = readForgeExit(file);
    const osslMedian = median(wall('openssl pkcs12'));
    for (const label of ['gcw cert inspect', 'node + node-forge', 'openssl pkcs12']) {
      const w = wall(label);
      const note = label === 'node + node-forge' ? forgeExit : 'opened';
      rows.push([
        name,
        label,
        String(w.length),
        ms(min(w)),
        ms(median(w)),
        `${(median(w) / osslMedian).toFixed(2)}×`,
        note,
      ]);
    }
  }
  console.log(table(['file', 'process', 'runs', 'min', 'median', 'median / openssl', 'result'], rows));
  await shutdownCertificateWorkers();
}

function readForgeExit(f: MatrixFile): string {
  return openWithForge(readFileSync(f.path), f.password).outcome;
}

await main();
