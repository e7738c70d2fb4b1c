import type { EnvironmentEndpoints } from '../connections/environments';

/** The certificate a profile uses, as read from its PFX: the DER, thumbprints, validity and whether the key matches. */
export interface VerifyCertificate {
  derBase64: string;
  /** Uppercase hex. */
  thumbprintSha1: string;
  thumbprintSha256: string;
  notBefore: string;
  notAfter: string;
  keyMatchesCertificate: boolean | null;
}

/** What a manifest is checked against: a saved connection profile mapped onto these fields, or nothing (manifest-only). */
export interface VerifyTarget {
  /** null = manifest-only checks. */
  auth: 'certificate' | 'client-credentials' | 'byo-app' | null;
  clientId?: string;
  tenant?: string;
  environment: EnvironmentEndpoints;
  /** Bring-your-own app: the admin's domain, for https://{domain}/provisioning_/callback. */
  domain?: string;
  /** The scopes the connection asks for (delegated, in all three options). */
  delegatedScopes: string[];
  /** The option's minimum set; an inner array = "one of" (User.Read.All or User.Read). */
  requiredDelegated: Array<string | string[]>;
  /** What the triggers the admin chose need; an inner array = "one of". */
  triggerDelegated: Array<string | string[]>;
  /** App-only (application) permissions the admin asked for; empty = no app-only access. */
  applicationPermissions: string[];
  /** First three characters of the stored client secret (compared with passwordCredentials.hint). */
  secretFirstChars?: string | null;
  secretExpiresAt?: string | null;
  certificate?: VerifyCertificate | null;
  /** The Workbench's sign-in test will use http://localhost. */
  loopbackTest: boolean;
  now?: Date;
  /** Bring-your-own app: single- or multi-tenant, as chosen in the profile. */
  tenancy?: 'single' | 'multi';
  /** Which client the loopback test is: confidential (sends the secret or certificate; Web platform) or public (Mobile and desktop). Default: confidential when auth is set, public when not. */
  loopbackClient?: 'confidential' | 'public';
  /** The redirect URI the loopback test sends, without its port (default http://localhost). */
  loopbackRedirectUri?: string;
}

/** A target for manifest-only checks in a cloud. */
export function manifestOnlyTarget(environment: EnvironmentEndpoints, extra: Partial<VerifyTarget> = {}): VerifyTarget {
  return {
    auth: null,
    environment,
    delegatedScopes: [],
    requiredDelegated: [],
    triggerDelegated: [],
    applicationPermissions: [],
    loopbackTest: false,
    ...extra,
  };
}
