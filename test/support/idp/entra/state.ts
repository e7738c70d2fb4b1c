// In-memory directory of the emulator: tenants, apps, users, consent, codes, refresh tokens and sign-in transactions.
import { X509Certificate, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { randomId } from './jwt';
import type { EmulatorApp, EmulatorBehaviour, EmulatorTenant, EmulatorUser, RefreshRevocation } from './types';

/** Platform of a matched redirect URI. */
export type Platform = 'web' | 'publicClient' | 'spa';

/** A sign-in in progress in the browser (authorize or admin consent). */
export interface Transaction {
  id: string;
  kind: 'authorize' | 'adminconsent-v1' | 'adminconsent-v2';
  tenantSegment: string;
  tenant: EmulatorTenant | null;
  app: EmulatorApp;
  redirectUri: string;
  platform: Platform;
  responseMode: 'query' | 'form_post' | 'fragment';
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  scopes: string[];
  loginHint?: string;
  prompt?: string;
  user?: EmulatorUser;
  userTenant?: EmulatorTenant;
}

/** An issued authorization code. */
export interface CodeRecord {
  txn: Transaction;
  user: EmulatorUser;
  tenant: EmulatorTenant;
  issuedAt: number;
  redeemed: boolean;
}

/** An issued refresh token. */
export interface RefreshRecord {
  clientId: string;
  user: EmulatorUser;
  tenant: EmulatorTenant;
  scopes: string[];
  publicClient: boolean;
  issuedAt: number;
  revoked?: RefreshRevocation;
}

const MULTI = new Set(['common', 'organizations', 'consumers']);
const DEFAULT_ADMIN_ONLY = [
  'Sites.FullControl.All',
  'User.Read.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
  'Group.Read.All',
  'Application.ReadWrite.All',
  'DelegatedPermissionGrant.ReadWrite.All',
  'AppRoleAssignment.ReadWrite.All',
];

/** The emulator's mutable state; tests may change tenants between requests. */
export class EmulatorState {
  readonly signingKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly kid = randomId(12);
  readonly transactions = new Map<string, Transaction>();
  readonly codes = new Map<string, CodeRecord>();
  readonly refreshTokens = new Map<string, RefreshRecord>();
  /** Every token the token endpoint handed out, so tests can search for them where they must not be. */
  readonly issued: { access: string[]; refresh: string[]; id: string[] } = { access: [], refresh: [], id: [] };

  constructor(
    readonly tenants: EmulatorTenant[],
    readonly behaviour: EmulatorBehaviour,
  ) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.signingKey = pair.privateKey;
    this.publicKey = pair.publicKey;
    for (const tenant of tenants) for (const user of tenant.users ?? []) user.objectId ??= randomUUID();
  }

  /** Remember the tokens of a token response. */
  recordIssued(body: Record<string, unknown>): void {
    if (typeof body.access_token === 'string') this.issued.access.push(body.access_token);
    if (typeof body.refresh_token === 'string') this.issued.refresh.push(body.refresh_token);
    if (typeof body.id_token === 'string') this.issued.id.push(body.id_token);
  }

  /** A tenant by ID or verified domain; `multi` for common/organizations/consumers; null when unknown. */
  resolveTenant(segment: string): { tenant: EmulatorTenant } | { multi: string } | null {
    const lower = segment.toLowerCase();
    if (MULTI.has(lower)) return { multi: lower };
    const tenant = this.tenants.find(
      (t) => t.tenantId.toLowerCase() === lower || (t.domains ?? []).some((d) => d.toLowerCase() === lower),
    );
    return tenant ? { tenant } : null;
  }

  /** An app registration; for a multi-tenant segment, search every tenant. */
  findApp(tenant: EmulatorTenant | null, clientId: string): { app: EmulatorApp; home: EmulatorTenant } | null {
    for (const t of tenant ? [tenant] : this.tenants) {
      const app = (t.apps ?? []).find((a) => a.clientId === clientId);
      if (app) return { app, home: t };
    }
    return null;
  }

  /** A user by UPN, in one tenant or (for common) anywhere. */
  findUser(tenant: EmulatorTenant | null, upn: string): { user: EmulatorUser; tenant: EmulatorTenant } | null {
    for (const t of tenant ? [tenant] : this.tenants) {
      const user = (t.users ?? []).find((u) => u.upn.toLowerCase() === upn.toLowerCase());
      if (user) return { user, tenant: t };
    }
    return null;
  }

  /** Delegated permissions the user (or the whole tenant) granted to the client. */
  delegatedGranted(tenant: EmulatorTenant, upn: string, clientId: string): Set<string> {
    const all = tenant.delegatedGrants?.[clientId] ?? [];
    const mine = tenant.userGrants?.[upn.toLowerCase()]?.[clientId] ?? tenant.userGrants?.[upn]?.[clientId] ?? [];
    return new Set([...all, ...mine].map((s) => s.toLowerCase()));
  }

  /** Record a user's own consent. */
  grantUser(tenant: EmulatorTenant, upn: string, clientId: string, scopes: string[]): void {
    tenant.userGrants ??= {};
    const byClient = (tenant.userGrants[upn.toLowerCase()] ??= {});
    byClient[clientId] = [...new Set([...(byClient[clientId] ?? []), ...scopes])];
  }

  /** Record tenant-wide admin consent for everything the registration requests. */
  grantAdmin(tenant: EmulatorTenant, app: EmulatorApp): void {
    tenant.delegatedGrants ??= {};
    tenant.applicationGrants ??= {};
    const delegated = app.requiredPermissions?.delegated ?? [];
    const application = app.requiredPermissions?.application ?? [];
    tenant.delegatedGrants[app.clientId] = [
      ...new Set([...(tenant.delegatedGrants[app.clientId] ?? []), ...delegated]),
    ];
    tenant.applicationGrants[app.clientId] = [
      ...new Set([...(tenant.applicationGrants[app.clientId] ?? []), ...application]),
    ];
  }

  /** Whether a delegated permission needs an administrator to consent. */
  adminOnly(tenant: EmulatorTenant, scope: string): boolean {
    return (tenant.adminOnlyScopes ?? DEFAULT_ADMIN_ONLY).some((s) => s.toLowerCase() === scope.toLowerCase());
  }

  /** Match a redirect URI against the registration; loopback ports are ignored, paths are not. */
  matchRedirect(app: EmulatorApp, uri: string, allowExtraPath = false): Platform | null {
    for (const platform of ['web', 'publicClient', 'spa'] as const) {
      for (const registered of app[platform] ?? [])
        if (redirectMatches(registered, uri, allowExtraPath)) return platform;
    }
    return null;
  }

  /** Mark a user's refresh tokens as no longer valid, for one of Entra's reasons. */
  revokeRefreshTokens(upn: string, reason: RefreshRevocation = 'revoked'): number {
    let count = 0;
    for (const record of this.refreshTokens.values()) {
      if (record.user.upn.toLowerCase() === upn.toLowerCase() && !record.revoked) {
        record.revoked = reason;
        count += 1;
      }
    }
    return count;
  }
}

function redirectMatches(registered: string, requested: string, allowExtraPath: boolean): boolean {
  let reg: URL;
  let req: URL;
  try {
    reg = new URL(registered);
    req = new URL(requested);
  } catch {
    return false;
  }
  const loopback = reg.protocol === 'http:' && (reg.hostname === 'localhost' || reg.hostname === '127.0.0.1');
  if (loopback) {
    // RFC 8252: the port of a loopback redirect URI is ignored; scheme, host and path must still match.
    if (req.protocol !== reg.protocol || req.hostname !== reg.hostname) return false;
  } else if (req.origin !== reg.origin) return false;
  const regPath = reg.pathname;
  const reqPath = req.pathname;
  if (reqPath === regPath) return true;
  return allowExtraPath && reqPath.startsWith(regPath.endsWith('/') ? regPath : `${regPath}/`);
}

/** SHA-1 and SHA-256 hex thumbprints of a certificate PEM. */
export function thumbprints(certPem: string): { sha1: string; sha256: string } {
  const x = new X509Certificate(certPem);
  return {
    sha1: x.fingerprint.replace(/:/g, '').toUpperCase(),
    sha256: x.fingerprint256.replace(/:/g, '').toUpperCase(),
  };
}
