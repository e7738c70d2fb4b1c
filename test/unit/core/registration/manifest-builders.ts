// Builds app manifests for tests from one format-neutral description, in both the Microsoft Graph and the older
// Azure AD Graph format, plus a profile target that matches the "good" manifest exactly.
import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environments } from '../../../../src/core/connections/environments';
import { isWorkbenchError } from '../../../../src/core/errors';
import type { AppError } from '../../../../src/shared/result';
import { permissionByValue } from '../../../../src/core/registration/permission-lookup';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import type { VerifyCertificate, VerifyTarget } from '../../../../src/core/registration/verify-target';
import type { ManifestFormat, RedirectPlatform } from '../../../../src/shared/registration';

export const fixturesDir = join(import.meta.dirname, '../../../fixtures/manifests');
export const APP_ID = '11111111-2222-3333-4444-555555555555';
export const OBJECT_ID = '99999999-8888-7777-6666-555555555555';
export const TENANT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const NOW = new Date('2026-01-01T00:00:00Z');
export const GRAPH = '00000003-0000-0000-c000-000000000000';

/** Days from NOW as an ISO date. */
export function inDays(days: number): string {
  return new Date(NOW.getTime() + days * 86_400_000).toISOString();
}

/** Read a fixture as bytes. */
export function fixture(name: string): Buffer {
  return readFileSync(join(fixturesDir, name));
}

/** The real certificate of the Azure CLI recording (manifest 01): SHA-1 7AB4DD92…85CB, valid 2020–2047. */
export function recordingCertificate(): VerifyCertificate {
  const derBase64 = fixture('01_cert-used-in-recording.b64').toString('utf8').trim();
  const x = new X509Certificate(Buffer.from(derBase64, 'base64'));
  return {
    derBase64,
    thumbprintSha1: x.fingerprint.replace(/:/g, ''),
    thumbprintSha256: x.fingerprint256.replace(/:/g, ''),
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    keyMatchesCertificate: true,
  };
}

/** DER-shaped bytes standing in for another certificate (only thumbprints are compared). */
export function otherCertificateDer(seed = 'other'): Buffer {
  return Buffer.concat([
    Buffer.from([0x30, 0x82, 0x01, 0x00]),
    createHash('sha512').update(seed).digest(),
    Buffer.alloc(200, 7),
  ]);
}

export interface KeySpec {
  customKeyIdentifier?: string | null;
  key?: string | null;
  type?: string;
  usage?: string;
  start?: string | null;
  end?: string | null;
  displayName?: string;
  keyId?: string;
}

export interface SecretSpec {
  hint?: string | null;
  start?: string | null;
  end?: string | null;
  displayName?: string;
  keyId?: string;
  secretText?: string;
}

/** A format-neutral app registration. */
export interface AppSpec {
  appId?: string | null;
  objectId?: string;
  displayName?: string;
  audience?: string | null;
  tokenVersion?: number | null;
  publicClient?: boolean;
  implicitAccessTokens?: boolean;
  implicitIdTokens?: boolean;
  redirects: Array<{ uri: string; platform: RedirectPlatform }>;
  keys: KeySpec[];
  secrets: SecretSpec[];
  /** Permissions by name and kind, or raw entries. */
  permissions: Array<
    { name: string; kind: 'delegated' | 'application' } | { resourceAppId: string; id: string; type: string }
  >;
  identifierUris?: string[];
  publisherDomain?: string | null;
}

/** The good bring-your-own app that matches `goodTarget('byo-app')` with no findings. */
/** A finding as a test compares it: code, severity and the words an admin reads. */
export interface SeenFinding {
  code: string;
  severity: string;
  message: string;
  fix: string;
}

/**
 * The permission findings of the good manifest with `permissions` (those `keep` selects), the fix without the
 * admin-center click path to API permissions every such fix starts with.
 */
export function permissionFindings(
  permissions: AppSpec['permissions'],
  target: VerifyTarget,
  keep: (code: string) => boolean,
): SeenFinding[] {
  return verifyManifest(manifestJson({ ...goodSpec(), permissions }, 'graph'), target)
    .findings.filter((f) => keep(f.code))
    .map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      fix: f.fix.replace(/^In the Microsoft Entra admin center .*? then select API permissions\. /, ''),
    }));
}

/** Delegated (Scope) permissions of Microsoft Graph, by name, for `AppSpec.permissions`. */
export const delegated = (...names: string[]): AppSpec['permissions'] =>
  names.map((name) => ({ name, kind: 'delegated' as const }));
/** Application (Role) permissions of Microsoft Graph, by name, for `AppSpec.permissions`. */
export const application = (...names: string[]): AppSpec['permissions'] =>
  names.map((name) => ({ name, kind: 'application' as const }));

export function goodSpec(): AppSpec {
  return {
    appId: APP_ID,
    objectId: OBJECT_ID,
    displayName: 'Contoso automation',
    audience: 'AzureADMyOrg',
    tokenVersion: null,
    publicClient: false,
    redirects: [
      { uri: 'https://contoso.com/provisioning_/callback', platform: 'web' },
      { uri: 'http://localhost', platform: 'web' },
    ],
    keys: [],
    secrets: [
      {
        hint: 'abc',
        start: inDays(-10),
        end: inDays(355),
        displayName: 'automation',
        keyId: 'f0b0b335-1d71-4883-8f98-567911bfdca6',
      },
    ],
    permissions: ['openid', 'offline_access', 'User.Read', 'Files.Read'].map((name) => ({
      name,
      kind: 'delegated' as const,
    })),
    identifierUris: [],
    publisherDomain: 'contoso.com',
  };
}

/** A good certificate-option spec: the recording's certificate registered with its hex thumbprint and own dates. */
export function goodCertificateSpec(): AppSpec {
  const cert = recordingCertificate();
  return {
    ...goodSpec(),
    redirects: [{ uri: 'http://localhost', platform: 'web' }],
    secrets: [],
    keys: [
      {
        customKeyIdentifier: cert.thumbprintSha1,
        type: 'AsymmetricX509Cert',
        usage: 'Verify',
        start: cert.notBefore,
        end: cert.notAfter,
        displayName: 'CN=automation',
        keyId: '0042d742-d4ef-411d-83c7-ed6dfbb1d653',
      },
    ],
    permissions: ['User.Read', 'Files.Read'].map((name) => ({ name, kind: 'delegated' as const })),
  };
}

/** A target that the good spec of its option satisfies. */
export function goodTarget(auth: VerifyTarget['auth'] = 'byo-app', extra: Partial<VerifyTarget> = {}): VerifyTarget {
  const base: VerifyTarget = {
    auth,
    clientId: APP_ID,
    tenant: TENANT_ID,
    environment: environments.office365,
    delegatedScopes: [],
    requiredDelegated: [],
    triggerDelegated: [],
    applicationPermissions: [],
    loopbackTest: true,
    now: NOW,
  };
  if (auth === 'byo-app') {
    Object.assign(base, {
      domain: 'contoso.com',
      delegatedScopes: ['openid', 'offline_access', 'User.Read', 'Files.Read'],
      requiredDelegated: ['openid', 'offline_access', ['User.Read.All', 'User.Read'], 'Files.Read'],
      secretFirstChars: 'abc',
      secretExpiresAt: inDays(355),
    });
  } else if (auth === 'certificate') {
    Object.assign(base, {
      delegatedScopes: ['User.Read', 'Files.Read'],
      requiredDelegated: [['User.Read.All', 'User.Read'], 'Files.Read'],
      certificate: recordingCertificate(),
    });
  } else if (auth === 'client-credentials') {
    Object.assign(base, {
      delegatedScopes: ['Files.Read'],
      requiredDelegated: ['Files.Read'],
      secretFirstChars: 'abc',
    });
  }
  return { ...base, ...extra };
}

function permissionEntries(
  spec: AppSpec,
): Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: string }> }> {
  const byResource = new Map<string, Array<{ id: string; type: string }>>();
  for (const p of spec.permissions) {
    const entry =
      'name' in p
        ? {
            resourceAppId: GRAPH,
            id: permissionByValue(p.name, p.kind)?.id ?? `missing-${p.name}`,
            type: p.kind === 'delegated' ? 'Scope' : 'Role',
          }
        : p;
    byResource.set(entry.resourceAppId, [
      ...(byResource.get(entry.resourceAppId) ?? []),
      { id: entry.id, type: entry.type },
    ]);
  }
  return [...byResource].map(([resourceAppId, resourceAccess]) => ({ resourceAppId, resourceAccess }));
}

/** The spec as a Microsoft Graph-format application object. */
export function toGraph(spec: AppSpec): Record<string, unknown> {
  const uris = (platform: RedirectPlatform): string[] =>
    spec.redirects.filter((r) => r.platform === platform).map((r) => r.uri);
  return {
    id: spec.objectId ?? OBJECT_ID,
    ...(spec.appId === null ? {} : { appId: spec.appId ?? APP_ID }),
    displayName: spec.displayName ?? 'Contoso automation',
    ...(spec.audience === null ? {} : { signInAudience: spec.audience ?? 'AzureADMyOrg' }),
    identifierUris: spec.identifierUris ?? [],
    isFallbackPublicClient: spec.publicClient ?? false,
    publisherDomain: spec.publisherDomain ?? null,
    api: { requestedAccessTokenVersion: spec.tokenVersion ?? null, oauth2PermissionScopes: [] },
    web: {
      homePageUrl: null,
      redirectUris: uris('web'),
      implicitGrantSettings: {
        enableAccessTokenIssuance: spec.implicitAccessTokens ?? false,
        enableIdTokenIssuance: spec.implicitIdTokens ?? false,
      },
    },
    spa: { redirectUris: uris('spa') },
    publicClient: { redirectUris: uris('publicClient') },
    keyCredentials: spec.keys.map((k) => ({
      customKeyIdentifier: k.customKeyIdentifier ?? null,
      displayName: k.displayName ?? null,
      endDateTime: k.end ?? null,
      key: k.key ?? null,
      keyId: k.keyId ?? '00000000-0000-0000-0000-00000000000a',
      startDateTime: k.start ?? null,
      type: k.type ?? 'AsymmetricX509Cert',
      usage: k.usage ?? 'Verify',
    })),
    passwordCredentials: spec.secrets.map((s) => ({
      customKeyIdentifier: null,
      displayName: s.displayName ?? null,
      endDateTime: s.end ?? null,
      hint: s.hint ?? null,
      keyId: s.keyId ?? '00000000-0000-0000-0000-00000000000b',
      ...(s.secretText ? { secretText: s.secretText } : { secretText: null }),
      startDateTime: s.start ?? null,
    })),
    requiredResourceAccess: permissionEntries(spec),
  };
}

/** The spec as an Azure AD Graph-format manifest (legacy portal download). */
export function toAadGraph(spec: AppSpec): Record<string, unknown> {
  const typeOf: Record<RedirectPlatform, string> = { web: 'Web', spa: 'Spa', publicClient: 'InstalledClient' };
  return {
    id: spec.objectId ?? OBJECT_ID,
    ...(spec.appId === null ? {} : { appId: spec.appId ?? APP_ID }),
    name: spec.displayName ?? 'Contoso automation',
    ...(spec.audience === null ? {} : { signInAudience: spec.audience ?? 'AzureADMyOrg' }),
    accessTokenAcceptedVersion: spec.tokenVersion ?? null,
    allowPublicClient: spec.publicClient ?? false,
    identifierUris: spec.identifierUris ?? [],
    oauth2AllowImplicitFlow: spec.implicitAccessTokens ?? false,
    oauth2AllowIdTokenImplicitFlow: spec.implicitIdTokens ?? false,
    oauth2Permissions: [],
    publisherDomain: spec.publisherDomain ?? null,
    replyUrlsWithType: spec.redirects.map((r) => ({ url: r.uri, type: typeOf[r.platform] })),
    keyCredentials: spec.keys.map((k) => ({
      customKeyIdentifier: k.customKeyIdentifier ?? null,
      endDate: k.end ?? null,
      keyId: k.keyId ?? '00000000-0000-0000-0000-00000000000a',
      startDate: k.start ?? null,
      type: k.type ?? 'AsymmetricX509Cert',
      usage: k.usage ?? 'Verify',
      value: k.key ?? null,
      displayName: k.displayName ?? null,
    })),
    passwordCredentials: spec.secrets.map((s) => ({
      customKeyIdentifier: null,
      endDate: s.end ?? null,
      keyId: s.keyId ?? '00000000-0000-0000-0000-00000000000b',
      startDate: s.start ?? null,
      value: s.secretText ?? null,
      ...(s.hint ? { hint: s.hint } : {}),
      displayName: s.displayName ?? null,
    })),
    requiredResourceAccess: permissionEntries(spec),
  };
}

/** The spec as manifest text in a format. */
export function manifestJson(spec: AppSpec, format: ManifestFormat): string {
  return JSON.stringify(format === 'graph' ? toGraph(spec) : toAadGraph(spec), null, 2);
}

/** The expected failure a call throws, as the contract would carry it. */
export function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (e) {
    if (isWorkbenchError(e)) return e.toAppError();
    throw e;
  }
  throw new Error('expected a WorkbenchError');
}
