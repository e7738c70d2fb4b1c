// `gcw app` as a real process: --dry-run --json prints the requests and contacts nobody; without --yes and without a
// terminal it prints the preview, writes nothing and exits 2; a full create against the emulator with --yes.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpBrowser, startSigninHarness, type SigninHarness } from '../../support/idp';
import { addManagementApp } from '../../support/graph/management';

const bin = resolve(import.meta.dirname, '../../../bin/gcw.mjs');

function gcw(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, ...env },
    input: '',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gcw app', () => {
  let h: SigninHarness;
  let dir = '';
  beforeAll(async () => {
    h = await startSigninHarness();
    addManagementApp(h.s.tenant);
    dir = mkdtempSync(join(tmpdir(), 'gcw-app-'));
    writeFileSync(join(dir, 'ca.pem'), h.pki.caPem);
    const base = {
      format: 'gcw-profile',
      schemaVersion: 1,
      auth: 'client-credentials',
      scopes: ['User.Read', 'Files.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
    };
    writeFileSync(
      join(dir, 'gov.json'),
      JSON.stringify({ ...base, name: 'Gov app', environment: 'usgov-l4', tenant: 'contoso.onmicrosoft.us' }),
    );
    writeFileSync(
      join(dir, 'emu.json'),
      JSON.stringify({
        ...base,
        name: 'CLI app',
        environment: 'custom',
        customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
        tenant: h.s.tenantId,
      }),
    );
  });
  afterAll(async () => h?.close());

  it('--dry-run --json prints { requests } for the profile’s cloud and contacts nobody', () => {
    const r = gcw(
      [
        'app',
        'create',
        '--profile',
        'gov.json',
        '--new-secret',
        '--secret-months',
        '3',
        '--consent',
        '--dry-run',
        '--json',
      ],
      dir,
      { HTTPS_PROXY: 'http://127.0.0.1:9' },
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { requests: Array<{ method: string; url: string; body: unknown }> };
    expect(Object.keys(out)).toEqual(['requests']);
    expect(out.requests.map((q) => `${q.method} ${q.url}`)).toEqual([
      'POST https://graph.microsoft.us/v1.0/applications',
      'POST https://graph.microsoft.us/v1.0/applications/{application.id}/addPassword',
      'POST https://graph.microsoft.us/v1.0/servicePrincipals',
      "GET https://graph.microsoft.us/v1.0/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')?$select=id,appId,displayName",
      'POST https://graph.microsoft.us/v1.0/oauth2PermissionGrants',
      'POST https://graph.microsoft.us/v1.0/servicePrincipals/{graphServicePrincipal.id}/appRoleAssignedTo',
    ]);
    expect(out.requests[0]?.body).toMatchObject({
      displayName: 'Gov app',
      signInAudience: 'AzureADMyOrg',
      web: { redirectUris: ['http://localhost'] },
    });
  });

  it('without --yes and without a terminal: the preview, nothing written, exit 2 saying so', () => {
    const before = h.idp.requests.length;
    const r = gcw(['app', 'create', '--profile', 'emu.json', '--new-secret'], dir, {
      NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'),
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`1. POST https://${h.idp.host}/v1.0/applications`);
    expect(r.stderr).toContain('Nothing was written');
    expect(r.stderr).toContain('--yes');
    expect(h.idp.requests.length).toBe(before);
  });

  it('repair --dry-run without --manifest is a usage error', () => {
    const r = gcw(['app', 'repair', '--profile', 'gov.json', '--dry-run', '--json'], dir);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.message).toContain('--manifest');
  });

  it('--yes: the administrator signs in in the browser, the app is created, the secret printed once, verified', async () => {
    const child = spawn(
      process.execPath,
      [bin, 'app', 'create', '--profile', 'emu.json', '--new-secret', '--consent', '--yes', '--no-browser', '--json'],
      { cwd: dir, env: { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem') } },
    );
    let stdout = '';
    let stderr = '';
    const browser = new HttpBrowser({ caPem: h.pki.caPem, user: h.s.admin });
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const url = /(https:\/\/\S+\/oauth2\/v2\.0\/authorize\S+)/.exec(stderr)?.[1];
      if (url && !stderr.includes('#visited')) {
        stderr += '#visited';
        void browser.visit(url);
      }
    });
    const code = await new Promise<number | null>((r) => child.on('close', r));
    browser.close();
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as {
      appId: string;
      newSecret: { secretText: string };
      verification: { error: number };
    };
    expect(out.newSecret.secretText.length).toBeGreaterThan(20);
    expect(out.verification.error).toBe(0);
    expect(h.idp.graph.forTenant(h.s.tenantId)?.byAppId(out.appId)).toBeDefined();
  });
});
