// The emulator's in-memory Microsoft Graph directory: application and service principal objects in Graph's own shape,
// consent grants and app role assignments. Every write is mirrored onto the emulator's sign-in model (EmulatorApp,
// tenant grants), so an app created through Graph can sign in at once.
import { createHash, randomBytes, randomUUID, X509Certificate } from 'node:crypto';
import type {
  Application,
  AppRoleAssignment,
  KeyCredential,
  OAuth2PermissionGrant,
  PasswordCredential,
  ServicePrincipal,
} from '@microsoft/microsoft-graph-types';
import {
  findPermission,
  findPermissionsById,
  GRAPH_RESOURCE_APP_ID,
} from '../../../../../src/core/permissions/catalog';
import type { EmulatorApp, EmulatorTenant } from '../types';

/** A stored application: Graph's object plus the secret values Graph never shows again. */
export interface StoredApp {
  object: Application & { id: string; appId: string };
  secretValues: Map<string, string>;
  /** The sign-in model kept in step (the same object that sits in tenant.apps). */
  emulatorApp: EmulatorApp;
}

/** One tenant's directory. */
export class TenantDirectory {
  readonly apps = new Map<string, StoredApp>();
  readonly servicePrincipals = new Map<string, ServicePrincipal & { id: string; appId: string }>();
  readonly grants = new Map<string, OAuth2PermissionGrant & { id: string }>();
  readonly assignments = new Map<string, AppRoleAssignment & { id: string }>();
  /** appIds created through Graph, with the time, for the replication-delay behaviour. */
  readonly createdAt = new Map<string, number>();
  /**
   * While true, credentials added through Graph are registered but not accepted at sign-in yet, as Entra can take a
   * few minutes to accept a new secret or certificate; `replicate()` ends the lag and accepts them.
   */
  credentialLag = false;
  private readonly lagging = new Set<string>();

  constructor(readonly tenant: EmulatorTenant) {
    for (const app of tenant.apps ?? []) this.adopt(app);
    const graph = { id: randomUUID(), appId: GRAPH_RESOURCE_APP_ID, displayName: 'Microsoft Graph' };
    this.servicePrincipals.set(graph.id, graph);
  }

  /** Microsoft Graph's own service principal in this tenant. */
  graphServicePrincipal(): ServicePrincipal & { id: string } {
    return [...this.servicePrincipals.values()].find((s) => s.appId === GRAPH_RESOURCE_APP_ID)!;
  }

  /** Make an app registered in the scenario visible through Graph (in Graph's shape). */
  adopt(app: EmulatorApp): StoredApp {
    const existing = this.byAppId(app.clientId);
    if (existing) return existing;
    const requiredResourceAccess = toResourceAccess(app.requiredPermissions ?? {});
    const stored: StoredApp = {
      object: {
        id: randomUUID(),
        appId: app.clientId,
        displayName: app.displayName ?? app.clientId,
        signInAudience: app.signInAudience ?? 'AzureADMyOrg',
        isFallbackPublicClient: app.allowPublicClient ?? null,
        web: {
          redirectUris: [...(app.web ?? [])],
          implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false },
        },
        spa: { redirectUris: [...(app.spa ?? [])] },
        publicClient: { redirectUris: [...(app.publicClient ?? [])] },
        requiredResourceAccess,
        keyCredentials: (app.certificates ?? []).map((c) => keyFromPem(c.certPem)),
        passwordCredentials: (app.secrets ?? []).map((s) => ({
          keyId: s.keyId ?? randomUUID(),
          displayName: null,
          hint: s.value.slice(0, 3),
          startDateTime: new Date(Date.now() - 86_400_000).toISOString(),
          endDateTime: (s.expiresAt ?? new Date(Date.now() + 365 * 86_400_000)).toISOString(),
          customKeyIdentifier: null,
          secretText: null,
        })),
      },
      secretValues: new Map((app.secrets ?? []).map((s) => [s.keyId ?? '', s.value])),
      emulatorApp: app,
    };
    this.apps.set(stored.object.id, stored);
    if (!(this.tenant.apps ?? []).includes(app)) (this.tenant.apps ??= []).push(app);
    return stored;
  }

  byAppId(appId: string): StoredApp | undefined {
    return [...this.apps.values()].find((a) => a.object.appId.toLowerCase() === appId.toLowerCase());
  }

  /** Create an application from a checked POST body. */
  create(body: Application): StoredApp {
    const appId = randomUUID();
    const emulatorApp: EmulatorApp = { clientId: appId };
    const stored: StoredApp = {
      object: {
        id: randomUUID(),
        appId,
        displayName: body.displayName ?? '',
        signInAudience: body.signInAudience ?? 'AzureADandPersonalMicrosoftAccount',
        isFallbackPublicClient: body.isFallbackPublicClient ?? null,
        identifierUris: body.identifierUris ?? [],
        web: {
          redirectUris: [],
          homePageUrl: null,
          logoutUrl: null,
          implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false },
          ...(body.web ?? {}),
        },
        spa: { redirectUris: [], ...(body.spa ?? {}) },
        publicClient: { redirectUris: [], ...(body.publicClient ?? {}) },
        requiredResourceAccess: body.requiredResourceAccess ?? [],
        keyCredentials: (body.keyCredentials ?? []).map((k) => completeKey(k)),
        passwordCredentials: [],
        publisherDomain: this.tenant.domains?.[0] ?? null,
        createdDateTime: new Date().toISOString(),
      },
      secretValues: new Map(),
      emulatorApp,
    };
    this.apps.set(stored.object.id, stored);
    (this.tenant.apps ??= []).push(emulatorApp);
    this.createdAt.set(appId, Date.now());
    this.sync(stored);
    return stored;
  }

  /** Apply a checked PATCH body: complex properties merge field by field, collections are replaced whole (as Graph does). */
  update(stored: StoredApp, body: Application): void {
    const o = stored.object as unknown as Record<string, unknown>;
    const keysBefore = stored.object.keyCredentials ?? [];
    for (const [key, value] of Object.entries(body)) {
      if (key === 'keyCredentials') {
        o.keyCredentials = (value as KeyCredential[]).map((k) => completeKey(k, keysBefore));
        if (this.credentialLag)
          for (const k of o.keyCredentials as KeyCredential[])
            if (!keysBefore.some((b) => b.keyId === k.keyId)) this.lagging.add(k.keyId ?? '');
      } else if ((key === 'web' || key === 'spa' || key === 'publicClient') && value && typeof value === 'object')
        o[key] = { ...(o[key] as object), ...value };
      else o[key] = value;
    }
    this.sync(stored);
  }

  /** addPassword: a new secret, returned once with its text. */
  addPassword(stored: StoredApp, request: PasswordCredential): PasswordCredential {
    const secretText = `${randomBytes(3).toString('base64url').slice(0, 3)}8Q~${randomBytes(27).toString('base64url')}`;
    const credential: PasswordCredential = {
      customKeyIdentifier: null,
      displayName: request.displayName ?? null,
      endDateTime: request.endDateTime ?? new Date(Date.now() + 2 * 365 * 86_400_000).toISOString(),
      hint: secretText.slice(0, 3),
      keyId: randomUUID(),
      secretText: null,
      startDateTime: request.startDateTime ?? new Date().toISOString(),
    };
    stored.object.passwordCredentials = [...(stored.object.passwordCredentials ?? []), credential];
    stored.secretValues.set(credential.keyId ?? '', secretText);
    if (this.credentialLag) this.lagging.add(credential.keyId ?? '');
    this.sync(stored);
    return { ...credential, secretText };
  }

  /** removePassword; false when no such keyId. */
  removePassword(stored: StoredApp, keyId: string): boolean {
    const before = stored.object.passwordCredentials ?? [];
    stored.object.passwordCredentials = before.filter((p) => p.keyId !== keyId);
    stored.secretValues.delete(keyId);
    this.sync(stored);
    return stored.object.passwordCredentials.length !== before.length;
  }

  /** Record a tenant-wide delegated grant, mirrored into the sign-in model's admin consent. */
  grant(grant: OAuth2PermissionGrant & { id: string }): void {
    this.grants.set(grant.id, grant);
    const sp = this.servicePrincipals.get(grant.clientId ?? '');
    if (!sp) return;
    this.tenant.delegatedGrants ??= {};
    const scopes = (grant.scope ?? '').split(/\s+/).filter(Boolean);
    this.tenant.delegatedGrants[sp.appId] = [...new Set([...(this.tenant.delegatedGrants[sp.appId] ?? []), ...scopes])];
  }

  /** Record an app role assignment (application permission), mirrored into the sign-in model. */
  assign(assignment: AppRoleAssignment & { id: string }): void {
    this.assignments.set(assignment.id, assignment);
    const sp = this.servicePrincipals.get(assignment.principalId ?? '');
    const role = findPermissionsById(assignment.appRoleId ?? '').find((p) => p.kind === 'application');
    if (!sp || !role) return;
    this.tenant.applicationGrants ??= {};
    this.tenant.applicationGrants[sp.appId] = [
      ...new Set([...(this.tenant.applicationGrants[sp.appId] ?? []), role.value]),
    ];
  }

  /** End the credential lag: every credential added meanwhile is accepted at sign-in from now on. */
  replicate(): void {
    this.credentialLag = false;
    this.lagging.clear();
    for (const stored of this.apps.values()) this.sync(stored);
  }

  /** Mirror Graph's object onto the emulator's sign-in model. */
  private sync(stored: StoredApp): void {
    const o = stored.object;
    const app = stored.emulatorApp;
    app.displayName = o.displayName ?? undefined;
    app.signInAudience = o.signInAudience === 'AzureADMyOrg' ? 'AzureADMyOrg' : 'AzureADMultipleOrgs';
    app.allowPublicClient = o.isFallbackPublicClient === true;
    app.web = [...(o.web?.redirectUris ?? [])];
    app.spa = [...(o.spa?.redirectUris ?? [])];
    app.publicClient = [...(o.publicClient?.redirectUris ?? [])];
    app.secrets = (o.passwordCredentials ?? []).flatMap((p) => {
      const value = this.lagging.has(p.keyId ?? '') ? undefined : stored.secretValues.get(p.keyId ?? '');
      return value
        ? [{ keyId: p.keyId ?? undefined, value, ...(p.endDateTime ? { expiresAt: new Date(p.endDateTime) } : {}) }]
        : [];
    });
    app.certificates = (o.keyCredentials ?? [])
      .filter(
        (k) => k.type === 'AsymmetricX509Cert' && k.usage === 'Verify' && k.key && !this.lagging.has(k.keyId ?? ''),
      )
      .map((k) => ({ certPem: pemOf(k.key ?? '') }));
    const delegated: string[] = [];
    const application: string[] = [];
    for (const r of o.requiredResourceAccess ?? []) {
      if ((r.resourceAppId ?? '').toLowerCase() !== GRAPH_RESOURCE_APP_ID) continue;
      for (const a of r.resourceAccess ?? []) {
        const p = findPermissionsById(a.id ?? '').find(
          (x) => x.kind === (a.type === 'Role' ? 'application' : 'delegated'),
        );
        if (p) (a.type === 'Role' ? application : delegated).push(p.value);
      }
    }
    app.requiredPermissions = { delegated, application };
  }
}

function toResourceAccess(perms: {
  delegated?: string[];
  application?: string[];
}): Application['requiredResourceAccess'] {
  const access = [
    ...(perms.delegated ?? [])
      .map((v) => findPermission(v, 'delegated'))
      .filter((p) => p !== undefined)
      .map((p) => ({ id: p.id, type: 'Scope' })),
    ...(perms.application ?? [])
      .map((v) => findPermission(v, 'application'))
      .filter((p) => p !== undefined)
      .map((p) => ({ id: p.id, type: 'Role' })),
  ];
  return access.length ? [{ resourceAppId: GRAPH_RESOURCE_APP_ID, resourceAccess: access }] : [];
}

function pemOf(base64Der: string): string {
  return `-----BEGIN CERTIFICATE-----\n${base64Der.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
}

function keyFromPem(pem: string): KeyCredential {
  const x = new X509Certificate(pem);
  return completeKey({
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
    key: x.raw.toString('base64'),
    displayName: `CN=${x.subject.split('CN=')[1]?.split('\n')[0] ?? 'certificate'}`,
  });
}

/** Fill what Graph fills: keyId, customKeyIdentifier (SHA-1 thumbprint, base64), dates from the certificate; an existing keyId keeps its credential. */
function completeKey(k: KeyCredential, existing: KeyCredential[] = []): KeyCredential {
  const same = k.keyId ? existing.find((e) => e.keyId === k.keyId) : undefined;
  if (same && !k.key) return { ...same };
  const der = Buffer.from(k.key ?? '', 'base64');
  let x: X509Certificate | null;
  try {
    x = new X509Certificate(der);
  } catch {
    x = null;
  }
  return {
    customKeyIdentifier: k.customKeyIdentifier ?? (x ? createHash('sha1').update(der).digest('base64') : null),
    displayName: k.displayName ?? null,
    endDateTime: k.endDateTime ?? (x ? new Date(x.validTo).toISOString() : null),
    key: k.key ?? null,
    keyId: k.keyId ?? randomUUID(),
    startDateTime: k.startDateTime ?? (x ? new Date(x.validFrom).toISOString() : null),
    type: k.type ?? null,
    usage: k.usage ?? null,
  };
}

/** Whether a key's base64 is an X.509 certificate (Graph refuses keys that are not). */
export function isCertificate(base64: string): boolean {
  try {
    new X509Certificate(Buffer.from(base64, 'base64'));
    return true;
  } catch {
    return false;
  }
}
