// The Entra emulator's own contract: Entra's error shape, discovery, JWKS, PKCE, code reuse, assertion checks, pages.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  type JsonWebKey,
  randomBytes,
  randomUUID,
  sign,
} from 'node:crypto';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInInteractive } from '../../../src/core/signin/interactive-signin';
import type { SigninNetworkClient } from '../../../src/core/signin/network-client';
import { decodeJwt } from '../../../src/core/signin/token-decode';
import { verifySignature, decodeJwt as decodeForVerify } from '../../support/idp/entra/jwt';
import { HttpBrowser, parseForms, startSigninHarness, type SigninHarness } from '../../support/idp';

let h: SigninHarness;
let net: SigninNetworkClient;
beforeAll(async () => {
  h = await startSigninHarness();
  net = h.net();
});
afterAll(async () => {
  net.close();
  await h.close();
});

const form = (o: Record<string, string>) => ({
  body: new URLSearchParams(o).toString(),
  headers: {
    'content-type': 'application/x-www-form-urlencoded',
    'client-request-id': 'c0ffee00-0000-4000-8000-000000000000',
  },
});
const token = (o: Record<string, string>, tenant = h.s.tenantId) =>
  net.sendPostRequestAsync<Record<string, unknown>>(`${h.idp.origin}/${tenant}/oauth2/v2.0/token`, form(o));

/** Drive /authorize by hand and return the code from the query redirect. */
async function code(extra: Record<string, string> = {}): Promise<string> {
  const url = new URL(`${h.idp.origin}/${h.s.tenantId}/oauth2/v2.0/authorize`);
  for (const [k, v] of Object.entries({
    client_id: h.s.webApp.clientId,
    response_type: 'code',
    redirect_uri: 'http://localhost:1234',
    scope: 'openid offline_access User.Read',
    state: 's',
    ...extra,
  }))
    url.searchParams.set(k, v);
  const browser = new HttpBrowser({ caPem: h.pki.caPem, user: h.s.user });
  const visit = await browser.visit(url.toString());
  browser.close();
  const last = visit.steps.at(-1)?.url ?? '';
  return new URL(last).searchParams.get('code') ?? '';
}

describe('Entra emulator', () => {
  it('answers errors in Entra’s exact JSON shape, echoing the client-request-id', async () => {
    const res = await token({
      grant_type: 'client_credentials',
      client_id: h.s.webApp.clientId,
      client_secret: 'wrong',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(res.status).toBe(401);
    expect(Object.keys(res.body).sort()).toEqual([
      'correlation_id',
      'error',
      'error_codes',
      'error_description',
      'error_uri',
      'timestamp',
      'trace_id',
    ]);
    expect(res.body).toMatchObject({
      error: 'invalid_client',
      error_codes: [7000215],
      correlation_id: 'c0ffee00-0000-4000-8000-000000000000',
    });
    expect(String(res.body.error_description)).toMatch(
      /^AADSTS7000215: .* Trace ID: [0-9a-f-]{36} Correlation ID: c0ffee00-0000-4000-8000-000000000000 Timestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/,
    );
    expect(String(res.body.timestamp)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  });

  it('serves v2.0 discovery (with {tenantid} for organizations), instance discovery and JWKS that verifies its tokens', async () => {
    const config = await net.sendGetRequestAsync<Record<string, string>>(
      `${h.idp.origin}/${h.s.tenantId}/v2.0/.well-known/openid-configuration`,
    );
    expect(config.body.issuer).toBe(`${h.idp.origin}/${h.s.tenantId}/v2.0`);
    expect(config.body.token_endpoint).toBe(`${h.idp.origin}/${h.s.tenantId}/oauth2/v2.0/token`);
    expect(
      (
        await net.sendGetRequestAsync<Record<string, string>>(
          `${h.idp.origin}/organizations/v2.0/.well-known/openid-configuration`,
        )
      ).body.issuer,
    ).toBe(`${h.idp.origin}/{tenantid}/v2.0`);
    const instance = await net.sendGetRequestAsync<{ metadata: Array<{ aliases: string[] }> }>(
      `${h.idp.origin}/common/discovery/instance?api-version=1.1&authorization_endpoint=${h.idp.origin}/common/oauth2/v2.0/authorize`,
    );
    expect(instance.body.metadata[0]?.aliases).toEqual([h.idp.host]);
    const unknown = await net.sendGetRequestAsync<Record<string, unknown>>(
      `${h.idp.origin}/nope.example/v2.0/.well-known/openid-configuration`,
    );
    expect(unknown.body.error_codes).toEqual([90002]);
    const jwks = await net.sendGetRequestAsync<{ keys: Array<Record<string, string>> }>(
      `${h.idp.origin}/${h.s.tenantId}/discovery/v2.0/keys`,
    );
    const issued = await token({
      grant_type: 'client_credentials',
      client_id: h.s.webApp.clientId,
      client_secret: h.s.webApp.secretValue,
      scope: 'https://graph.microsoft.com/.default',
    });
    const at = String(issued.body.access_token);
    const key = createPublicKey({ key: jwks.body.keys[0] as unknown as JsonWebKey, format: 'jwk' });
    const parsed = decodeForVerify(at);
    expect(parsed && verifySignature(parsed, key)).toBe(true);
    expect(decodeJwt(at).header.kid).toBe(jwks.body.keys[0]?.kid);
  });

  it('checks PKCE (AADSTS501481), refuses a second redemption (AADSTS54005) and a wrong redirect URI', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const base = {
      grant_type: 'authorization_code',
      client_id: h.s.webApp.clientId,
      client_secret: h.s.webApp.secretValue,
      redirect_uri: 'http://localhost:1234',
    };
    const c1 = await code({ code_challenge: challenge, code_challenge_method: 'S256' });
    expect((await token({ ...base, code: c1, code_verifier: 'not-the-verifier' })).body.error_codes).toEqual([501481]);
    const ok = await token({ ...base, code: c1, code_verifier: verifier });
    expect(ok.status).toBe(200);
    expect(typeof ok.body.refresh_token).toBe('string');
    expect(typeof ok.body.id_token).toBe('string');
    expect((await token({ ...base, code: c1, code_verifier: verifier })).body.error_codes).toEqual([54005]);
    const c2 = await code();
    expect((await token({ ...base, code: c2, redirect_uri: 'http://localhost:1234/other' })).body.error_codes).toEqual([
      50011,
    ]);
  });

  it('verifies client assertions: audience must be the token endpoint (production alias accepted), signature must match', async () => {
    const key = createPrivateKey(h.s.certificate.privateKeyPem);
    const assertion = (aud: string, signer = key) => {
      const head = Buffer.from(
        JSON.stringify({
          alg: 'RS256',
          typ: 'JWT',
          x5t: Buffer.from(h.s.certificate.thumbprintSha1Hex, 'hex').toString('base64url'),
        }),
      ).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const body = Buffer.from(
        JSON.stringify({
          aud,
          iss: h.s.webApp.clientId,
          sub: h.s.webApp.clientId,
          jti: randomUUID(),
          nbf: now,
          exp: now + 600,
        }),
      ).toString('base64url');
      return `${head}.${body}.${sign('sha256', Buffer.from(`${head}.${body}`), signer).toString('base64url')}`;
    };
    const request = (a: string) =>
      token({
        grant_type: 'client_credentials',
        client_id: h.s.webApp.clientId,
        scope: 'https://graph.microsoft.com/.default',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: a,
      });
    expect((await request(assertion(`${h.idp.origin}/${h.s.tenantId}/oauth2/v2.0/token`))).status).toBe(200);
    expect(
      (await request(assertion(`https://login.microsoftonline.com/${h.s.tenantId}/oauth2/v2.0/token`))).status,
    ).toBe(200);
    expect(
      (await request(assertion(`https://evil.example/${h.s.tenantId}/oauth2/v2.0/token`))).body.error_codes,
    ).toEqual([50027]);
    expect(
      (
        await request(
          assertion(
            `${h.idp.origin}/${h.s.tenantId}/oauth2/v2.0/token`,
            createPrivateKey(h.s.strangerCertificate.privateKeyPem),
          ),
        )
      ).body.error_codes,
    ).toEqual([700027]);
  });

  it('app-only scope must end in /.default (AADSTS1002012)', async () => {
    const res = await token({
      grant_type: 'client_credentials',
      client_id: h.s.webApp.clientId,
      client_secret: h.s.webApp.secretValue,
      scope: 'Sites.Read.All offline_access',
    });
    expect(res.body).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
  });

  it('shows AADSTS50126 on the login page for a wrong password and AADSTS50194 for a single-tenant app on /common', async () => {
    const browser = new HttpBrowser({ caPem: h.pki.caPem, user: { username: h.s.user.upn, password: 'wrong' } });
    const url = `${h.idp.origin}/${h.s.tenantId}/oauth2/v2.0/authorize?client_id=${h.s.webApp.clientId}&response_type=code&redirect_uri=http://localhost&scope=User.Read`;
    const visit = await browser.visit(url);
    expect(visit.finalText).toContain('AADSTS50126');
    h.s.webApp.signInAudience = 'AzureADMyOrg';
    try {
      const common = await browser.visit(url.replace(`/${h.s.tenantId}/`, '/common/'));
      expect(common.finalText).toContain('AADSTS50194');
    } finally {
      delete h.s.webApp.signInAudience;
      browser.close();
    }
  });

  it('renders forms the drivers understand', () => {
    const forms = parseForms(
      '<form method="post" action="/x" id="f"><input type="hidden" name="a" value="1&amp;2"><button name="decision" value="accept" id="accept">OK</button></form>',
    );
    expect(forms[0]).toEqual({
      action: '/x',
      method: 'POST',
      id: 'f',
      inputs: [{ name: 'a', value: '1&2', type: 'hidden' }],
      buttons: [{ name: 'decision', value: 'accept', id: 'accept' }],
    });
  });

  it('a Custom host that is not Entra (no v2.0 discovery) → signin.authority_invalid', async () => {
    // An HTTPS API that is not an identity provider: a JSON 404 for every path, discovery included.
    const server = createServer({ key: h.pki.server.privateKeyPem, cert: h.pki.server.certPem }, (_req, res) =>
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { code: 'NotFound', message: 'No such resource.' } })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const err = await signInInteractive({
        ...h.endpoint(h.s.webApp.clientId),
        loginHost: `127.0.0.1:${(server.address() as AddressInfo).port}`,
        credential: { kind: 'secret', secret: h.s.webApp.secretValue },
        openBrowser: async () => undefined,
        timeoutMs: 2_000,
      }).catch((e: unknown) => e);
      expect((err as { code?: string }).code).toBe('signin.authority_invalid');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
