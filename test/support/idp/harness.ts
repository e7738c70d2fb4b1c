// One emulator + scenario per test file, with helpers that build network clients, browsers and flow inputs.
import { SigninNetworkClient, type NetworkClientOptions } from '../../../src/core/signin/network-client';
import { createTestPki, type TestPki } from './certs';
import { startEntraEmulator, type EntraEmulator } from './entra/server';
import type { EmulatorBehaviour } from './entra/types';
import { HttpBrowser, type DriverOptions } from './http-browser';
import { contosoScenario, type ContosoScenario } from './scenario';

/** What a sign-in test file works with. */
export interface SigninHarness {
  pki: TestPki;
  s: ContosoScenario;
  idp: EntraEmulator;
  /** A network client that trusts the test CA (fresh log each call). */
  net(options?: NetworkClientOptions): SigninNetworkClient;
  /** The plain-HTTP browser signing in as the scenario's user unless told otherwise. */
  browser(options?: Partial<DriverOptions>): HttpBrowser;
  /** Custom-environment endpoint data pointing at the emulator (login and Graph host = the emulator). */
  endpoint(
    clientId: string,
    net?: SigninNetworkClient,
  ): { loginHost: string; graphHost: string; tenant: string; clientId: string; networkClient: SigninNetworkClient };
  close(): Promise<void>;
}

/** Start the emulator with the Contoso scenario. */
export async function startSigninHarness(
  behaviour: EmulatorBehaviour = {},
  pki: TestPki = createTestPki(),
): Promise<SigninHarness> {
  const s = contosoScenario(pki);
  const idp = await startEntraEmulator({ tenants: [s.tenant], pki, behaviour });
  const net = (options: NetworkClientOptions = {}) =>
    new SigninNetworkClient({ extraCaPem: pki.caPem, timeoutMs: 10_000, ...options });
  return {
    pki,
    s,
    idp,
    net,
    browser: (options = {}) => new HttpBrowser({ caPem: pki.caPem, user: s.user, ...options }),
    endpoint: (clientId, client) => ({
      loginHost: idp.host,
      graphHost: idp.host,
      tenant: s.tenantId,
      clientId,
      networkClient: client ?? net(),
    }),
    close: () => idp.close(),
  };
}
