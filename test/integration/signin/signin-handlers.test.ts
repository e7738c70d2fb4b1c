// The signin.* contract through the dispatcher against the Entra emulator: every flow, the vault-encrypted token
// cache, history without tokens, cancel and busy, and the errors a user sees (each mapped to the catalogue).
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src/core/app/dispatcher';
import { createHandlers } from '../../../src/core/app/handlers';
import { tokenCacheVaultId } from '../../../src/core/signin/service/vault-token-cache';
import { lookupAadsts } from '../../../src/core/signin/aadsts-catalogue';
import { contract } from '../../../src/shared/contract';
import type {
  AdminConsentOutcome,
  GraphProbeOutcome,
  RevealedToken,
  SigninHistoryEntry,
  SigninProfileInfo,
  SigninTestOutcome,
} from '../../../src/shared/contract/signin';
import { startSigninHarness, type SigninHarness } from '../../support/idp';
import { pfxOf } from '../../support/signin-profiles';
import { createTestHost } from '../../support/test-context';
import { openSigninHost, type SigninHandlerHost } from './handler-host';

let h: SigninHarness;
let host: SigninHandlerHost;
beforeAll(async () => {
  h = await startSigninHarness();
  h.s.tenant.applicationGrants = { [h.s.webApp.clientId]: ['Sites.Read.All'] };
  host = await openSigninHost(h);
});
afterAll(async () => {
  host.ctx.signin.close();
  await h.close();
});

/** Every file under the data folder, as text. */
function dataFiles(dir: string): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...dataFiles(path));
    else out.push({ path, text: readFileSync(path, 'latin1') });
  }
  return out;
}

/** The tokens inside the profile's encrypted cache (decrypted with the test keychain). */
function cachedTokens(profileId: string): { access: string[]; refresh: string[] } {
  const vault = JSON.parse(readFileSync(join(host.dataDirectory, 'vault.json'), 'utf8')) as {
    entries: Record<string, { cipher: string }>;
  };
  const entry = vault.entries[tokenCacheVaultId(profileId)];
  if (!entry) return { access: [], refresh: [] };
  const cache = JSON.parse(host.vault.decrypt(Buffer.from(entry.cipher, 'base64'))) as {
    AccessToken: Record<string, { secret: string }>;
    RefreshToken: Record<string, { secret: string }>;
  };
  return {
    access: Object.values(cache.AccessToken).map((t) => t.secret),
    refresh: Object.values(cache.RefreshToken).map((t) => t.secret),
  };
}

describe('what a profile offers', () => {
  it('lists the flows per option, the redirect URI and platform to register, and why others are missing', async () => {
    const secret = await host.ok<SigninProfileInfo>('signin.profileInfo', { profileId: host.ids.secret });
    expect(secret).toMatchObject({
      auth: 'client-credentials',
      environment: 'custom',
      loginHost: h.idp.host,
      graphHost: h.idp.host,
      delegated: ['secret', 'public'],
      appOnly: ['secret'],
      appOnlyOffered: true,
      tenantNamed: true,
      requiredDelegated: ['User.Read', 'Files.Read.All'],
      savedSignIn: null,
      running: null,
      remarks: [],
    });
    expect(secret.redirects).toEqual({
      confidential: { uri: 'http://localhost', platform: 'Web' },
      publicClient: { uri: 'http://localhost', platform: 'Mobile and desktop applications' },
    });
    const cert = await host.ok<SigninProfileInfo>('signin.profileInfo', { profileId: host.ids.certificate });
    expect(cert).toMatchObject({ delegated: ['certificate', 'public'], appOnly: ['certificate'], upn: h.s.user.upn });
    const byo = await host.ok<SigninProfileInfo>('signin.profileInfo', { profileId: host.ids.byo });
    expect(byo).toMatchObject({ delegated: ['secret', 'public'], appOnly: [], appOnlyOffered: false });
    expect(byo.remarks.join(' ')).toContain('no app-only test');
    const common = await host.ok<SigninProfileInfo>('signin.profileInfo', { profileId: host.ids.common });
    expect(common).toMatchObject({ tenantNamed: false, appOnly: [] });
    expect(common.remarks.join(' ')).toContain('Directory (tenant) ID');
  });
});

describe('delegated sign-in, check connection and the Graph probe', () => {
  it('signs in with the secret: progress names the redirect URI and platform, the result has claims but no token', async () => {
    host.useBrowser(h.browser());
    const out = await host.ok<SigninTestOutcome>('signin.interactive', {
      profileId: host.ids.secret,
      client: 'secret',
    });
    expect(out).toMatchObject({ flow: 'interactive', client: 'secret', profileId: host.ids.secret });
    expect(out.result.claims).toMatchObject({
      user: h.s.user.upn,
      credentialUsed: 'client secret',
      tid: h.s.tenantId,
      appId: h.s.webApp.clientId,
    });
    expect(out.result.permissions).toMatchObject({
      kind: 'delegated',
      required: ['User.Read', 'Files.Read.All'],
      missing: [],
      extra: [],
    });
    expect('accessToken' in out.result).toBe(false);
    const steps = host.progress(out.runId);
    expect(steps.map((s) => s.step)).toEqual(['started', 'listening', 'browser', 'redeeming', 'done']);
    expect(steps[1]).toMatchObject({
      register: 'http://localhost',
      platform: 'Web',
      redirectUri: expect.stringMatching(/^http:\/\/localhost:\d+$/),
    });
    expect(steps[2]?.url).toBe(host.shell.opened.at(-1));
    expect(new URL(steps[2]?.url ?? '').searchParams.get('code_challenge_method')).toBe('S256');
    const info = await host.ok<SigninProfileInfo>('signin.profileInfo', { profileId: host.ids.secret });
    expect(info.savedSignIn).toMatchObject({ account: h.s.user.upn, client: 'secret' });
  });

  it('keeps the token cache only encrypted in the vault: no access or refresh token anywhere in the data folder', async () => {
    const tokens = cachedTokens(host.ids.secret);
    expect(tokens.access.length).toBeGreaterThan(0);
    expect(tokens.refresh.length).toBeGreaterThan(0);
    for (const file of dataFiles(host.dataDirectory)) {
      for (const t of [...tokens.access, ...tokens.refresh])
        expect(file.text.includes(t), `${file.path} holds a token`).toBe(false);
      expect(file.text, file.path).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
    }
  });

  it('check connection refreshes the saved sign-in silently', async () => {
    const before = h.idp.requests.filter((r) => r.grantType === 'refresh_token').length;
    const out = await host.ok<SigninTestOutcome>('signin.checkConnection', { profileId: host.ids.secret });
    expect(out).toMatchObject({ flow: 'refresh', client: 'secret' });
    expect(out.result.permissions.missing).toEqual([]);
    expect(h.idp.requests.filter((r) => r.grantType === 'refresh_token').length).toBe(before + 1);
  });

  it('the Graph probe reads /me/drive with the saved sign-in and /sites/root with an app-only token', async () => {
    const drive = await host.ok<GraphProbeOutcome>('signin.graphProbe', {
      profileId: host.ids.secret,
      target: 'me/drive',
      token: 'delegated',
    });
    expect(drive.probe).toMatchObject({ target: 'me/drive', status: 200, name: 'OneDrive' });
    expect(drive.claims?.user).toBe(h.s.user.upn);
    const site = await host.ok<GraphProbeOutcome>('signin.graphProbe', {
      profileId: host.ids.secret,
      target: 'sites/root',
      token: 'app-only',
    });
    expect(site.probe).toMatchObject({ status: 200, name: 'Communication site' });
    const appMe = await host.fail('signin.graphProbe', {
      profileId: host.ids.secret,
      target: 'me/drive',
      token: 'app-only',
    });
    expect(appMe.code).toBe('signin.graph_failed');
  });

  it('a revoked refresh token → aadsts.50173 explained, with "sign in again"; the history says so', async () => {
    h.idp.revokeRefreshTokens(h.s.user.upn, 'revoked');
    const err = await host.fail('signin.checkConnection', { profileId: host.ids.secret });
    expect(err.code).toBe('aadsts.50173');
    expect(err.details).toMatchObject({ aadsts: 50173, signInAgain: true, error: 'invalid_grant' });
    expect(err.hint).toBe(lookupAadsts(50173)?.fix);
    expect(err.details?.traceId).toEqual(expect.any(String));
    expect(err.details?.correlationId).toEqual(expect.any(String));
    const history = await host.ok<SigninHistoryEntry[]>('signin.history', { profileId: host.ids.secret });
    expect(history[0]).toMatchObject({ flow: 'refresh', ok: false, code: 'aadsts.50173', aadsts: 50173 });
    expect(history.map((e) => e.flow)).toEqual([
      'refresh',
      'graph-probe',
      'graph-probe',
      'graph-probe',
      'refresh',
      'interactive',
    ]);
  });

  it('signs in with the certificate from the PFX (login hint = UPN) and as a public client', async () => {
    host.useBrowser(h.browser({ user: { username: 'nobody@contoso.onmicrosoft.com', password: h.s.user.password } }));
    const out = await host.ok<SigninTestOutcome>('signin.interactive', {
      profileId: host.ids.certificate,
      client: 'certificate',
    });
    expect(out.result.claims).toMatchObject({ credentialUsed: 'certificate', user: h.s.user.upn });
    expect(out.result.certificateForm).toBe('sha256');
    const pub = host.ctx.profiles.create({
      auth: 'byo-app',
      name: 'Desktop app',
      clientId: h.s.publicApp.clientId,
      tenant: h.s.tenantId,
      domain: 'x.example.com',
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      scopes: ['Files.Read.All'],
    });
    host.useBrowser(h.browser());
    const info = await host.ok<SigninProfileInfo>('signin.profileInfo', { profileId: pub.entry.id });
    expect(info.delegated).toEqual(['public']);
    const publicOut = await host.ok<SigninTestOutcome>('signin.interactive', {
      profileId: pub.entry.id,
      client: 'public',
    });
    expect(publicOut).toMatchObject({ flow: 'public-client', client: 'none' });
    expect(publicOut.result.claims?.credentialUsed).toBe('none (public client)');
    expect(host.progress(publicOut.runId).find((p) => p.step === 'listening')).toMatchObject({
      platform: 'Mobile and desktop applications',
      register: 'http://localhost',
    });
    const check = await host.ok<SigninTestOutcome>('signin.checkConnection', { profileId: pub.entry.id });
    expect(check.client).toBe('none');
  });
});

describe('app-only and admin consent', () => {
  it('app-only with the secret and with the certificate: roles against the required application permissions', async () => {
    const s = await host.ok<SigninTestOutcome>('signin.appOnly', { profileId: host.ids.secret, credential: 'secret' });
    expect(s.result.claims).toMatchObject({
      tokenKind: 'app',
      credentialUsed: 'client secret',
      roles: ['Sites.Read.All'],
    });
    expect(s.result.permissions).toMatchObject({ kind: 'application', missing: ['Files.Read.All'], extra: [] });
    const c = await host.ok<SigninTestOutcome>('signin.appOnly', {
      profileId: host.ids.certificate,
      credential: 'certificate',
    });
    expect(c.result).toMatchObject({ certificateForm: 'sha256', permissions: { missing: [] } });
    const history = await host.ok<SigninHistoryEntry[]>('signin.history', { profileId: host.ids.secret });
    expect(history[0]).toMatchObject({
      flow: 'client-credentials',
      ok: true,
      granted: ['Sites.Read.All'],
      missing: ['Files.Read.All'],
    });
    expect(history[0]?.summary).toContain('1 of 2 required application permission(s) granted; missing: Files.Read.All');
  });

  it('admin consent v2: caught on the loopback and verified with an app-only token; v1 too', async () => {
    host.useBrowser(h.browser({ user: h.s.admin }));
    const v2 = await host.ok<AdminConsentOutcome>('signin.adminConsent', { profileId: host.ids.secret });
    expect(v2).toMatchObject({
      flow: 'admin-consent',
      version: 'v2',
      client: 'secret',
      consent: { consented: true, tenantReported: h.s.tenantId, verificationNote: null },
    });
    expect(v2.consent.verification?.permissions.missing).toEqual([]);
    expect('accessToken' in (v2.consent.verification ?? {})).toBe(false);
    expect(new URL(host.shell.opened.at(-1) ?? '').pathname).toBe(`/${h.s.tenantId}/v2.0/adminconsent`);
    const v1 = await host.ok<AdminConsentOutcome>('signin.adminConsent', { profileId: host.ids.byo, version: 'v1' });
    expect(v1).toMatchObject({ version: 'v1', client: 'none', consent: { consented: true, verification: null } });
    expect(new URL(host.shell.opened.at(-1) ?? '').pathname).toBe(`/${h.s.tenantId}/adminconsent`);
    // The reveal gives only the token of the last test: a consent without verification leaves none.
    expect((await host.ok<RevealedToken>('signin.revealAccessToken', { profileId: host.ids.secret })).flow).toBe(
      'admin-consent',
    );
    await host.ok('signin.adminConsent', { profileId: host.ids.secret, verify: false });
    expect((await host.fail('signin.revealAccessToken', { profileId: host.ids.secret })).code).toBe('signin.no_token');
  });

  it('a declined admin consent → aadsts.65004 with the catalogue fix', async () => {
    host.useBrowser(h.browser({ user: h.s.admin, consent: 'decline' }));
    const err = await host.fail('signin.adminConsent', { profileId: host.ids.secret });
    expect(err.code).toBe('aadsts.65004');
    expect(err.hint).toBe(lookupAadsts(65004)?.fix);
  });

  it('gives the copyable admin consent link, v2 and v1; v2 refuses "common"', async () => {
    const v2 = await host.ok<{ url: string; redirectUri: string; note: string }>('signin.adminConsentLink', {
      profileId: host.ids.secret,
    });
    const url = new URL(v2.url);
    expect(url.origin + url.pathname).toBe(`https://${h.idp.host}/${h.s.tenantId}/v2.0/adminconsent`);
    expect(url.searchParams.get('scope')).toBe(`https://${h.idp.host}/.default`);
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost');
    expect(v2.note).toContain('Global Administrator');
    const v1 = await host.ok<{ url: string }>('signin.adminConsentLink', { profileId: host.ids.common, version: 'v1' });
    expect(v1.url).toContain('/common/adminconsent?');
    expect((await host.fail('signin.adminConsentLink', { profileId: host.ids.common })).code).toBe(
      'signin.tenant_required',
    );
  });
});

describe('failures the page explains', () => {
  it('app-only refuses "common" before any request, in plain words', async () => {
    const before = h.idp.requests.length;
    const err = await host.fail('signin.appOnly', { profileId: host.ids.common, credential: 'secret' });
    expect(err.code).toBe('signin.tenant_required');
    expect(err.message).toContain('not "common"');
    expect(h.idp.requests.length).toBe(before);
  });

  it('a wrong secret → aadsts.7000215 with Microsoft’s message, our fix, trace and correlation IDs; diagnostics are redacted', async () => {
    const wrong = 'Wr0ng~secret-value-that-must-not-leak';
    const { entry } = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Wrong secret',
      clientId: h.s.webApp.clientId,
      tenant: h.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      secrets: { clientSecret: wrong },
    });
    const err = await host.fail('signin.appOnly', { profileId: entry.id, credential: 'secret' });
    expect(err.code).toBe('aadsts.7000215');
    expect(err.hint).toBe(lookupAadsts(7000215)?.fix);
    expect(err.details).toMatchObject({
      aadsts: 7000215,
      microsoftMessage: expect.stringContaining('AADSTS7000215'),
      traceId: expect.any(String),
      correlationId: expect.any(String),
    });
    expect(await host.ok('signin.copyDiagnostics', { profileId: entry.id })).toEqual({ clearsInSeconds: null });
    const text = host.clipboard.text;
    expect(text).toContain('AADSTS7000215 (InvalidClientSecret)');
    expect(text).toContain(`Trace ID: ${String(err.details?.traceId)}`);
    expect(text).toContain(`Sign-in host: ${h.idp.host}`);
    expect(text).toMatch(/POST https:\/\/.+\/oauth2\/v2\.0\/token → HTTP 401 AADSTS7000215/);
    expect(text).not.toContain(wrong);
  });

  it('the Secret ID pasted instead of the value is named as such', async () => {
    const { entry } = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Secret ID',
      clientId: h.s.webApp.clientId,
      tenant: h.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      secrets: { clientSecret: h.s.webApp.secretId },
    });
    const err = await host.fail('signin.appOnly', { profileId: entry.id, credential: 'secret' });
    expect(err.code).toBe('aadsts.7000215');
    expect(err.message).toContain('Secret ID');
  });

  it('an unregistered certificate → aadsts.700027 after both thumbprint forms; an expired secret → aadsts.7000222', async () => {
    const pfx = (await pfxOf(h.s.strangerCertificate, 'x-pass-1')).toString('base64');
    const { entry } = host.ctx.profiles.create({
      auth: 'certificate',
      name: 'Stranger',
      clientId: h.s.webApp.clientId,
      tenant: h.s.tenantId,
      upn: h.s.user.upn,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      secrets: { pfx, pfxPassword: 'x-pass-1' },
    });
    const err = await host.fail('signin.appOnly', { profileId: entry.id, credential: 'certificate' });
    expect(err.code).toBe('aadsts.700027');
    expect(err.details?.triedForms).toBe('sha256,sha1');
    const expired = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Expired',
      clientId: h.s.webApp.clientId,
      tenant: h.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      secrets: { clientSecret: h.s.webApp.expiredSecretValue },
    });
    expect((await host.fail('signin.appOnly', { profileId: expired.entry.id, credential: 'secret' })).code).toBe(
      'aadsts.7000222',
    );
  });

  it('a wrong PFX password says so (pfx.wrong_password); a missing secret is signin.credential_missing', async () => {
    const pfx = (await pfxOf(h.s.certificate, 'right-pass')).toString('base64');
    const wrongPass = host.ctx.profiles.create({
      auth: 'certificate',
      name: 'Wrong password',
      clientId: h.s.webApp.clientId,
      tenant: h.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      secrets: { pfx, pfxPassword: 'wrong-pass' },
    });
    expect((await host.fail('signin.appOnly', { profileId: wrongPass.entry.id, credential: 'certificate' })).code).toBe(
      'pfx.wrong_password',
    );
    const noSecret = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'No secret',
      clientId: h.s.webApp.clientId,
      tenant: h.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
    });
    const err = await host.fail('signin.interactive', { profileId: noSecret.entry.id, client: 'secret' });
    expect(err.code).toBe('signin.credential_missing');
    expect(err.hint).toContain('Connections page');
  });

  it('tests a profile does not offer are refused: signin.flow_not_offered', async () => {
    expect((await host.fail('signin.appOnly', { profileId: host.ids.byo, credential: 'secret' })).code).toBe(
      'signin.flow_not_offered',
    );
    expect((await host.fail('signin.appOnly', { profileId: host.ids.secret, credential: 'certificate' })).code).toBe(
      'signin.flow_not_offered',
    );
  });

  it('an unknown client ID stops on the browser page (AADSTS700016): the test waits until cancelled, never hangs', async () => {
    const { entry } = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Unregistered app',
      clientId: '11111111-2222-4333-8444-555555555555',
      tenant: h.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      secrets: { clientSecret: 'abc~secret' },
    });
    const browser = h.browser();
    host.useBrowser(browser);
    const pending = host.call('signin.interactive', { profileId: entry.id, client: 'secret' });
    await expect
      .poll(() => host.progress().filter((p) => p.profileId === entry.id && p.step === 'browser').length)
      .toBe(1);
    const visit = await browser.last();
    expect(visit.finalText).toContain('AADSTS700016');
    expect(await host.ok('signin.cancel', { profileId: entry.id })).toEqual({ cancelled: true });
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { code: 'signin.cancelled' } });
  });

  it('one test at a time per profile (signin.busy); Cancel stops the waiting sign-in and is recorded', async () => {
    host.useBrowser(null);
    const first = host.call('signin.interactive', { profileId: host.ids.byo, client: 'secret' });
    await expect
      .poll(() => host.progress().filter((p) => p.profileId === host.ids.byo && p.step === 'browser').length)
      .toBeGreaterThan(0);
    const info = await host.ok<SigninProfileInfo>('signin.profileInfo', { profileId: host.ids.byo });
    expect(info.running?.flow).toBe('interactive');
    expect((await host.fail('signin.appOnly', { profileId: host.ids.secret, credential: 'certificate' })).code).toBe(
      'signin.flow_not_offered',
    );
    const busy = await host.fail('signin.checkConnection', { profileId: host.ids.byo });
    expect(busy.code).toBe('signin.busy');
    expect(await host.ok('signin.cancel', { profileId: host.ids.byo })).toEqual({ cancelled: true });
    expect(await first).toMatchObject({ ok: false, error: { code: 'signin.cancelled' } });
    expect(await host.ok('signin.cancel', { profileId: host.ids.byo })).toEqual({ cancelled: false });
    const history = await host.ok<SigninHistoryEntry[]>('signin.history', { profileId: host.ids.byo });
    expect(history[0]).toMatchObject({ flow: 'interactive', ok: false, code: 'signin.cancelled' });
    expect(
      host
        .progress()
        .filter((p) => p.profileId === host.ids.byo)
        .at(-1)?.step,
    ).toBe('cancelled');
  });

  it('check connection without a saved sign-in → signin.no_account; forget removes a saved one', async () => {
    expect((await host.fail('signin.checkConnection', { profileId: host.ids.common })).code).toBe('signin.no_account');
    // The certificate profile signed in earlier in this file: its token cache is in the vault until forgotten.
    expect(host.ctx.secrets.has(tokenCacheVaultId(host.ids.certificate))).toBe(true);
    expect(await host.ok('signin.forgetSignIn', { profileId: host.ids.certificate })).toEqual({ forgotten: true });
    expect(host.ctx.secrets.has(tokenCacheVaultId(host.ids.certificate))).toBe(false);
    const err = await host.fail('signin.checkConnection', { profileId: host.ids.certificate });
    expect(err).toMatchObject({ code: 'signin.no_account', details: { signInAgain: true } });
  });

  it('no failure to report → signin.no_failure; no token kept → signin.no_token', async () => {
    const { entry } = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Untested',
      clientId: h.s.webApp.clientId,
      tenant: h.s.tenantId,
    });
    expect((await host.fail('signin.copyDiagnostics', { profileId: entry.id })).code).toBe('signin.no_failure');
    expect((await host.fail('signin.revealAccessToken', { profileId: entry.id })).code).toBe('signin.no_token');
  });
});

describe('trust', () => {
  it('without the CA the TLS failure is explained (signin.network); the extra root CA setting makes the same test pass', async () => {
    const plain = createTestHost();
    const call = createDispatcher(createHandlers(plain.ctx), { log: plain.ctx.log }).call;
    const { entry } = plain.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Proxy',
      clientId: h.s.webApp.clientId,
      tenant: h.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      secrets: { clientSecret: h.s.webApp.secretValue },
    });
    const refused = await call('signin.appOnly', { profileId: entry.id, credential: 'secret' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'signin.network',
        message: expect.stringContaining('not trusted'),
        hint: expect.stringContaining('root CA'),
      },
    });
    const caFile = join(mkdtempSync(join(tmpdir(), 'gcw-proxy-ca-')), 'proxy.pem');
    writeFileSync(caFile, h.pki.caPem);
    plain.dialogs.openQueue.push(caFile);
    expect(await call('signin.chooseExtraCa', {})).toMatchObject({ ok: true, value: { extraCaFile: caFile } });
    expect(await call('signin.appOnly', { profileId: entry.id, credential: 'secret' })).toMatchObject({
      ok: true,
      value: { result: { claims: { credentialUsed: 'client secret' } } },
    });
    plain.ctx.signin.close();
  });
});

describe('what reaches the renderer and the disk', () => {
  it('no result but the explicit reveal carries an access or refresh token; the reveal gives the last one', async () => {
    await host.ok('signin.appOnly', { profileId: host.ids.secret, credential: 'secret' });
    const revealed = await host.ok<RevealedToken>('signin.revealAccessToken', { profileId: host.ids.secret });
    expect(revealed).toMatchObject({ flow: 'client-credentials', accessToken: expect.stringMatching(/^eyJ/) });
    expect(contract['signin.revealAccessToken'].revealsSecret).toBe(true);
    const leaking = host.calls
      .filter((c) => !contract[c.method as keyof typeof contract]?.revealsSecret)
      .filter((c) => /eyJ[A-Za-z0-9_-]{10,}\.eyJ/.test(JSON.stringify(c.result)));
    expect(leaking.map((c) => c.method)).toEqual([]);
    const events = JSON.stringify(host.events);
    expect(events).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
    for (const t of cachedTokens(host.ids.secret).refresh) expect(JSON.stringify(host.calls)).not.toContain(t);
  });

  it('the history file holds no token and no secret; it survives a restart', async () => {
    const file = readFileSync(join(host.dataDirectory, 'signin-tests.json'), 'utf8');
    expect(file).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    expect(file).not.toContain(h.s.webApp.secretValue);
    for (const t of cachedTokens(host.ids.secret).refresh) expect(file).not.toContain(t);
    const again = await openSigninHost(h, { dataDirectory: host.dataDirectory, vault: host.vault });
    const history = await again.ok<SigninHistoryEntry[]>('signin.history', { profileId: host.ids.secret });
    expect(history.length).toBeGreaterThan(5);
    expect(await again.ok('signin.clearHistory', { profileId: host.ids.secret })).toEqual({ removed: history.length });
    expect(await again.ok('signin.history', { profileId: host.ids.secret })).toEqual([]);
    again.ctx.signin.close();
  });

  it('removes the token cache of a profile deleted in an earlier session', async () => {
    const dir = host.dataDirectory;
    host.ctx.profiles.delete(host.ids.certificate);
    host.ctx.profiles.purgeDeleted();
    host.ctx.secrets.put(tokenCacheVaultId(host.ids.certificate), '{"stale":true}');
    const again = await openSigninHost(h, { dataDirectory: dir, vault: host.vault });
    expect(again.ctx.secrets.has(tokenCacheVaultId(host.ids.certificate))).toBe(false);
    again.ctx.signin.close();
  });
});
