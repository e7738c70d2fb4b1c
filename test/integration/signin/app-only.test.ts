import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAppOnly } from '../../../src/core/signin/app-only';
import { SigninNetworkClient } from '../../../src/core/signin/network-client';
import { startEntraEmulator, startSigninHarness, type SigninHarness } from '../../support/idp';
import { failure } from '../../support/idp/expect-failure';

let h: SigninHarness;
beforeAll(async () => {
  h = await startSigninHarness();
  h.s.tenant.applicationGrants = { [h.s.webApp.clientId]: ['Sites.Read.All'] };
});
afterAll(async () => h.close());

const cert = () => ({
  kind: 'certificate' as const,
  privateKeyPem: h.s.certificate.privateKeyPem,
  thumbprintSha256Hex: h.s.certificate.thumbprintSha256Hex,
  thumbprintSha1Hex: h.s.certificate.thumbprintSha1Hex,
});
const secret = () => ({ kind: 'secret' as const, secret: h.s.webApp.secretValue });

describe('app-only test (client credentials)', () => {
  it('with the secret: token with roles, missing and extra application permissions', async () => {
    const r = await testAppOnly({
      ...h.endpoint(h.s.webApp.clientId),
      credential: secret(),
      requiredPermissions: ['Sites.Read.All', 'Files.Read.All'],
    });
    expect(r.claims).toMatchObject({
      tokenKind: 'app',
      credentialUsed: 'client secret',
      roles: ['Sites.Read.All'],
      user: null,
      aud: h.idp.origin,
    });
    expect(r.permissions).toEqual({
      kind: 'application',
      required: ['Sites.Read.All', 'Files.Read.All'],
      granted: ['Sites.Read.All'],
      missing: ['Files.Read.All'],
      extra: [],
    });
    expect(r.account).toBeNull();
  });

  it('asks for https://<graph host>/.default on a named tenant (domain works too)', async () => {
    const net = h.net();
    await testAppOnly({ ...h.endpoint(h.s.webApp.clientId, net), tenant: h.s.domain, credential: secret() });
    expect(h.idp.requests.filter((r) => r.grantType === 'client_credentials').at(-1)?.status).toBe(200);
    expect(net.log.at(-1)?.url).toBe(`${h.idp.origin}/${h.s.domain}/oauth2/v2.0/token`);
  });

  it('with the certificate: SHA-256 form (PS256, x5t#S256) first', async () => {
    const r = await testAppOnly({ ...h.endpoint(h.s.webApp.clientId), credential: cert() });
    expect(r.certificateForm).toBe('sha256');
    expect(r.claims?.credentialUsed).toBe('certificate');
    expect(r.notes).toEqual([]);
  });

  it('falls back to the SHA-1 form (RS256, x5t) when Entra refuses the first with AADSTS700027', async () => {
    h.idp.behaviour.acceptSha256Thumbprint = false;
    try {
      const r = await testAppOnly({ ...h.endpoint(h.s.webApp.clientId), credential: cert() });
      expect(r.certificateForm).toBe('sha1');
      expect(r.notes[0]).toContain('SHA-1');
    } finally {
      h.idp.behaviour.acceptSha256Thumbprint = true;
    }
  });

  it('no roles at all → a note that admin consent is missing', async () => {
    const saved = h.s.tenant.applicationGrants;
    h.s.tenant.applicationGrants = {};
    try {
      const none = await testAppOnly({
        ...h.endpoint(h.s.webApp.clientId),
        credential: secret(),
        requiredPermissions: ['Sites.Read.All'],
      });
      expect(none.claims?.roles).toEqual([]);
      expect(none.permissions.missing).toEqual(['Sites.Read.All']);
      expect(none.notes.join(' ')).toContain('admin consent is missing');
    } finally {
      h.s.tenant.applicationGrants = saved;
    }
  });
});

describe('app-only errors', () => {
  it.each(['common', 'organizations', 'Consumers'])('refuses tenant "%s" before any request', async (tenant) => {
    const net = h.net();
    const before = h.idp.requests.length;
    const err = await failure(testAppOnly({ ...h.endpoint(h.s.webApp.clientId, net), tenant, credential: secret() }));
    expect(err.code).toBe('signin.tenant_required');
    expect(err.hint).toContain('tenant');
    expect(net.log).toEqual([]);
    expect(h.idp.requests.length).toBe(before);
  });

  it('the emulator itself answers /common with AADSTS9001023 (what Entra does when a tool does not check)', async () => {
    const res = await h
      .net()
      .sendPostRequestAsync<Record<string, unknown>>(`${h.idp.origin}/common/oauth2/v2.0/token`, {
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: h.s.webApp.clientId,
          client_secret: h.s.webApp.secretValue,
          scope: `${h.idp.origin}/.default`,
        }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    expect(res.status).toBe(400);
    expect(res.body.error_codes).toEqual([9001023]);
  });

  it('wrong secret → aadsts.7000215; Secret ID → says so; expired → aadsts.7000222', async () => {
    const wrong = await failure(
      testAppOnly({
        ...h.endpoint(h.s.webApp.clientId),
        credential: { kind: 'secret', secret: 'Not~the-right-secret-value-0000' },
      }),
    );
    expect(wrong.code).toBe('aadsts.7000215');
    expect(wrong.details?.secretLooksLikeId).toBeUndefined();
    const id = await failure(
      testAppOnly({ ...h.endpoint(h.s.webApp.clientId), credential: { kind: 'secret', secret: h.s.webApp.secretId } }),
    );
    expect(id.code).toBe('aadsts.7000215');
    expect(id.message).toContain('Secret ID');
    const expired = await failure(
      testAppOnly({
        ...h.endpoint(h.s.webApp.clientId),
        credential: { kind: 'secret', secret: h.s.webApp.expiredSecretValue },
      }),
    );
    expect(expired.code).toBe('aadsts.7000222');
    expect(expired.hint).toContain('new client secret');
  });

  it('certificate not registered → aadsts.700027 after both forms, SHA-1 thumbprint in Microsoft’s message', async () => {
    const c = h.s.strangerCertificate;
    const err = await failure(
      testAppOnly({
        ...h.endpoint(h.s.webApp.clientId),
        credential: {
          kind: 'certificate',
          privateKeyPem: c.privateKeyPem,
          thumbprintSha256Hex: c.thumbprintSha256Hex,
          thumbprintSha1Hex: c.thumbprintSha1Hex,
        },
      }),
    );
    expect(err.code).toBe('aadsts.700027');
    expect(err.details?.triedForms).toBe('sha256,sha1');
    expect(String(err.details?.microsoftMessage)).toContain(c.thumbprintSha1Hex);
    expect(err.hint).toContain('Certificates & secrets');
  });

  it('unknown client ID → aadsts.700016', async () => {
    const err = await failure(
      testAppOnly({ ...h.endpoint('11111111-2222-3333-4444-555555555555'), credential: secret() }),
    );
    expect(err.code).toBe('aadsts.700016');
  });

  it('wrong cloud: the tenant is not in US Government → aadsts.90002 naming the host used', async () => {
    const usgov = await startEntraEmulator({ tenants: [], pki: h.pki });
    try {
      const rewrite = {
        'https://login.microsoftonline.us': usgov.origin,
        'https://login.microsoftonline.com': h.idp.origin,
      };
      const net = h.net({ rewrite });
      const err = await failure(
        testAppOnly({
          loginHost: 'login.microsoftonline.us',
          graphHost: 'graph.microsoft.us',
          tenant: h.s.tenantId,
          clientId: h.s.webApp.clientId,
          networkClient: net,
          credential: secret(),
        }),
      );
      expect(err.code).toBe('aadsts.90002');
      expect(err.hint).toContain('login.microsoftonline.us');
      expect(err.hint).toContain('US Government');
      // The same profile on the global cloud works.
      const ok = await testAppOnly({
        loginHost: 'login.microsoftonline.com',
        graphHost: 'graph.microsoft.com',
        tenant: h.s.tenantId,
        clientId: h.s.webApp.clientId,
        networkClient: net,
        credential: secret(),
      });
      expect(ok.claims?.aud).toBe('https://graph.microsoft.com');
    } finally {
      await usgov.close();
    }
  });

  it('a hung identity provider → signin.network after the client timeout', async () => {
    h.idp.behaviour.tokenDelayMs = 1500;
    try {
      const err = await failure(
        testAppOnly({ ...h.endpoint(h.s.webApp.clientId, h.net({ timeoutMs: 300 })), credential: secret() }),
      );
      expect(err.code).toBe('signin.network');
      expect(err.message).toContain('did not answer in time');
      expect(err.details?.failure).toBe('timeout');
    } finally {
      h.idp.behaviour.tokenDelayMs = 0;
    }
  });

  it('nothing listening → signin.network (unreachable); untrusted TLS → signin.network (certificate)', async () => {
    const closed = await startEntraEmulator({ tenants: [], pki: h.pki });
    await closed.close();
    const refused = await failure(
      testAppOnly({ ...h.endpoint(h.s.webApp.clientId), loginHost: closed.host, credential: secret() }),
    );
    expect(refused.code).toBe('signin.network');
    expect(refused.details?.failure).toBe('refused');
    const untrusted = await failure(
      testAppOnly({ ...h.endpoint(h.s.webApp.clientId, new SigninNetworkClient()), credential: secret() }),
    );
    expect(untrusted.code).toBe('signin.network');
    expect(untrusted.details?.failure).toBe('tls');
    expect(untrusted.hint).toContain('NODE_EXTRA_CA_CERTS');
  });
});
