// Graph's refusals as the admin meets them, against the emulator: every national cloud's Graph host, a role that is
// not enough, throttling with Retry-After, replication delay after a create, a body Graph refuses, a partial failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCreatePlan } from '../../../src/core/graph-apply/build-create';
import { GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID, scopesFor } from '../../../src/core/graph-apply/management';
import { runPlan } from '../../../src/core/graph-apply/run-plan';
import { isWorkbenchError } from '../../../src/core/errors';
import { environments } from '../../../src/core/connections/environments';
import { decodeJwt } from '../../../src/core/signin/token-decode';
import { profileFileSchema } from '../../../src/shared/connections-schema';
import { HttpBrowser, startSigninHarness, type SigninHarness } from '../../support/idp';
import { addManagementApp, graphClient, managementSignIn } from '../../support/graph/management';

const SCOPES = scopesFor('create', { consent: true });

describe('Graph refusals and clouds', () => {
  let h: SigninHarness;
  beforeAll(async () => {
    h = await startSigninHarness();
    addManagementApp(h.s.tenant);
    h.s.tenant.users?.push({
      upn: `appadmin@${h.s.domain}`,
      password: 'App-Admin-3',
      displayName: 'App Admin',
      directoryRoles: ['Application Administrator'],
    });
    h.s.tenant.users?.push({ upn: `reader@${h.s.domain}`, password: 'Reader-4', displayName: 'Reader' });
    // An administrator consented to the management app for the organization once, so other accounts can sign in with it.
    h.s.tenant.delegatedGrants = { ...h.s.tenant.delegatedGrants, [GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID]: [...SCOPES] };
  });
  afterAll(async () => h?.close());

  const signIn = async (
    user: { username: string; password: string },
    o: { loginHost?: string; graphHost?: string; rewrite?: Record<string, string> } = {},
  ) => {
    const browser = new HttpBrowser({
      caPem: h.pki.caPem,
      user: { ...user, upn: user.username } as never,
      ...(o.rewrite ? { rewrite: o.rewrite } : {}),
    });
    try {
      return await managementSignIn({
        loginHost: o.loginHost ?? h.idp.host,
        graphHost: o.graphHost ?? h.idp.host,
        tenant: h.s.tenantId,
        scopes: SCOPES,
        net: h.net(o.rewrite ? { rewrite: o.rewrite } : {}),
        browser,
      });
    } finally {
      browser.close();
    }
  };
  const profile = (extra: Record<string, unknown> = {}) =>
    profileFileSchema.parse({
      format: 'gcw-profile',
      schemaVersion: 1,
      auth: 'client-credentials',
      name: 'Errors',
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      tenant: h.s.tenantId,
      scopes: ['User.Read', 'Files.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
      ...extra,
    });

  for (const cloud of Object.values(environments)) {
    it(`creates through ${cloud.graphHost} with a token for that cloud (${cloud.id})`, async () => {
      const rewrite = Object.fromEntries(
        [cloud.loginHost, ...cloud.loginAliases, cloud.graphHost].map((host) => [`https://${host}`, h.idp.origin]),
      );
      const token = await signIn(h.s.admin, { loginHost: cloud.loginHost, graphHost: cloud.graphHost, rewrite });
      expect(decodeJwt(token.accessToken).payload.aud).toBe(`https://${cloud.graphHost}`);
      const plan = buildCreatePlan(profile({ environment: cloud.id, customHosts: null }), {
        credential: { kind: 'secret', months: 6 },
        consent: false,
      });
      expect(plan.graphHost).toBe(cloud.graphHost);
      const seen = h.idp.graph.requests.length;
      const { client, http } = graphClient(h.pki.caPem, token.accessToken, { rewrite });
      const run = await runPlan(plan, client);
      expect(run.failure).toBeNull();
      expect(run.outcomes.map((o) => new URL(o.url).host)).toEqual([cloud.graphHost, cloud.graphHost, cloud.graphHost]);
      expect(h.idp.graph.requests.slice(seen).every((r) => r.aud === `https://${cloud.graphHost}`)).toBe(true);
      http.close();
    });
  }

  it('explains Authorization_RequestDenied when the account has no role that may create apps; nothing was created', async () => {
    const token = await signIn({ username: `reader@${h.s.domain}`, password: 'Reader-4' });
    const { client, http } = graphClient(h.pki.caPem, token.accessToken);
    const err = await runPlan(
      buildCreatePlan(profile(), { credential: { kind: 'secret', months: 6 }, consent: false }),
      client,
    ).catch((e: unknown) => e);
    expect(isWorkbenchError(err) && err.code).toBe('graph.denied');
    if (!isWorkbenchError(err)) throw err;
    expect(err.details?.graphCode).toBe('Authorization_RequestDenied');
    expect(err.hint).toContain('Application Administrator');
    http.close();
  });

  it('waits Retry-After on 429 and goes on', async () => {
    const token = await signIn(h.s.admin);
    const waits: number[] = [];
    const { client, http } = graphClient(h.pki.caPem, token.accessToken, { waits });
    h.idp.graph.behaviour.throttle = { count: 2, retryAfterSeconds: 7 };
    const run = await runPlan(buildCreatePlan(profile(), { credential: { kind: 'none' }, consent: false }), client);
    expect(run.failure).toBeNull();
    expect(waits).toEqual([7000, 7000]);
    expect(run.outcomes[0]?.retries).toBe(2);
    http.close();
  });

  it('retries the replication delay right after a create (404, then the service principal 400) with backoff', async () => {
    const token = await signIn(h.s.admin);
    const waits: number[] = [];
    const { client, http } = graphClient(h.pki.caPem, token.accessToken, { waits });
    h.idp.graph.behaviour.replicationMisses = 3;
    const run = await runPlan(
      buildCreatePlan(profile(), { credential: { kind: 'secret', months: 6 }, consent: false }),
      client,
    );
    h.idp.graph.behaviour.replicationMisses = 0;
    expect(run.failure).toBeNull();
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(run.outcomes.map((o) => o.retries)).toEqual([0, 3, 0]);
    http.close();
  });

  it('a body Graph refuses comes back as graph.bad_request with Graph’s message', async () => {
    const token = await signIn(h.s.admin);
    const { client, http } = graphClient(h.pki.caPem, token.accessToken);
    const plan = buildCreatePlan(profile(), { credential: { kind: 'none' }, consent: false });
    (plan.steps[0]!.body as Record<string, unknown>).passwordCredentials = [];
    const err = await runPlan(plan, client).catch((e: unknown) => e);
    expect(isWorkbenchError(err) && err.code).toBe('graph.bad_request');
    expect(isWorkbenchError(err) && err.message).toContain(
      "Property 'passwordCredentials' does not exist on type 'microsoft.graph.application'",
    );
    http.close();
  });

  it('a partial failure says what was created and how to undo it (consent refused to an Application Administrator)', async () => {
    const token = await signIn({ username: `appadmin@${h.s.domain}`, password: 'App-Admin-3' });
    const { client, http } = graphClient(h.pki.caPem, token.accessToken);
    const run = await runPlan(
      buildCreatePlan(profile(), { credential: { kind: 'secret', months: 6 }, consent: true }),
      client,
    );
    expect(run.failure).not.toBeNull();
    expect(run.error?.code).toBe('graph.denied');
    expect(run.failure?.failedAt.url).toMatch(/appRoleAssignedTo$/);
    expect(run.created.map((c) => c.kind)).toEqual([
      'application',
      'passwordCredential',
      'servicePrincipal',
      'oauth2PermissionGrant',
    ]);
    expect(run.failure?.finish).toContain('Grant admin consent');
    expect(run.failure?.undo[0]).toContain('oauth2PermissionGrants');
    expect(run.failure?.undo.at(-1)).toContain(
      `DELETE /v1.0/applications/${(run.answers.get('application') as { id: string }).id}`,
    );
    http.close();
  });
});
