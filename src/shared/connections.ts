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

/** The web redirect URI the connector uses for a bring-your-own app, computed from the admin's domain. */
export function redirectUriFor(domain: string): string {
  const host = domain.trim();
  return host === '' ? '' : `https://${host}/provisioning_/callback`;
}

/** Sign-in and Graph host names for the Custom environment (https is implied). */
export const customHostsSchema = z.object({
  loginHost: z.string().max(253),
  graphHost: z.string().max(253),
});

/** What the profile keeps about its certificate: facts only, never the PFX bytes or the key. */
export const certificateRefSchema = z.object({
  thumbprintSha1: z.string().max(64),
  thumbprintSha256: z.string().max(128),
  subject: z.string().max(1024),
  notAfter: z.string().max(64),
  fileName: z.string().max(260).nullable().default(null),
});

/** The certificate facts kept with a profile. */
export type CertificateRef = z.infer<typeof certificateRefSchema>;

const scopeList = z.array(z.string().max(300)).max(300);

/** Fields every option shares that an admin edits. Format rules are checked by validation, not here, so hand-edited values can be reported field by field. */
const editableCommon = {
  name: z.string().max(200).default(''),
  notes: z.string().max(10_000).default(''),
  secretExpiresAt: z.string().max(64).nullable().default(null),
  environment: environmentIdSchema.default('office365'),
  customHosts: customHostsSchema.nullable().default(null),
  tenant: z.string().max(256).default(''),
  clientId: z.string().max(100).default(''),
  scopes: scopeList.default([]),
  appOnlyPermissions: scopeList.default([]),
};

const editableCertificate = {
  auth: z.literal('certificate'),
  ...editableCommon,
  upn: z.string().max(256).default(''),
  certificate: certificateRefSchema.nullable().default(null),
};

const editableClientCredentials = {
  auth: z.literal('client-credentials'),
  ...editableCommon,
  tenant: z.string().max(256).default('common'),
};

const editableByoApp = {
  auth: z.literal('byo-app'),
  ...editableCommon,
  audience: z.enum(appAudiences).default('single-tenant'),
  domain: z.string().max(253).default(''),
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
export const certificateSecretInputSchema = z.strictObject({ pfx: pfxValue, pfxPassword: secretValue });
/** Secret input for the client-secret options. */
export const clientSecretInputSchema = z.strictObject({ clientSecret: secretValue });

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
  format: z.literal(PROFILE_FILE_FORMAT),
  schemaVersion: z.number().int().min(1),
  exportedAt: z.iso.datetime().optional(),
  createdAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime().optional(),
  secretsNotIncluded: z.array(z.enum(secretNames)).optional(),
};

/** A profile file (export, `gcw profile new`): the profile without id or secrets, with a format marker. */
export const profileFileSchema = z.discriminatedUnion('auth', [
  z.strictObject({ ...fileMarker, ...editableCertificate }),
  z.strictObject({ ...fileMarker, ...editableClientCredentials }),
  z.strictObject({ ...fileMarker, ...editableByoApp, redirectUri: z.string().max(2048).optional() }),
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
