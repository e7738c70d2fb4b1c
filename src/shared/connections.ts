import { z } from 'zod';
import { environmentIdSchema } from './environments';

/** The profile schema version this build writes (stored profiles and profile files). */
export const PROFILE_SCHEMA_VERSION = 1;

/** The `format` marker of an exported profile file. */
export const PROFILE_FILE_FORMAT = 'gcw-profile';

/** The three ways the connector authenticates to Microsoft Graph. */
export const authKinds = ['certificate', 'client-credentials', 'byo-app'] as const;

/** One of the authentication options. */
export type AuthKind = (typeof authKinds)[number];

/** Zod schema for an authentication option. */
export const authKindSchema = z.enum(authKinds);

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
  return (value.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0] ?? '').trim();
}

/** The web redirect URI the connector uses for a bring-your-own app, computed from the admin's domain (a pasted URL is reduced to its host). */
export function redirectUriFor(domain: string): string {
  const host = normalizeDomain(domain);
  return host === '' ? '' : `https://${host}/provisioning_/callback`;
}

/** Sign-in and Graph host names for the Custom environment (https is implied). */
export const customHostsSchema = z.object({
  loginHost: z.string().max(253),
  graphHost: z.string().max(253),
});

/** What the profile keeps about its certificate: facts only, never the PFX bytes or the key. */
export const certificateRefSchema = z.object({
  thumbprintSha1: z.string().max(64).describe('SHA-1 thumbprint, uppercase hex: what the Entra admin center shows under Certificates and what verify compares.'),
  thumbprintSha256: z.string().max(128).describe('SHA-256 thumbprint, uppercase hex.'),
  subject: z.string().max(1024).describe('Subject of the certificate, e.g. CN=contoso-sync.'),
  notAfter: z.string().max(64).describe('End of validity, ISO date-time (expiry warnings).'),
  fileName: z.string().max(260).nullable().default(null).describe('Name of the PFX file the facts were read from (gcw profile new --pfx, or the file chosen in the app).'),
});

/** The certificate facts kept with a profile. */
export type CertificateRef = z.infer<typeof certificateRefSchema>;

const scopeList = z.array(z.string().max(300)).max(300);

/** Fields every option shares that an admin edits. Format rules are checked by validation, not here, so hand-edited values can be reported field by field. */
const editableCommon = {
  name: z.string().max(200).default(''),
  notes: z.string().max(10_000).default(''),
  secretExpiresAt: z.string().max(64).nullable().default(null).describe('When the secret expires, YYYY-MM-DD or an ISO date-time (for reminders).'),
  environment: environmentIdSchema.default('office365').describe('The Microsoft cloud: office365, usgov-l4 (GCC High), usgov-l5 (DoD), china, or custom.'),
  customHosts: customHostsSchema.nullable().default(null).describe('Sign-in and Graph host names (https implied) when the environment is custom.'),
  tenant: z.string().max(256).default('').describe('Directory (tenant) ID GUID, a verified domain, common or organizations.'),
  clientId: z.string().max(100).default('').describe('Application (client) ID of the app registration (a GUID).'),
  scopes: scopeList.default([]).describe('Delegated Microsoft Graph permissions for the connection.'),
  appOnlyPermissions: scopeList.default([]).describe('Application permissions wanted for an app-only (client credentials) test.'),
};

const editableCertificate = {
  auth: z.literal('certificate'),
  ...editableCommon,
  upn: z.string().max(256).default('').describe('User principal name of the account the connection signs in as.'),
  certificate: certificateRefSchema.nullable().default(null).describe('Facts about the certificate; the PFX and its password stay in the vault.'),
};

const editableClientCredentials = {
  auth: z.literal('client-credentials'),
  ...editableCommon,
  tenant: z.string().max(256).default('common').describe('Directory (tenant) ID GUID or a verified domain; common by default.'),
};

const editableByoApp = {
  auth: z.literal('byo-app'),
  ...editableCommon,
  audience: z.enum(appAudiences).default('single-tenant'),
  domain: z.string().max(253).default('').describe('Host name the redirect URI https://{domain}/provisioning_/callback is built from.'),
};

const stored = {
  id: z.guid(),
  schemaVersion: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

/** A stored client-certificate profile (no secrets). */
export const certificateProfileSchema = z.object({ ...stored, ...editableCertificate });
/** A stored client-credentials profile (no secrets). */
export const clientCredentialsProfileSchema = z.object({ ...stored, ...editableClientCredentials });
/** A stored bring-your-own-app profile (no secrets); `redirectUri` is always recomputed from `domain`. */
export const byoAppProfileSchema = z.object({ ...stored, ...editableByoApp, redirectUri: z.string().max(2048).default('') });

/** A stored connection profile: what profiles.json holds. Never a secret. */
export const profileSchema = z.discriminatedUnion('auth', [certificateProfileSchema, clientCredentialsProfileSchema, byoAppProfileSchema]);

/** A stored connection profile. */
export type Profile = z.infer<typeof profileSchema>;
/** A stored client-certificate profile. */
export type CertificateProfile = z.infer<typeof certificateProfileSchema>;
/** A stored client-credentials profile. */
export type ClientCredentialsProfile = z.infer<typeof clientCredentialsProfileSchema>;
/** A stored bring-your-own-app profile. */
export type ByoAppProfile = z.infer<typeof byoAppProfileSchema>;

const secretValue = z.string().max(200_000).nullable().optional();
const pfxValue = z.string().max(14_000_000).nullable().optional();

/** Secret inputs of the form: a string sets the secret, `null` removes it, absent or empty keeps what is stored. */
export const certificateSecretInputSchema = z.strictObject({
  pfx: pfxValue,
  pfxPassword: secretValue,
  /** Take the PFX and its password from a certificate held in main (opened or exported on the Certificates page). */
  certificateRef: z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/).optional(),
});
/** Secret input for the client-secret options. */
export const clientSecretInputSchema = z.strictObject({
  clientSecret: secretValue,
  /** Take the client secret the New connection wizard holds in main's memory (wizard.holdSecret) when `clientSecret` is empty. */
  heldSecretRef: z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/).optional(),
});

/** What the profile form submits: the editable fields plus secret inputs. */
export const profileInputSchema = z.discriminatedUnion('auth', [
  z.strictObject({ ...editableCertificate, secrets: certificateSecretInputSchema.default({}) }),
  z.strictObject({ ...editableClientCredentials, secrets: clientSecretInputSchema.default({}) }),
  z.strictObject({ ...editableByoApp, secrets: clientSecretInputSchema.default({}) }),
]);

/** What the profile form submits (after parsing). */
export type ProfileInput = z.infer<typeof profileInputSchema>;
/** What the profile form may send (defaults not applied yet). */
export type ProfileInputDraft = z.input<typeof profileInputSchema>;

const fileMarker = {
  format: z.literal(PROFILE_FILE_FORMAT).describe('Marks a Workbench connection profile file.'),
  schemaVersion: z.number().int().min(1).describe('Profile schema version; this version writes 1.'),
  exportedAt: z.iso.datetime().optional(),
  createdAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime().optional(),
  secretsNotIncluded: z.array(z.enum(secretNames)).optional().describe('Secrets the profile uses that the file deliberately leaves out.'),
};

/** A profile file (export, `gcw profile new`): the profile without id or secrets, with a format marker. */
export const profileFileSchema = z.discriminatedUnion('auth', [
  z.strictObject({ ...fileMarker, ...editableCertificate }),
  z.strictObject({ ...fileMarker, ...editableClientCredentials }),
  z.strictObject({ ...fileMarker, ...editableByoApp, redirectUri: z.string().max(2048).optional().describe('Computed from domain; informative only.') }),
]);

/** A profile file as written. */
export type ProfileFile = z.infer<typeof profileFileSchema>;

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
