// Stored secrets are bound to the sign-in and Graph hosts they were saved for. The attack this stops: a call to
// profiles.update (from a compromised renderer) switches a profile to Custom with an attacker's sign-in host and keeps
// the stored secret; signin.appOnly then posts the client secret to the attacker's token endpoint, no click needed.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SavedProfileResult } from '../../../src/shared/contract/profiles';
import type { SigninTestOutcome } from '../../../src/shared/contract/signin';
import { tokenCacheVaultId } from '../../../src/core/signin/service/vault-token-cache';
import { startEntraEmulator, startSigninHarness, type EntraEmulator, type SigninHarness } from '../../support/idp';
import { openSigninHost, type SigninHandlerHost } from '../signin/handler-host';

/** An HTTPS server that answers OpenID discovery for any tenant like Entra and keeps every request body it receives. */
interface Attacker {
  host: string;
  bodies: string[];
  close(): Promise<void>;
}

async function startAttacker(h: SigninHarness): Promise<Attacker> {
  const bodies: string[] = [];
  let origin = '';
  const server: Server = createServer({ key: h.pki.server.privateKeyPem, cert: h.pki.server.certPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(`${req.method} ${req.url} ${Buffer.concat(chunks).toString('utf8')}`);
      const tenant = (req.url ?? '/').split('/')[1] ?? 'common';
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET' && (req.url ?? '').includes('openid-configuration')) {
        res.end(
          JSON.stringify({
            issuer: `${origin}/${tenant}/v2.0`,
            authorization_endpoint: `${origin}/${tenant}/oauth2/v2.0/authorize`,
            token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
            jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
            end_session_endpoint: `${origin}/${tenant}/oauth2/v2.0/logout`,
          }),
        );
        return;
      }
      res.statusCode = 401;
      res.end(
        JSON.stringify({
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.',
          error_codes: [7000215],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `https://127.0.0.1:${port}`;
  return {
    host: `127.0.0.1:${port}`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let h: SigninHarness;
let attacker: Attacker;
let other: EntraEmulator;
beforeAll(async () => {
  h = await startSigninHarness();
  h.s.tenant.applicationGrants = { [h.s.webApp.clientId]: ['Sites.Read.All'] };
  attacker = await startAttacker(h);
  // A second identity provider the admin really moves to (same tenant and app, another host).
  other = await startEntraEmulator({ tenants: [h.s.tenant], pki: h.pki });
});
afterAll(async () => {
  await attacker.close();
  await other.close();
  await h.close();
});

let host: SigninHandlerHost;
beforeEach(async () => {
  attacker.bodies.length = 0;
  host = await openSigninHost(h);
});

const secretProfile = (loginHost: string, graphHost = loginHost) => ({
  auth: 'client-credentials' as const,
  name: 'Emulator secret',
  clientId: h.s.webApp.clientId,
  tenant: h.s.tenantId,
  environment: 'custom' as const,
  customHosts: { loginHost, graphHost },
  scopes: ['openid', 'offline_access', 'User.Read', 'Files.Read.All'],
  appOnlyPermissions: ['Sites.Read.All', 'Files.Read.All'],
  secrets: {},
});

const leaked = () =>
  attacker.bodies.filter(
    (b) => b.includes(encodeURIComponent(h.s.webApp.secretValue)) || b.includes(h.s.webApp.secretValue),
  );

describe('a stored secret follows no changed host', () => {
  it('the attack: profiles.update to Custom with an attacker host, then signin.appOnly — the secret is removed, nothing reaches the attacker', async () => {
    // The stored secret works where it was saved.
    await host.ok<SigninTestOutcome>('signin.appOnly', { profileId: host.ids.secret, credential: 'secret' });
    const saved = await host.ok<SavedProfileResult>('profiles.update', {
      id: host.ids.secret,
      profile: secretProfile(attacker.host),
    });
    const err = await host.fail('signin.appOnly', { profileId: host.ids.secret, credential: 'secret' });
    expect(leaked()).toEqual([]);
    expect(err.code).toBe('signin.credential_missing');
    expect(err.hint).toBeTruthy();
    // Main asked natively (the double stands for Electron's message box); nobody answered "keep", so the secret is gone.
    expect(host.confirm.asked).toHaveLength(1);
    expect(host.confirm.asked[0]?.detail).toContain(attacker.host);
    expect(host.confirm.asked[0]?.detail).toContain(h.idp.host);
    expect(saved.entry.secrets).toEqual({ clientSecret: 'missing' });
    expect(saved.hostChange).toMatchObject({ secrets: ['clientSecret'], kept: false });
    expect(saved.hostChange?.message).toContain('removed');
  });

  it('the certificate (PFX and password) is bound the same way', async () => {
    const { profile } = (
      await host.ok<{ entry: { profile: Record<string, unknown> } }>('profiles.get', { id: host.ids.certificate })
    ).entry;
    const { id: _id, schemaVersion: _v, createdAt: _c, updatedAt: _u, ...fields } = profile;
    const saved = await host.ok<SavedProfileResult>('profiles.update', {
      id: host.ids.certificate,
      profile: { ...fields, customHosts: { loginHost: attacker.host, graphHost: attacker.host }, secrets: {} },
    });
    expect(saved.entry.secrets).toEqual({ pfx: 'missing', pfxPassword: 'missing' });
    expect(saved.hostChange).toMatchObject({ secrets: ['pfx', 'pfxPassword'], kept: false });
    expect(
      (await host.fail('signin.appOnly', { profileId: host.ids.certificate, credential: 'certificate' })).code,
    ).toBe('signin.credential_missing');
    expect(attacker.bodies.filter((b) => b.startsWith('POST'))).toEqual([]);
  });

  it('kept only when the admin answers “keep” in the native dialog: then it works at the new host, and the old sign-in is forgotten', async () => {
    host.useBrowser(h.browser());
    await host.ok('signin.interactive', { profileId: host.ids.secret, client: 'secret' });
    expect(host.ctx.secrets.has(tokenCacheVaultId(host.ids.secret))).toBe(true);
    host.confirm.answers.push(true);
    const saved = await host.ok<SavedProfileResult>('profiles.update', {
      id: host.ids.secret,
      profile: secretProfile(other.host),
    });
    expect(saved.entry.secrets).toEqual({ clientSecret: 'stored' });
    expect(saved.hostChange).toMatchObject({ secrets: ['clientSecret'], kept: true });
    expect(saved.hostChange?.message).toContain('kept');
    // The tokens of the old host are not carried over.
    expect(host.ctx.secrets.has(tokenCacheVaultId(host.ids.secret))).toBe(false);
    const before = other.requests.length;
    const out = await host.ok<SigninTestOutcome>('signin.appOnly', {
      profileId: host.ids.secret,
      credential: 'secret',
    });
    expect(out.result.claims?.credentialUsed).toBe('client secret');
    expect(other.requests.length).toBeGreaterThan(before);
    // Saving again without a host change asks nothing.
    await host.ok<SavedProfileResult>('profiles.update', {
      id: host.ids.secret,
      profile: { ...secretProfile(other.host), name: 'Renamed' },
    });
    expect(host.confirm.asked).toHaveLength(1);
  });

  it('a secret typed in the same save is bound to the new hosts without a question; a save that changes no host asks nothing', async () => {
    const renamed = await host.ok<SavedProfileResult>('profiles.update', {
      id: host.ids.secret,
      profile: { ...secretProfile(h.idp.host), name: 'Same hosts' },
    });
    expect(renamed.hostChange).toBeUndefined();
    const typed = await host.ok<SavedProfileResult>('profiles.update', {
      id: host.ids.secret,
      profile: { ...secretProfile(other.host), secrets: { clientSecret: h.s.webApp.secretValue } },
    });
    expect(host.confirm.asked).toEqual([]);
    expect(typed.entry.secrets).toEqual({ clientSecret: 'stored' });
    expect(typed.hostChange).toMatchObject({ secrets: [], kept: false });
    await host.ok('signin.appOnly', { profileId: host.ids.secret, credential: 'secret' });
  });

  it('a profiles.json edited behind the app’s back: the secret is refused at sign-in, not sent', async () => {
    host.ctx.signin.close();
    const file = join(host.dataDirectory, 'profiles.json');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.split(h.idp.host).join(attacker.host));
    const reopened = await openSigninHost(h, { dataDirectory: host.dataDirectory, vault: host.vault });
    const err = await reopened.fail('signin.appOnly', { profileId: host.ids.secret, credential: 'secret' });
    expect(err.code).toBe('profile.secret_host_changed');
    expect(err.message).toContain(h.idp.host);
    expect(err.hint).toContain('Connections');
    expect(leaked()).toEqual([]);
    reopened.ctx.signin.close();
  });
});
