import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAppOnly } from '../../../src/core/signin/app-only';
import { probeGraph } from '../../../src/core/signin/graph-probe';
import { signInInteractive } from '../../../src/core/signin/interactive-signin';
import { startSigninHarness, type SigninHarness } from '../../support/idp';
import { failure } from '../../support/idp/expect-failure';

let h: SigninHarness;
let delegated: string;
let appOnly: string;
beforeAll(async () => {
  h = await startSigninHarness();
  h.s.tenant.applicationGrants = { [h.s.webApp.clientId]: ['Sites.Read.All'] };
  const secret = { kind: 'secret' as const, secret: h.s.webApp.secretValue };
  delegated =
    (
      await signInInteractive({
        ...h.endpoint(h.s.webApp.clientId),
        credential: secret,
        openBrowser: h.browser().open,
        requiredPermissions: ['Files.Read.All'],
        includeAccessToken: true,
      })
    ).accessToken ?? '';
  appOnly =
    (await testAppOnly({ ...h.endpoint(h.s.webApp.clientId), credential: secret, includeAccessToken: true }))
      .accessToken ?? '';
});
afterAll(async () => h.close());

describe('read-only Graph probe', () => {
  it('GET /me/drive with a delegated token through the same network client', async () => {
    const net = h.net();
    const r = await probeGraph({
      graphHost: h.idp.host,
      accessToken: delegated,
      target: 'me/drive',
      networkClient: net,
    });
    expect(r).toMatchObject({ target: 'me/drive', status: 200, name: 'OneDrive' });
    expect(r.webUrl).toContain('sharepoint.com');
    // The log names the URL, never the token.
    expect(JSON.stringify(net.log)).not.toContain(delegated.slice(0, 40));
  });

  it('GET /sites/root with an app-only token that has Sites.Read.All', async () => {
    const r = await probeGraph({
      graphHost: h.idp.host,
      accessToken: appOnly,
      target: 'sites/root',
      networkClient: h.net(),
    });
    expect(r.name).toBe('Communication site');
  });

  it('a token without the right permission → signin.graph_denied (403) naming what is needed', async () => {
    const err = await failure(
      probeGraph({ graphHost: h.idp.host, accessToken: delegated, target: 'sites/root', networkClient: h.net() }),
    );
    expect(err.code).toBe('signin.graph_denied');
    expect(err.details).toMatchObject({ status: 403, graphCode: 'accessDenied' });
    expect(err.hint).toContain('Sites.Read.All');
  });

  it('a broken token → signin.graph_denied (401); /me with an app-only token → signin.graph_failed (400)', async () => {
    expect(
      (
        await failure(
          probeGraph({
            graphHost: h.idp.host,
            accessToken: `${delegated.slice(0, -4)}AAAA`,
            target: 'me/drive',
            networkClient: h.net(),
          }),
        )
      ).details?.status,
    ).toBe(401);
    const err = await failure(
      probeGraph({ graphHost: h.idp.host, accessToken: appOnly, target: 'me/drive', networkClient: h.net() }),
    );
    expect(err.code).toBe('signin.graph_failed');
    expect(err.hint).toContain('/sites/root');
  });
});
