// The zod schemas of connection profiles (stored profiles, the profile form's input, profile files) and the types
// inferred from them. Main, core and the CLI parse with these; the renderer and preload import only connections.ts.
import { z } from 'zod';
import { appAudiences, authKinds, PROFILE_FILE_FORMAT, secretNames } from './connections';
import { environmentIdSchema } from './environments-schema';

/** Zod schema for an authentication option. */
export const authKindSchema = z.enum(authKinds);

/** Sign-in and Graph host names for the Custom environment (https is implied). */
export const customHostsSchema = z.object({
  loginHost: z.string().max(253),
  graphHost: z.string().max(253),
});

/** What the profile keeps about its certificate: facts only, never the PFX bytes or the key. */
export const certificateRefSchema = z.object({
  thumbprintSha1: z
    .string()
    .max(64)
    .describe(
      'SHA-1 thumbprint, uppercase hex: what the Entra admin center shows under Certificates and what verify compares.',
    ),
  thumbprintSha256: z.string().max(128).describe('SHA-256 thumbprint, uppercase hex.'),
  subject: z.string().max(1024).describe('Subject of the certificate, e.g. CN=contoso-sync.'),
  notAfter: z.string().max(64).describe('End of validity, ISO date-time (expiry warnings).'),
  fileName: z
    .string()
    .max(260)
    .nullable()
    .default(null)
    .describe('Name of the PFX file the facts were read from (gcw profile new --pfx, or the file chosen in the app).'),
});

/** The certificate facts kept with a profile. */
export type CertificateRef = z.infer<typeof certificateRefSchema>;

const scopeList = z.array(z.string().max(300)).max(300);

/** Fields every option shares that an admin edits. Format rules are checked by validation, not here, so hand-edited values can be reported field by field. */
const editableCommon = {
  name: z.string().max(200).default(''),
  notes: z.string().max(10_000).default(''),
  secretExpiresAt: z
    .string()
    .max(64)
    .nullable()
    .default(null)
    .describe('When the secret expires, YYYY-MM-DD or an ISO date-time (for reminders).'),
  environment: environmentIdSchema
    .default('office365')
    .describe('The Microsoft cloud: office365, usgov-l4 (GCC High), usgov-l5 (DoD), china, or custom.'),
  customHosts: customHostsSchema
    .nullable()
    .default(null)
    .describe('Sign-in and Graph host names (https implied) when the environment is custom.'),
  tenant: z
    .string()
    .max(256)
    .default('')
    .describe('Directory (tenant) ID GUID, a verified domain, common or organizations.'),
  clientId: z.string().max(100).default('').describe('Application (client) ID of the app registration (a GUID).'),
  scopes: scopeList.default([]).describe('Delegated Microsoft Graph permissions for the connection.'),
  appOnlyPermissions: scopeList
    .default([])
    .describe('Application permissions wanted for an app-only (client credentials) test.'),
};

const editableCertificate = {
  auth: z.literal('certificate'),
  ...editableCommon,
  upn: z.string().max(256).default('').describe('User principal name of the account the connection signs in as.'),
  certificate: certificateRefSchema
    .nullable()
    .default(null)
    .describe('Facts about the certificate; the PFX and its password stay in the vault.'),
};

const editableClientCredentials = {
  auth: z.literal('client-credentials'),
  ...editableCommon,
  tenant: z
    .string()
    .max(256)
    .default('common')
    .describe('Directory (tenant) ID GUID or a verified domain; common by default.'),
};

const editableByoApp = {
  auth: z.literal('byo-app'),
  ...editableCommon,
  audience: z.enum(appAudiences).default('single-tenant'),
  domain: z
    .string()
    .max(253)
    .default('')
    .describe('Host name the redirect URI https://{domain}/provisioning_/callback is built from.'),
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
export const byoAppProfileSchema = z.object({
  ...stored,
  ...editableByoApp,
  redirectUri: z.string().max(2048).default(''),
});

/** A stored connection profile: what profiles.json holds. Never a secret. */
export const profileSchema = z.discriminatedUnion('auth', [
  certificateProfileSchema,
  clientCredentialsProfileSchema,
  byoAppProfileSchema,
]);

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
  certificateRef: z
    .string()
    .min(16)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
});
/** Secret input for the client-secret options. */
export const clientSecretInputSchema = z.strictObject({
  clientSecret: secretValue,
  /** Take the client secret the New connection wizard holds in main's memory (wizard.holdSecret) when `clientSecret` is empty. */
  heldSecretRef: z
    .string()
    .min(16)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
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
  secretsNotIncluded: z
    .array(z.enum(secretNames))
    .optional()
    .describe('Secrets the profile uses that the file deliberately leaves out.'),
};

/** A profile file (export, `gcw profile new`): the profile without id or secrets, with a format marker. */
export const profileFileSchema = z.discriminatedUnion('auth', [
  z.strictObject({ ...fileMarker, ...editableCertificate }),
  z.strictObject({ ...fileMarker, ...editableClientCredentials }),
  z.strictObject({
    ...fileMarker,
    ...editableByoApp,
    redirectUri: z.string().max(2048).optional().describe('Computed from domain; informative only.'),
  }),
]);

/** A profile file as written. */
export type ProfileFile = z.infer<typeof profileFileSchema>;
