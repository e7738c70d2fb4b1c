// Helpers for Graph-apply tests: the management app in the emulated tenant, an admin sign-in, a Graph client.
import { GraphClient, type RetryPolicy } from '../../../src/core/graph-apply/graph-client';
import { GraphHttp } from '../../../src/core/graph-apply/graph-http';
import { GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID } from '../../../src/core/graph-apply/management';
import { signInForManagement, type ManagementToken } from '../../../src/core/graph-apply/management-signin';
import type { SigninNetworkClient } from '../../../src/core/signin/network-client';
import type { EmulatorTenant, HttpBrowser } from '../idp';

/** Register Microsoft Graph Command Line Tools in the emulated tenant the way it exists in real tenants: a public client with http://localhost. */
export function addManagementApp(tenant: EmulatorTenant): void {
  if ((tenant.apps ?? []).some((a) => a.clientId === GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID)) return;
  (tenant.apps ??= []).push({
    clientId: GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID,
    displayName: 'Microsoft Graph Command Line Tools',
    signInAudience: 'AzureADMultipleOrgs',
    publicClient: ['http://localhost'],
    allowPublicClient: true,
  });
}

/** Retries that do not wait (the waits asked for are recorded). */
export function instantRetry(waits: number[] = []): RetryPolicy {
  return {
    throttleAttempts: 3,
    maxRetryAfterSeconds: 60,
    replicationBackoffMs: [1000, 2000, 4000, 8000, 16000],
    sleep: async (ms) => void waits.push(ms),
  };
}

/** Sign the admin in through the emulator's pages (HttpBrowser plays the system browser). */
export async function managementSignIn(o: {
  loginHost: string;
  graphHost: string;
  tenant: string;
  scopes: string[];
  net: SigninNetworkClient;
  browser: HttpBrowser;
}): Promise<ManagementToken> {
  return signInForManagement({
    loginHost: o.loginHost,
    graphHost: o.graphHost,
    tenant: o.tenant,
    client: { kind: 'graph-cli' },
    scopes: o.scopes,
    networkClient: o.net,
    openBrowser: async (url) => void o.browser.visit(url),
  });
}

/** A Graph client over HTTPS that trusts the test CA (and maps cloud hosts onto the emulator when asked). */
export function graphClient(
  caPem: string,
  token: string,
  options: { rewrite?: Record<string, string>; waits?: number[] } = {},
): { client: GraphClient; http: GraphHttp } {
  const http = new GraphHttp({
    extraCaPem: caPem,
    timeoutMs: 10_000,
    ...(options.rewrite ? { rewrite: options.rewrite } : {}),
  });
  return { client: new GraphClient(http, () => token, instantRetry(options.waits)), http };
}
