// Connection profiles: their types, labels and the helpers every layer shares. The zod schemas are in
// connections-schema.ts (main, core and the CLI parse with them; the renderer and preload never load zod).
import type { Profile } from './connections-schema';

export type {
  ByoAppProfile,
  CertificateProfile,
  CertificateRef,
  ClientCredentialsProfile,
  Profile,
  ProfileFile,
  ProfileInput,
  ProfileInputDraft,
} from './connections-schema';

/** The profile schema version this build writes (stored profiles and profile files). */
export const PROFILE_SCHEMA_VERSION = 1;

/** The `format` marker of an exported profile file. */
export const PROFILE_FILE_FORMAT = 'gcw-profile';

/** The three ways the connector authenticates to Microsoft Graph. */
export const authKinds = ['certificate', 'client-credentials', 'byo-app'] as const;

/** One of the authentication options. */
export type AuthKind = (typeof authKinds)[number];

/** The names admins see on the connection page for each option. */
export const authLabels: Record<AuthKind, string> = {
  certificate: 'Client certificate',
  'client-credentials': 'OAuth 2.0 client credentials',
  'byo-app': 'Bring your own OAuth 2.0 app',
};

/** Who may sign in to a bring-your-own app registration. */
export const appAudiences = ['single-tenant', 'multi-tenant'] as const;

/** Single- or multi-tenant. */
export type AppAudience = (typeof appAudiences)[number];

/** Secrets a profile can own; they live in the vault, never in the profile JSON. */
export const secretNames = ['clientSecret', 'pfx', 'pfxPassword'] as const;

/** One of the secret names. */
export type SecretName = (typeof secretNames)[number];

/** Which secrets each option uses. */
export const secretNamesFor: Record<AuthKind, readonly SecretName[]> = {
  certificate: ['pfx', 'pfxPassword'],
  'client-credentials': ['clientSecret'],
  'byo-app': ['clientSecret'],
};

/** What the Workbench knows about a stored secret without revealing it. */
export type SecretState = 'stored' | 'missing' | 'unreadable';

/** A save changed the profile's sign-in or Graph host: what happened to the secrets stored for the old hosts. */
export interface SecretHostChange {
  /** Stored secrets that were bound to the old hosts (a secret typed in the same save is bound to the new ones). */
  secrets: SecretName[];
  /** True only when the admin chose “Keep” in main's native dialog; otherwise those secrets were removed. */
  kept: boolean;
  /** What happened, in words the form shows. */
  message: string;
}

/** A pasted address reduced to its host name: `https://cloud.example.com/` → `cloud.example.com`. */
export function normalizeDomain(value: string): string {
  return (
    value
      .trim()
      .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
      .split(/[/?#]/)[0] ?? ''
  ).trim();
}

/** The web redirect URI the connector uses for a bring-your-own app, computed from the admin's domain (a pasted URL is reduced to its host). */
export function redirectUriFor(domain: string): string {
  const host = normalizeDomain(domain);
  return host === '' ? '' : `https://${host}/provisioning_/callback`;
}

/** How serious a validation finding is: errors stop a connection from working, warnings probably will, info explains. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** Every validation rule's code; the UI may switch on them. */
export const profileFindingCodes = [
  'file.unknown_field',
  'file.newer_version',
  'file.wrong_type',
  'auth.invalid',
  'name.missing',
  'client_id.missing',
  'client_id.not_guid',
  'client_id.is_graph',
  'client_id.same_as_tenant',
  'tenant.missing',
  'tenant.invalid',
  'tenant.consumers',
  'tenant.other_cloud',
  'tenant.app_only_needs_tenant',
  'tenant.single_tenant_common',
  'upn.missing',
  'upn.invalid',
  'upn.guest',
  'upn.other_cloud',
  'domain.missing',
  'domain.has_scheme',
  'domain.invalid',
  'redirect_uri.invalid',
  'redirect_uri.mismatch',
  'environment.custom_hosts_missing',
  'environment.host_not_https',
  'environment.host_invalid',
  'environment.hosts_ignored',
  'certificate.missing',
  'certificate.password_missing',
  'certificate.expired',
  'certificate.expires_soon',
  'client_secret.missing',
  'client_secret.looks_like_secret_id',
  'client_secret.whitespace',
  'secret_expiry.invalid',
  'secret_expiry.expired',
  'secret_expiry.soon',
  'scopes.missing_minimum',
  'scopes.no_offline_access',
  'scopes.unknown',
  'scopes.application_only',
  'scopes.default_scope',
  'scopes.duplicate',
  'scopes.least_privilege',
  'app_only.sign_in_scope',
  'app_only.delegated_only',
  'app_only.unknown_permission',
  'app_only.least_privilege',
  'app_only.no_permissions',
] as const;

/** One validation rule's code. */
export type ProfileFindingCode = (typeof profileFindingCodes)[number];

/** A field-level validation message. `field` is a path such as `clientId`, `customHosts.loginHost`, `secrets.clientSecret`. */
export interface ProfileFinding {
  code: ProfileFindingCode;
  severity: FindingSeverity;
  field: string;
  message: string;
}

/** Whether a stored profile can be used and edited: `newer-version` and `damaged` entries are kept as they are in the file. */
export type ProfileEntryStatus = 'ok' | 'newer-version' | 'damaged';

/** One profile as the list shows it: the profile (no secrets), what the vault holds for it, and anything to tell the admin. */
export interface ProfileEntry {
  /** The profile id; entries without a readable id get a key such as `unreadable-1` for this session. */
  id: string;
  status: ProfileEntryStatus;
  editable: boolean;
  name: string;
  auth: AuthKind | null;
  /** The profile; for damaged entries the readable part with defaults, or null when it cannot be read at all. */
  profile: Profile | null;
  secrets: Partial<Record<SecretName, SecretState>>;
  /** True when a stored secret cannot be decrypted (the OS keychain or user account changed). */
  secretsUnreadable: boolean;
  /** Fields this version does not know; they are kept in the file. */
  unknownFields: string[];
  /** Plain messages about this entry (damaged fields, newer version, unreadable secrets). */
  problems: string[];
}

/** How close a certificate or secret is to expiring: warnings at 30 and 7 days. */
export type ExpiryStatusName = 'ok' | 'within-30-days' | 'within-7-days' | 'expired';

/** One line of the expiry view. */
export interface ExpiryRow {
  profileId: string;
  profileName: string;
  auth: AuthKind;
  what: 'certificate' | 'secret';
  expiresAt: string;
  daysLeft: number;
  status: ExpiryStatusName;
  message: string;
}

/** One field of the connection sheet, in the order the connection page asks for it. */
export interface ConnectionSheetField {
  key: string;
  label: string;
  /** The value to copy; absent for secrets, which are copied from the vault only on click. */
  value?: string;
  secret?: true;
  /** Vault id of the secret, e.g. `profile/<id>/clientSecret`. */
  vaultRef?: string;
  secretState?: SecretState;
  help: string;
}

/** Everything needed to fill the connection page for one profile. */
export interface ConnectionSheet {
  profileId: string;
  profileName: string;
  auth: AuthKind;
  title: string;
  fields: ConnectionSheetField[];
  /** Things to do outside the connection page (register the redirect URI, grant admin consent). */
  notes: string[];
}
