// Configuration of the Entra-shaped test identity provider: tenants, app registrations, users, consent.
import type { GraphBehaviour } from './directory/directories';

/** A user who can sign in on the emulator's login form. */
export interface EmulatorUser {
  upn: string;
  password: string;
  displayName?: string;
  objectId?: string;
  /** A Global Administrator: may grant admin consent. */
  isAdmin?: boolean;
  /** Directory roles by name (e.g. Application Administrator, Privileged Role Administrator), for the Graph directory endpoints. */
  directoryRoles?: string[];
}

/** A client secret on an app registration. */
export interface EmulatorSecret {
  /** The Secret ID (keyId) the admin center shows next to the value. */
  keyId?: string;
  value: string;
  expiresAt?: Date;
}

/** A certificate on an app registration (the public part only matters). */
export interface EmulatorCertificate {
  certPem: string;
}

/** Redirect URIs per platform, as in the Microsoft Graph manifest. */
export interface EmulatorRedirects {
  web?: string[];
  publicClient?: string[];
  spa?: string[];
}

/** An app registration in a tenant. */
export interface EmulatorApp extends EmulatorRedirects {
  clientId: string;
  displayName?: string;
  signInAudience?: 'AzureADMyOrg' | 'AzureADMultipleOrgs';
  /** "Allow public client flows" (isFallbackPublicClient). */
  allowPublicClient?: boolean;
  secrets?: EmulatorSecret[];
  certificates?: EmulatorCertificate[];
  /** API permissions on the registration (requiredResourceAccess), by Microsoft Graph permission value. */
  requiredPermissions?: { delegated?: string[]; application?: string[] };
}

/** Why a refresh token no longer works; each maps to the AADSTS code Entra sends. */
export type RefreshRevocation = 'revoked' | 'inactive' | 'sign-in-frequency' | 'expired';

/** A tenant with its apps, users and granted consent. */
export interface EmulatorTenant {
  tenantId: string;
  /** Verified domains, e.g. contoso.onmicrosoft.com; usable instead of the tenant ID. */
  domains?: string[];
  apps?: EmulatorApp[];
  users?: EmulatorUser[];
  /** Delegated permissions granted for all users (admin consent, consentType AllPrincipals), per client ID. */
  delegatedGrants?: Record<string, string[]>;
  /** Delegated permissions individual users consented to, per UPN then client ID. */
  userGrants?: Record<string, Record<string, string[]>>;
  /** Application permissions (app roles) granted by an admin, per client ID. */
  applicationGrants?: Record<string, string[]>;
  /** Delegated permissions only an admin may consent to. Defaults to the usual Graph *.All permissions. */
  adminOnlyScopes?: string[];
  /** Whether users may consent to apps themselves (tenant setting). Default true. */
  userConsentAllowed?: boolean;
}

/** How the emulator should misbehave or deviate, per test. */
export interface EmulatorBehaviour {
  /** Accept client assertions that carry `x5t#S256` (PS256). Real clouds disagree; default true. */
  acceptSha256Thumbprint?: boolean;
  /** Delay every token response, to test client timeouts. */
  tokenDelayMs?: number;
  /** Add this suberror to refresh-token revocation errors (real Entra sends none). */
  revocationSuberror?: string;
  /** Spend an authorization code even when the client then fails to authenticate (Entra's behaviour is unconfirmed). */
  spendCodeOnFailedClientAuth?: boolean;
  /** Access token lifetime in seconds. */
  accessTokenLifetimeSeconds?: number;
}

/** Options of startEntraEmulator. */
export interface EntraEmulatorOptions {
  tenants: EmulatorTenant[];
  behaviour?: EmulatorBehaviour;
  /** Production hosts a rewriting network client may map onto this emulator (accepted in client assertion `aud`). */
  aliasHosts?: string[];
  /** Extra resource URIs treated as Microsoft Graph (the emulator's own origin always is). */
  graphResources?: string[];
  /** How the Graph directory endpoints misbehave (replication delay, throttling). */
  graph?: GraphBehaviour;
}
