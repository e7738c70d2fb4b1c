import { afterAll, beforeAll, expect, it } from 'vitest';
import { SigninNetworkClient } from '../../../src/core/signin/network-client';
import { signInInteractive } from '../../../src/core/signin/interactive-signin';
import { contosoScenario, createTestPki, HttpBrowser, startEntraEmulator, type EntraEmulator } from '../../support/idp';

const pki = createTestPki();
const s = contosoScenario(pki);
let idp: EntraEmulator;
beforeAll(async () => {
  idp = await startEntraEmulator({ tenants: [s.tenant], pki });
});
afterAll(async () => idp.close());

it('smoke', async () => {
  const browser = new HttpBrowser({ caPem: pki.caPem, user: s.user });
  const net = new SigninNetworkClient({ extraCaPem: pki.caPem });
  try {
    const r = await signInInteractive({
      loginHost: idp.host, graphHost: 'graph.microsoft.com', tenant: s.tenantId, clientId: s.webApp.clientId,
      networkClient: net, credential: { kind: 'secret', secret: s.webApp.secretValue }, openBrowser: browser.open,
      requiredPermissions: ['User.Read', 'Files.Read.All'], loginHint: s.user.upn, timeoutMs: 10_000,
    });
    console.log(JSON.stringify(r, null, 1));
  } catch (e) {
    console.log(e, (e as any).details, net.log, idp.requests, await browser.last());
    throw e;
  }
});
