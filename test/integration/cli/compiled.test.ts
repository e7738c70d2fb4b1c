// gcw runs compiled JavaScript (dist/cli): nothing from the folder it is started in runs, no TypeScript loader
// starts (no tsx cache in TMPDIR), and each command loads only its own modules.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { gcwBin, runGcw, byoProfileArgs, TEST_APP_ID as APP_ID } from '../../support/gcw';

const root = resolve(import.meta.dirname, '../../..');

/** A folder from a ticket that tries every way a tool could pick up code or settings from where it runs. */
function hostileFolder(dir: string, marker: string): void {
  const evil = `require('node:fs').appendFileSync(${JSON.stringify(marker)}, 'ran ' + __filename + ' secret=' + (process.env.GCW_TEST_SECRET ?? '') + '\\n');\nmodule.exports = {};\n`;
  const evilEsm = `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(marker)}, 'ran ' + import.meta.url + ' secret=' + (process.env.GCW_TEST_SECRET ?? '') + '\\n');\nexport const z = {};\nexport default {};\n`;
  writeFileSync(join(dir, 'evil.ts'), evilEsm);
  writeFileSync(join(dir, 'evil.mjs'), evilEsm);
  writeFileSync(join(dir, 'evil.cjs'), evil);
  const paths = {
    '*': ['./evil.ts'],
    zod: ['./evil.ts'],
    '@azure/msal-node': ['./evil.ts'],
    'node-forge': ['./evil.ts'],
  };
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { baseUrl: '.', paths, allowJs: true } }),
  );
  writeFileSync(join(dir, 'jsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths } }));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'ticket',
      type: 'commonjs',
      main: 'evil.cjs',
      imports: { '#zod': './evil.cjs' },
      dependencies: { zod: '*' },
    }),
  );
  writeFileSync(join(dir, '.env'), 'NODE_OPTIONS=--require ./evil.cjs\n');
  for (const name of ['zod', '@azure/msal-node', 'node-forge', 'tsx']) {
    const folder = join(dir, 'node_modules', name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'package.json'),
      JSON.stringify({
        name,
        version: '99.0.0',
        main: 'index.js',
        exports: { '.': { import: './index.mjs', default: './index.js' } },
      }),
    );
    writeFileSync(join(folder, 'index.js'), evil);
    writeFileSync(join(folder, 'index.mjs'), evilEsm);
  }
}

describe('gcw is compiled JavaScript', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcw-hostile-'));
  const marker = join(dir, 'PWNED.txt');
  const tmp = join(dir, 'tmp');

  beforeAll(() => {
    hostileFolder(dir, marker);
    mkdirSync(tmp);
    const profile = runGcw(byoProfileArgs('profile.json'), { cwd: dir, env: { TMPDIR: tmp } });
    expect(profile.code, profile.stderr).toBeLessThan(2);
    writeFileSync(
      join(dir, 'app.json'),
      JSON.stringify({
        appId: APP_ID,
        displayName: 'Ticket app',
        signInAudience: 'AzureADMyOrg',
        web: { redirectUris: [] },
      }),
    );
  });

  it('runs nothing from the folder it is started in (tsconfig paths, package.json, node_modules, .env) and starts no TypeScript loader', () => {
    const env = { TMPDIR: tmp, GCW_TEST_SECRET: 'abcSecretFromTheAdmin' };
    const runs = [
      runGcw(['--version'], { cwd: dir, env }),
      runGcw(['profile', 'lint', 'profile.json', '--json'], { cwd: dir, env }),
      runGcw(
        ['verify', '--manifest', 'app.json', '--profile', 'profile.json', '--secret-env', 'GCW_TEST_SECRET', '--json'],
        { cwd: dir, env },
      ),
      runGcw(['scopes', '--auth', 'byo-app', '--json'], { cwd: dir, env }),
      runGcw(['consent-url', '--profile', 'profile.json'], { cwd: dir, env }),
    ];
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : 'nothing ran').toBe('nothing ran');
    // tsx keeps a transform cache in $TMPDIR/tsx-<uid> that another local user could prepare; none is made.
    expect(readdirSync(tmp)).toEqual([]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 1, 0, 0]);
    expect(JSON.parse(runs[1]!.stdout)).toHaveProperty('findings');
    expect(JSON.parse(runs[2]!.stdout)).toMatchObject({ file: 'app.json', format: 'graph' });
  });

  it('prints its version from any folder, also through a symlinked bin as npm install -g makes it', () => {
    const link = join(dir, 'bin-link');
    mkdirSync(link);
    spawnSync('ln', ['-s', gcwBin, join(link, 'gcw')]);
    const r = spawnSync(join(link, 'gcw'), ['--version'], {
      cwd: tmpdir(),
      encoding: 'utf8',
      env: { ...process.env, PATH: `${resolve(process.execPath, '..')}:${process.env.PATH ?? ''}` },
    });
    expect({ code: r.status, stdout: r.stdout }).toEqual({ code: 0, stdout: `${pkg.version}\n` });
  });
});

describe('gcw loads each command only when it runs', () => {
  const built = JSON.parse(readFileSync(join(root, 'dist/cli/build-inputs.json'), 'utf8')) as {
    outputs: Record<string, string[]>;
  };
  const heavy = ['zod', '@azure/msal-node', 'node-forge', 'src/core/permissions/graph-permissions.json'];

  // Loaded with `node --import`: appends every file:// module Node loads to $GCW_TRACE_FILE, one URL a line.
  const traceHook = `data:text/javascript,${encodeURIComponent(
    "import { appendFileSync } from 'node:fs'; import { registerHooks } from 'node:module';" +
      "registerHooks({ load(url, context, next) { if (url.startsWith('file:')) appendFileSync(process.env.GCW_TRACE_FILE, url + '\\n'); return next(url, context); } });",
  )}`;

  /** What a run loaded: the bundled packages and data files of every dist/cli file Node read. */
  function loaded(args: string[]): { files: string[]; holds: string[] } {
    const trace = join(mkdtempSync(join(tmpdir(), 'gcw-trace-')), 'loads.txt');
    const r = spawnSync(process.execPath, ['--import', traceHook, gcwBin, ...args], {
      encoding: 'utf8',
      env: { ...process.env, GCW_TRACE_FILE: trace },
    });
    expect(r.status, r.stderr).toBe(0);
    const files = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((url) => relative(join(root, 'dist/cli'), fileURLToPath(url)));
    return { files, holds: [...new Set(files.flatMap((f) => built.outputs[f] ?? []))].sort() };
  }

  it('--version and --help load none of the commands and none of their libraries', () => {
    for (const args of [['--version'], ['--help']]) {
      const { files, holds } = loaded(args);
      expect(
        files.filter((f) =>
          /^chunks\/(cert|profile|verify|signin|record|scopes|token|environments|consent-url)-/.test(f),
        ),
      ).toEqual([]);
      expect(holds.filter((h) => h !== 'package.json')).toEqual([]);
    }
  });

  it('environments loads no sign-in library, certificate library or permission catalogue', () => {
    const { holds } = loaded(['environments', '--json']);
    expect(holds.filter((h) => heavy.slice(1).includes(h))).toEqual([]);
  });

  it('scopes loads the permission catalogue but not msal or node-forge', () => {
    const { holds } = loaded(['scopes', '--auth', 'byo-app', '--json']);
    expect(holds).toContain('src/core/permissions/graph-permissions.json');
    expect(holds).not.toContain('@azure/msal-node');
    expect(holds).not.toContain('node-forge');
  });
});
