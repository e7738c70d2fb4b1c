// Builds `gcw` into dist/cli/: plain JavaScript bundled by esbuild from src/cli/entry.ts, with every dependency
// inside (nothing is resolved from node_modules or the current folder at run time, and no TypeScript loader runs).
// Each command is a dynamic import, so esbuild splits it into its own chunk that loads only when the command runs.
//
//   node scripts/build-cli.mjs              build (npm run build:cli; also run by `prepare` on npm install / npm ci)
//   node scripts/build-cli.mjs --if-stale   build only when a source file, package.json or this script is newer
//                                           than the last build (the integration tests' global setup uses this)
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const outDir = join(root, 'dist/cli');
const stampFile = join(outDir, 'build-inputs.json');

/** True when dist/cli is missing or older than any file it was built from (and than this script). */
export function isStale() {
  if (!existsSync(stampFile)) return true;
  const { builtAt, inputs } = JSON.parse(readFileSync(stampFile, 'utf8'));
  const sources = [...inputs, 'package.json', 'package-lock.json', 'scripts/build-cli.mjs'];
  return sources.some((file) => {
    try {
      return statSync(join(root, file)).mtimeMs > builtAt;
    } catch {
      return true; // an input is gone: build again
    }
  });
}

/** What each output file holds: the packages bundled into it and its JSON data files (tests check what a command loads). */
function outputContents(metafile, staging) {
  const contents = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.mjs')) continue;
    const held = new Set();
    for (const input of Object.keys(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      if (pkg) held.add(pkg[1]);
      else if (input.endsWith('.json')) held.add(input);
    }
    contents[relative(staging, resolve(root, file)).split(sep).join('/')] = [...held].sort();
  }
  return contents;
}

/** Build into a fresh folder, then swap it in, so a gcw started meanwhile never sees half a build. */
export async function buildCli() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error(
      'esbuild is not installed. Run npm install (or npm ci) with dev dependencies, then npm run build:cli.',
    );
  }
  const started = Date.now();
  const staging = join(root, `dist/.cli-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { gcw: 'src/cli/entry.ts' },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22.13',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // Bundled CommonJS packages (node-forge, msal-node) call require() for Node built-ins; ESM has none of its own.
    banner: {
      js: "import { createRequire as __gcwCreateRequire } from 'node:module'; const require = __gcwCreateRequire(import.meta.url);",
    },
    define: { 'process.env.NODE_ENV': '"production"' },
    // A native addon (prebuilt binaries in its npm packages) cannot be bundled: gcw ui loads it from the project's
    // node_modules, resolved from dist/cli (never from the folder gcw is started in).
    external: ['@napi-rs/keyring'],
    // Smaller files parse faster at every start; names are kept, and the source maps say where a stack trace points
    // (run with NODE_OPTIONS=--enable-source-maps).
    minifySyntax: true,
    minifyWhitespace: true,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
  writeFileSync(
    join(staging, 'build-inputs.json'),
    `${JSON.stringify({ builtAt: started, inputs, outputs: outputContents(result.metafile, staging) }, null, 1)}\n`,
  );
  mkdirSync(dirname(outDir), { recursive: true });
  const old = join(root, `dist/.cli-old-${process.pid}`);
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(staging, outDir);
  rmSync(old, { recursive: true, force: true });
  const files = Object.keys(result.metafile.outputs).length;
  return { ms: Date.now() - started, files };
}

if (resolve(process.argv[1] ?? '') === import.meta.filename) {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && !isStale()) {
    console.log('gcw: dist/cli is up to date.');
  } else {
    const { ms, files } = await buildCli();
    console.log(`Built gcw into dist/cli/ (${files} files) in ${(ms / 1000).toFixed(1)} s.`);
  }
}
