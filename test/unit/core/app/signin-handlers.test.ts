// The signin.* methods that need no identity provider: settings, the AADSTS catalogue, token decoding, the consent
// link for the Microsoft clouds, what a profile offers, and recovery of a damaged history file.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  AdminConsentLink,
  DecodedTokenView,
  SigninPreferences,
  SigninProfileInfo,
} from '../../../../src/shared/contract/signin';
import type { AadstsEntry } from '../../../../src/shared/signin';
import { createTestPki } from '../../../support/idp';
import { CLIENT_ID, CLIENT_SECRET, drafts, TENANT_ID } from '../connections/fixtures';
import { openContractHost } from './contract-host';

describe('sign-in test settings', () => {
  it('keeps the browser timeout across a restart and refuses values outside 30–1800 s', async () => {
    const h = openContractHost();
    expect(await h.ok<SigninPreferences>('signin.preferences')).toMatchObject({
      timeoutSeconds: 300,
      extraCaFile: null,
      extraCaSubjects: [],
    });
    expect(await h.ok<SigninPreferences>('signin.setPreferences', { timeoutSeconds: 120 })).toMatchObject({
      timeoutSeconds: 120,
    });
    expect(await h.restart().ok<SigninPreferences>('signin.preferences')).toMatchObject({ timeoutSeconds: 120 });
    expect(await h.call('signin.setPreferences', { timeoutSeconds: 5 })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid_input' },
    });
  });

  it('trusts a root CA file chosen in the dialog, refuses one without a certificate (signin.extra_ca_invalid), and can stop trusting it', async () => {
    const h = openContractHost();
    const dir = mkdtempSync(join(tmpdir(), 'gcw-ca-'));
    writeFileSync(join(dir, 'not-a-ca.pem'), 'hello');
    h.dialogs.openQueue.push(join(dir, 'not-a-ca.pem'));
    expect(await h.call('signin.chooseExtraCa')).toMatchObject({
      ok: false,
      error: { code: 'signin.extra_ca_invalid' },
    });
    h.dialogs.openQueue.push(join(dir, 'missing.pem'));
    expect(await h.call('signin.chooseExtraCa')).toMatchObject({
      ok: false,
      error: { code: 'signin.extra_ca_invalid' },
    });
    writeFileSync(join(dir, 'proxy-ca.pem'), createTestPki().caPem);
    h.dialogs.openQueue.push(join(dir, 'proxy-ca.pem'));
    const prefs = await h.ok<SigninPreferences>('signin.chooseExtraCa');
    expect(prefs.extraCaFile).toBe(join(dir, 'proxy-ca.pem'));
    expect(prefs.extraCaSubjects[0]).toContain('CN=');
    expect(await h.call('signin.chooseExtraCa')).toMatchObject({ ok: false, error: { code: 'dialog.cancelled' } });
    expect(await h.ok<SigninPreferences>('signin.setPreferences', { extraCaFile: null })).toMatchObject({
      extraCaFile: null,
      extraCaSubjects: [],
    });
  });

  it('trusts a root CA file the page read (gcw ui): kept owner-only in the data folder; a bad file replaces nothing', async () => {
    const h = openContractHost();
    const pem = createTestPki().caPem;
    const prefs = await h.ok<SigninPreferences>('signin.trustExtraCaPem', { fileName: 'Proxy CA (corp).pem', pem });
    const kept = join(h.dataDirectory, 'trusted-ca', 'Proxy-CA-corp-.pem');
    expect(prefs.extraCaFile).toBe(kept);
    expect(prefs.extraCaSubjects[0]).toContain('CN=');
    expect(readFileSync(kept, 'utf8')).toBe(pem);
    if (process.platform !== 'win32') expect(statSync(kept).mode & 0o777).toBe(0o600);
    // The same name with junk: refused, and the trusted file is still the good one.
    expect(await h.call('signin.trustExtraCaPem', { fileName: 'Proxy CA (corp).pem', pem: 'hello' })).toMatchObject({
      ok: false,
      error: { code: 'signin.extra_ca_invalid' },
    });
    expect(readFileSync(kept, 'utf8')).toBe(pem);
    expect(await h.ok<SigninPreferences>('signin.preferences')).toMatchObject({ extraCaFile: kept });
    expect(await h.call('signin.trustExtraCaPem', { fileName: '../../etc/evil.pem', pem })).toMatchObject({
      ok: true,
      value: { extraCaFile: join(h.dataDirectory, 'trusted-ca', 'evil.pem') },
    });
  });

  it('offers the operating system’s certificate store: off until chosen, kept across a restart, with the count of its CAs', async () => {
    const h = openContractHost();
    const before = await h.ok<SigninPreferences>('signin.preferences');
    expect(before.useSystemCa).toBe(false);
    expect(before.systemCaCount).toBeGreaterThan(0);
    expect(await h.ok<SigninPreferences>('signin.setPreferences', { useSystemCa: true })).toMatchObject({
      useSystemCa: true,
    });
    expect(await h.restart().ok<SigninPreferences>('signin.preferences')).toMatchObject({ useSystemCa: true });
    expect(await h.call('signin.setPreferences', { useSystemCa: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalid_input' },
    });
  });

  it('reads a settings file from before the OS-store choice existed as "not trusted"', async () => {
    const h = openContractHost();
    await h.ok('signin.setPreferences', { timeoutSeconds: 90 });
    const file = join(h.dataDirectory, 'signin-tests.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { preferences: Record<string, unknown> };
    delete doc.preferences.useSystemCa;
    writeFileSync(file, JSON.stringify(doc));
    expect(await h.restart().ok<SigninPreferences>('signin.preferences')).toMatchObject({
      timeoutSeconds: 90,
      useSystemCa: false,
    });
  });
});

describe('AADSTS catalogue and token decoding', () => {
  it('looks codes up by number or text and searches words', async () => {
    const h = openContractHost();
    expect(await h.ok<AadstsEntry>('signin.aadstsLookup', { code: 7000215 })).toMatchObject({
      name: 'InvalidClientSecret',
      category: 'client-credential',
    });
    expect(await h.ok<AadstsEntry>('signin.aadstsLookup', { code: 'AADSTS50011' })).toMatchObject({
      name: 'InvalidReplyTo',
    });
    expect(await h.ok('signin.aadstsLookup', { code: 1 })).toBeNull();
    const all = await h.ok<AadstsEntry[]>('signin.aadstsSearch', {});
    expect(all.length).toBeGreaterThanOrEqual(40);
    const refresh = await h.ok<AadstsEntry[]>('signin.aadstsSearch', { query: 'revoked' });
    expect(refresh.map((e) => e.code)).toContain(50173);
  });

  it('decodes a pasted token for display and refuses what is not one', async () => {
    const h = openContractHost();
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${b64({ alg: 'RS256' })}.${b64({ ver: '1.0', appid: CLIENT_ID, appidacr: '1', roles: ['Sites.Read.All'], idtyp: 'app', tid: TENANT_ID })}.sig`;
    const view = await h.ok<DecodedTokenView>('signin.decodeToken', { token });
    expect(view.claims).toMatchObject({
      appId: CLIENT_ID,
      credentialUsed: 'client secret',
      roles: ['Sites.Read.All'],
      tokenKind: 'app',
    });
    expect(await h.call('signin.decodeToken', { token: 'abc' })).toMatchObject({
      ok: false,
      error: { code: 'signin.not_a_jwt' },
    });
  });
});

describe('profiles in the Microsoft clouds', () => {
  it('gives the admin consent link on the cloud’s own hosts', async () => {
    const h = openContractHost();
    const { entry } = h.ctx.profiles.create({
      ...drafts['client-credentials'](),
      tenant: TENANT_ID,
      environment: 'usgov-l4',
      secrets: { clientSecret: CLIENT_SECRET },
    });
    const link = await h.ok<AdminConsentLink>('signin.adminConsentLink', { profileId: entry.id });
    expect(link.url).toBe(
      `https://login.microsoftonline.us/${TENANT_ID}/v2.0/adminconsent?client_id=${CLIENT_ID}&scope=https%3A%2F%2Fgraph.microsoft.us%2F.default&redirect_uri=http%3A%2F%2Flocalhost`,
    );
    const info = await h.ok<SigninProfileInfo>('signin.profileInfo', { profileId: entry.id });
    expect(info).toMatchObject({
      loginHost: 'login.microsoftonline.us',
      graphHost: 'graph.microsoft.us',
      delegated: ['secret', 'public'],
      appOnly: ['secret'],
    });
  });

  it('a certificate profile without its PFX offers only the public-client sign-in, and says why', async () => {
    const h = openContractHost();
    const { entry } = h.ctx.profiles.create({ ...drafts.certificate() });
    const info = await h.ok<SigninProfileInfo>('signin.profileInfo', { profileId: entry.id });
    expect(info).toMatchObject({
      delegated: ['public'],
      appOnly: [],
      appOnlyOffered: true,
      upn: 'robot@contoso.com',
      requiredDelegated: ['User.Read', 'Files.Read'],
    });
    expect(info.remarks[0]).toContain('No certificate (PFX) is stored');
    expect(await h.call('signin.appOnly', { profileId: entry.id, credential: 'certificate' })).toMatchObject({
      ok: false,
      error: { code: 'signin.credential_missing' },
    });
  });

  it('an unknown profile is profile.not_found and leaves no history', async () => {
    const h = openContractHost();
    expect(await h.call('signin.appOnly', { profileId: 'nope', credential: 'secret' })).toMatchObject({
      ok: false,
      error: { code: 'profile.not_found' },
    });
    expect(await h.ok('signin.history', { profileId: 'nope' })).toEqual([]);
  });
});

describe('the history file', () => {
  it('a damaged history is set aside and the rest of the file kept', async () => {
    const h = openContractHost();
    await h.ok('signin.setPreferences', { timeoutSeconds: 90 });
    const path = join(h.dataDirectory, 'signin-tests.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify({ ...file, history: { x: [{ runId: 1 }] } }));
    const again = h.restart();
    expect(await again.ok<SigninPreferences>('signin.preferences')).toMatchObject({ timeoutSeconds: 90 });
    expect(await again.ok('signin.history', { profileId: 'x' })).toEqual([]);
    expect((await again.ok<Array<{ id: string }>>('app.notices')).map((n) => n.id)).toContain(
      'storage.repaired.signin-tests',
    );
  });
});
