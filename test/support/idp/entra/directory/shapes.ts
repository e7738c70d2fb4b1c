// Run-time checks of request bodies against Microsoft Graph v1.0's published shapes. Each schema is tied at compile
// time to @microsoft/microsoft-graph-types (the `Shape` assertions below fail to compile if a field's type drifts),
// and at run time it refuses unknown properties the way Graph does ("Property 'x' does not exist on type …").
import type {
  Application,
  AppRoleAssignment,
  KeyCredential,
  OAuth2PermissionGrant,
  PasswordCredential,
  RequiredResourceAccess,
  ServicePrincipal,
} from '@microsoft/microsoft-graph-types';
import { z } from 'zod';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const dateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 date-time');
const uriList = z.array(z.string().max(256)).max(256);

const keyCredential = z.strictObject({
  customKeyIdentifier: z.string().nullable().optional(),
  displayName: z.string().nullable().optional(),
  endDateTime: dateTime.nullable().optional(),
  key: z.string().nullable().optional(),
  keyId: guid.nullable().optional(),
  startDateTime: dateTime.nullable().optional(),
  type: z.enum(['AsymmetricX509Cert', 'X509CertAndPassword', 'Symmetric']).nullable().optional(),
  usage: z.enum(['Verify', 'Sign', 'Encrypt']).nullable().optional(),
});

const resourceAccess = z.strictObject({ id: guid, type: z.enum(['Scope', 'Role']) });
const requiredResourceAccess = z.strictObject({
  resourceAppId: z.string().min(1),
  resourceAccess: z.array(resourceAccess),
});
const redirects = z.strictObject({ redirectUris: uriList.optional() });
const web = z.strictObject({
  redirectUris: uriList.optional(),
  homePageUrl: z.string().nullable().optional(),
  logoutUrl: z.string().nullable().optional(),
  implicitGrantSettings: z
    .strictObject({
      enableAccessTokenIssuance: z.boolean().nullable().optional(),
      enableIdTokenIssuance: z.boolean().nullable().optional(),
    })
    .nullable()
    .optional(),
});

/** POST /applications and PATCH /applications/{id}: the properties the Workbench may send. passwordCredentials are refused (addPassword only). */
export const applicationBody = z.strictObject({
  displayName: z.string().min(1).max(256).optional(),
  signInAudience: z
    .enum(['AzureADMyOrg', 'AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount', 'PersonalMicrosoftAccount'])
    .optional(),
  web: web.optional(),
  spa: redirects.optional(),
  publicClient: redirects.optional(),
  isFallbackPublicClient: z.boolean().nullable().optional(),
  requiredResourceAccess: z.array(requiredResourceAccess).max(50).optional(),
  keyCredentials: z.array(keyCredential).optional(),
  identifierUris: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
});

/** POST /applications/{id}/addPassword */
export const addPasswordBody = z.strictObject({
  passwordCredential: z.strictObject({
    displayName: z.string().nullable().optional(),
    endDateTime: dateTime.nullable().optional(),
    startDateTime: dateTime.nullable().optional(),
  }),
});

/** POST /applications/{id}/removePassword */
export const removePasswordBody = z.strictObject({ keyId: guid });

/** POST /servicePrincipals */
export const servicePrincipalBody = z.strictObject({
  appId: guid,
  accountEnabled: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
});

/** POST /oauth2PermissionGrants */
export const permissionGrantBody = z.strictObject({
  clientId: guid,
  consentType: z.enum(['AllPrincipals', 'Principal']),
  principalId: guid.nullable().optional(),
  resourceId: guid,
  scope: z.string().min(1),
});

/** POST /servicePrincipals/{id}/appRoleAssignedTo */
export const appRoleAssignmentBody = z.strictObject({ principalId: guid, resourceId: guid, appRoleId: guid });

// Compile-time ties to the published types: each parsed body must be assignable to Microsoft's type.
type Shape<Parsed, Published> = Parsed extends Published ? true : never;
const tied: [
  Shape<z.infer<typeof applicationBody>, Application>,
  Shape<z.infer<typeof keyCredential>, KeyCredential>,
  Shape<z.infer<typeof requiredResourceAccess>, RequiredResourceAccess>,
  Shape<z.infer<typeof addPasswordBody>['passwordCredential'], PasswordCredential>,
  Shape<z.infer<typeof servicePrincipalBody>, ServicePrincipal>,
  Shape<z.infer<typeof permissionGrantBody>, OAuth2PermissionGrant>,
  Shape<z.infer<typeof appRoleAssignmentBody>, AppRoleAssignment>,
] = [true, true, true, true, true, true, true];
void tied;

/** Check a body; the error text follows Graph's for unknown properties and bad values. */
export function checkBody<T>(
  schema: z.ZodType<T>,
  body: unknown,
  type: string,
): { ok: true; value: T } | { ok: false; message: string } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue?.code === 'unrecognized_keys')
    return {
      ok: false,
      message: `Property '${issue.keys[0] ?? ''}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type.`,
    };
  const path = issue?.path.join('.') ?? '';
  return {
    ok: false,
    message: `Invalid value for property '${path}' of type 'microsoft.graph.${type}': ${issue?.message ?? 'not valid'}.`,
  };
}
