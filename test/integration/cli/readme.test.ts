// Every `gcw` line of the README's command-line block, run as written through `sh -c` (so through npm run, with
// INIT_CWD) from a folder inside the repository that holds the files the lines name. Placeholders (<GUID>, <T>, …)
// are filled in; Microsoft's cloud cannot be reached here, so before the sign-in lines the profile's cloud is set to
// the test identity provider (Custom environment, reached through NODE_EXTRA_CA_CERTS). `--json` output must parse.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpBrowser } from '../../support/idp';
import { pfxOf } from '../../support/signin-profiles';
import { goodSpec, manifestJson, toGraph } from '../../unit/core/registration/manifest-builders';

const root = resolve(import.meta.dirname, '../../..');
const PFX_PASSWORD = 'Readme-Pfx-Password-7';

interface EmulatorInfo {
  host: string;
  caFile: string;
  tenantId: string;
  webApp: { clientId: string; secret: string; certificatePem: string; privateKeyPem: string };
  user: { username: string; password: string };
}

/** The README's ```sh block under "The command line", as commands (continuation lines joined). */
function readmeLines(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The command line: `gcw`'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .filter((line) => /\bgcw\b/.test(line));
}

/** Run one README line with sh in `cwd`; `tick` runs every 100 ms while it runs (to drive the browser). */
function sh(
  line: string,
  cwd: string,
  env: Record<string, string>,
  tick?: () => void,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('sh', ['-c', line], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setInterval(() => tick?.(), 100);
    const limit = setTimeout(() => child.kill('SIGTERM'), 90_000);
    child.on('exit', (code) => {
      clearInterval(timer);
      clearTimeout(limit);
      done({ code, stdout, stderr });
    });
  });
}

describe('the README’s gcw examples', () => {
  let emulator: ChildProcess;
  let info: EmulatorInfo;
  let dir: string;

  beforeAll(async () => {
    mkdirSync(join(root, '.tmp'), { recursive: true });
    dir = mkdtempSync(join(root, '.tmp', 'readme-'));
    emulator = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/idp/run-emulator.ts', '--ca-file', join(dir, 'ca.pem')],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = await new Promise<string>((ok, fail) => {
      createInterface({ input: emulator.stdout! }).once('line', ok);
      emulator.once('exit', (code) => fail(new Error(`emulator exited with ${code}`)));
    });
    info = JSON.parse(line) as EmulatorInfo;
    // The files the lines name: the app's PFX and its pasted base64, its manifest, a folder of manifests, a token.
    const pfx = await pfxOf(
      { certPem: info.webApp.certificatePem, privateKeyPem: info.webApp.privateKeyPem },
      PFX_PASSWORD,
    );
    writeFileSync(join(dir, 'app.pfx'), pfx);
    writeFileSync(join(dir, 'pasted.txt'), `${pfx.toString('base64')}\n`);
    const day = 86_400_000;
    const spec = {
      ...goodSpec(),
      appId: info.webApp.clientId,
      redirects: [
        { uri: 'https://cloud.example.com/provisioning_/callback', platform: 'web' as const },
        { uri: 'http://localhost', platform: 'web' as const },
      ],
      secrets: [
        {
          hint: info.webApp.secret.slice(0, 3),
          start: new Date(Date.now() - 10 * day).toISOString(),
          end: new Date(Date.now() + 300 * day).toISOString(),
          displayName: 'automation',
          keyId: 'f0b0b335-1d71-4883-8f98-567911bfdca6',
        },
      ],
    };
    const manifest = toGraph(spec);
    writeFileSync(join(dir, 'app.json'), JSON.stringify(manifest));
    mkdirSync(join(dir, 'manifests'));
    writeFileSync(join(dir, 'manifests', 'app-graph.json'), JSON.stringify(manifest));
    writeFileSync(join(dir, 'manifests', 'app-aad.json'), manifestJson(spec, 'aadgraph'));
    writeFileSync(
      join(dir, 'apps.json'),
      JSON.stringify({
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications',
        value: [manifest, toGraph({ ...spec, displayName: 'Second app' })],
      }),
    );
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    writeFileSync(
      join(dir, 'token.txt'),
      `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ aud: 'https://graph.microsoft.com', tid: info.tenantId, appid: info.webApp.clientId, roles: ['Sites.Read.All'], exp: Math.floor(Date.now() / 1000) + 3600, ver: '1.0' })}.c2ln\n`,
    );
  }, 60_000);

  afterAll(() => {
    emulator?.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs every line as written: exit 0 (verify: 0 or 1), --json output parses, files land in the user’s folder', async () => {
    const lines = readmeLines();
    expect(lines.length).toBeGreaterThanOrEqual(15);
    // A fake system browser: xdg-open hands the address to the test's HTTP browser, which signs in as the test user.
    const fakeBin = join(dir, 'fake-bin');
    mkdirSync(fakeBin);
    const opened = join(dir, 'opened.txt');
    writeFileSync(join(fakeBin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > "${opened}"\n`);
    chmodSync(join(fakeBin, 'xdg-open'), 0o755);
    const env = {
      PFX_PASSWORD,
      SECRET: info.webApp.secret,
      NODE_EXTRA_CA_CERTS: info.caFile,
      PATH: `${fakeBin}:${process.env.PATH ?? ''}`,
    };
    const fill = (line: string) =>
      line
        .replaceAll('<GUID>', info.webApp.clientId)
        .replaceAll('<ID>', info.webApp.clientId)
        .replaceAll('<T>', 'contoso.onmicrosoft.com')
        .replaceAll('<D>', 'cloud.example.com')
        .replaceAll('SECRET=…', `SECRET='${info.webApp.secret}'`);
    let cloudSwitched = false;
    const failures: string[] = [];
    for (const line of lines) {
      if (/\bsignin\b/.test(line) && !cloudSwitched) {
        // Microsoft's cloud stands in as the test identity provider: same profile, Custom cloud, the emulator's tenant.
        const profile = JSON.parse(readFileSync(join(dir, 'contoso.json'), 'utf8')) as Record<string, unknown>;
        writeFileSync(
          join(dir, 'contoso.json'),
          JSON.stringify({
            ...profile,
            environment: 'custom',
            customHosts: { loginHost: info.host, graphHost: info.host },
            tenant: info.tenantId,
          }),
        );
        cloudSwitched = true;
      }
      const browser = new HttpBrowser({ caPem: readFileSync(info.caFile, 'utf8'), user: info.user });
      let driven = false;
      const r = await sh(fill(line), dir, env, () => {
        if (!driven && existsSync(opened) && readFileSync(opened, 'utf8').startsWith('https://')) {
          driven = true;
          void browser.open(readFileSync(opened, 'utf8'));
        }
      });
      browser.close();
      rmSync(opened, { force: true });
      const allowed = /\bverify\b/.test(line) ? [0, 1] : [0];
      if (!allowed.includes(r.code ?? -1)) failures.push(`${line}\n  exit ${r.code}\n  ${r.stderr.trim()}`);
      if (/--json\b/.test(line)) {
        const parsed = (() => {
          try {
            return [JSON.parse(r.stdout) as unknown];
          } catch {
            return r.stdout
              .trim()
              .split('\n')
              .map((l) => JSON.parse(l) as unknown); // verify --dir --json: JSON Lines
          }
        })();
        expect(parsed.length, line).toBeGreaterThan(0);
      } else if (!/--out\b/.test(line)) {
        expect(r.stdout.length, line).toBeGreaterThan(0);
      }
      expect(r.stdout + r.stderr, line).not.toContain('> graph-connection-workbench'); // no npm banner
    }
    expect(failures).toEqual([]);
    // Outputs landed where the admin ran the commands.
    for (const file of [
      'contoso.json',
      'robot.json',
      'certs/contoso-sync.pfx',
      'app.pfx.b64.txt',
      'check.pfx',
      'record.md',
    ])
      expect(existsSync(join(dir, file)), file).toBe(true);
  }, 300_000);
});
