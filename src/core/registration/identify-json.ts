import { authKinds, PROFILE_FILE_FORMAT } from '../../shared/connections';
import type { ManifestFormat } from '../../shared/registration';
import { describeValue, isObject, type JsonObject } from './field-reader';
import { describeNonJsonText } from './sniff-text';

/** What a parsed JSON value is: one or more app registrations, or something else named in plain words. */
export type JsonIdentity =
  | {
      kind: 'apps';
      objects: Array<{ object: JsonObject; format: ManifestFormat; mixed: boolean }>;
      container: 'object' | 'value-list' | 'array';
      skipped: string[];
    }
  | { kind: 'other'; description: string; hint?: string };

// Markers from entra-facts §1.1–1.2: replyUrlsWithType means Azure AD Graph format, implicitGrantSettings/web means Graph.
const aadMarkers = [
  'replyUrlsWithType',
  'replyUrls',
  'allowPublicClient',
  'oauth2AllowImplicitFlow',
  'oauth2AllowIdTokenImplicitFlow',
  'oauth2Permissions',
  'availableToOtherTenants',
  'accessTokenAcceptedVersion',
  'oauth2AllowUrlPathMatching',
  'oauth2RequirePostResponse',
  'informationalUrls',
  'objectId',
  'odata.metadata',
  'signInUrl',
  'homepage',
  'knownClientApplications',
  'preAuthorizedApplications',
  'errorUrl',
  'logoutUrl',
  'logoUrl',
];
const graphObjectMarkers = ['web', 'spa', 'publicClient', 'api', 'info'];
const graphFieldMarkers = [
  'isFallbackPublicClient',
  'serviceManagementReference',
  'defaultRedirectUri',
  'nativeAuthenticationApisEnabled',
];
const appFields = [
  'appId',
  'requiredResourceAccess',
  'keyCredentials',
  'passwordCredentials',
  'signInAudience',
  'identifierUris',
  'appRoles',
  'optionalClaims',
  'groupMembershipClaims',
];
const servicePrincipalFields = [
  'servicePrincipalType',
  'appOwnerOrganizationId',
  'servicePrincipalNames',
  'appRoleAssignmentRequired',
  'appDisplayName',
];

/** Decide whether parsed JSON holds app registrations, and in which format; otherwise say what it is. */
export function identifyJson(value: unknown): JsonIdentity {
  const fragment = permissionFragment(value);
  if (fragment)
    return {
      kind: 'apps',
      objects: [{ object: fragment, format: 'graph', mixed: false }],
      container: 'object',
      skipped: [],
    };
  if (Array.isArray(value)) return identifyList(value, 'array');
  if (!isObject(value)) return { kind: 'other', description: describeScalar(value) };
  if (
    Array.isArray(value['value']) &&
    (Object.keys(value).length === 1 ||
      typeof value['@odata.context'] === 'string' ||
      typeof value['@odata.nextLink'] === 'string')
  ) {
    return identifyList(value['value'], 'value-list');
  }
  const app = classifyApp(value);
  if (app) return { kind: 'apps', objects: [{ object: value, ...app }], container: 'object', skipped: [] };
  return describeObject(value);
}

/**
 * A pasted permissions fragment as an app object holding only requiredResourceAccess: `{ "requiredResourceAccess":
 * [ … ] }` alone, or the list itself (`[ { "resourceAppId", "resourceAccess" }, … ]`, as the Scopes page copies it).
 */
function permissionFragment(value: unknown): JsonObject | null {
  const isEntry = (v: unknown): boolean => isObject(v) && 'resourceAppId' in v && Array.isArray(v['resourceAccess']);
  if (Array.isArray(value)) return value.length > 0 && value.every(isEntry) ? { requiredResourceAccess: value } : null;
  if (!isObject(value) || !Array.isArray(value['requiredResourceAccess'])) return null;
  const others = Object.keys(value).filter(
    (k) => k !== 'requiredResourceAccess' && !k.startsWith('$') && !k.startsWith('@') && !k.startsWith('_'),
  );
  return others.length === 0 ? { requiredResourceAccess: value['requiredResourceAccess'] } : null;
}

/** Format of an object when it is an application, else null. */
export function classifyApp(obj: JsonObject): { format: ManifestFormat; mixed: boolean } | null {
  if (isServicePrincipal(obj)) return null;
  const context = typeof obj['@odata.context'] === 'string' ? obj['@odata.context'] : '';
  const odataType = `${textOf(obj['odata.type'])} ${textOf(obj['objectType'])}`;
  let graph =
    graphObjectMarkers.filter((k) => isObject(obj[k])).length + graphFieldMarkers.filter((k) => k in obj).length;
  if (/#applications/.test(context)) graph += 2;
  let aad = aadMarkers.filter((k) => k in obj).length;
  if (/Application/.test(odataType)) aad += 2;
  if (typeof obj['name'] === 'string' && !('displayName' in obj)) aad++;
  const dates = credentialDateStyle(obj);
  if (dates === 'graph') graph++;
  if (dates === 'aad') aad++;
  const generic = appFields.filter((k) => k in obj).length;
  const isApp = (typeof obj['appId'] === 'string' && generic + graph + aad >= 2) || graph >= 2 || aad >= 2;
  if (!isApp) return null;
  return { format: aad > graph ? 'aadgraph' : 'graph', mixed: aad > 0 && graph > 0 && Math.min(aad, graph) >= 2 };
}

function credentialDateStyle(obj: JsonObject): 'graph' | 'aad' | null {
  for (const key of ['keyCredentials', 'passwordCredentials']) {
    const list = obj[key];
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      if (isObject(c) && ('endDateTime' in c || 'startDateTime' in c)) return 'graph';
      if (isObject(c) && ('endDate' in c || 'startDate' in c)) return 'aad';
    }
  }
  return null;
}

/** A type marker's text: only a string names a type. */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isServicePrincipal(obj: JsonObject): boolean {
  const context = typeof obj['@odata.context'] === 'string' ? obj['@odata.context'] : '';
  return (
    servicePrincipalFields.some((k) => k in obj) ||
    /#servicePrincipals/.test(context) ||
    /ServicePrincipal/.test(`${textOf(obj['odata.type'])}${textOf(obj['objectType'])}`)
  );
}

function identifyList(items: unknown[], container: 'value-list' | 'array'): JsonIdentity {
  const apps: Array<{ object: JsonObject; format: ManifestFormat; mixed: boolean }> = [];
  const skipped: string[] = [];
  items.forEach((item, i) => {
    const app = isObject(item) ? classifyApp(item) : null;
    if (app && isObject(item)) apps.push({ object: item, ...app });
    else skipped.push(`item ${i + 1} (${isObject(item) ? describeObject(item).description : describeScalar(item)})`);
  });
  if (apps.length > 0) return { kind: 'apps', objects: apps, container, skipped };
  if (items.length === 0) {
    return container === 'value-list'
      ? {
          kind: 'other',
          description: 'an empty list of results from Microsoft Graph (the query found no app registration)',
          hint: 'Check the client ID or the filter of the query, then save the result again.',
        }
      : { kind: 'other', description: 'an empty list' };
  }
  const objects = items.filter(isObject);
  if (objects.length === items.length && objects.every(isServicePrincipal)) {
    return {
      kind: 'other',
      description: `a list of ${items.length} service principals (Enterprise applications), not app registrations`,
      hint: servicePrincipalHint,
    };
  }
  if (objects.length === items.length) {
    const first = objects[0] ? describeObject(objects[0]).description : '';
    return {
      kind: 'other',
      description: `a list of ${items.length} objects that are not app registrations (the first is ${first})`,
    };
  }
  const kinds = new Set(items.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v)));
  if (kinds.size === 1) {
    const kind = [...kinds][0] ?? '';
    const noun =
      kind === 'string'
        ? 'string'
        : kind === 'number'
          ? 'number'
          : kind === 'boolean'
            ? 'true/false value'
            : kind === 'list'
              ? 'list'
              : kind;
    return { kind: 'other', description: `a list of ${items.length} ${noun}${items.length === 1 ? '' : 's'}` };
  }
  return { kind: 'other', description: `a list of ${items.length} mixed values` };
}

const servicePrincipalHint =
  'This is the Enterprise application, not the app registration. In the Entra admin center open App registrations › All applications › the app › Manifest › Download, or run `az ad app show --id <client ID>` (not `az ad sp show`).';

function describeScalar(value: unknown): string {
  if (typeof value === 'string') {
    const text = describeNonJsonText(value);
    return text ? `a JSON text holding ${text}` : `${describeValue(value)} on its own`;
  }
  return `${describeValue(value)} on its own`;
}

const profileHint =
  'Choose it as the profile to check against (gcw verify --profile, or the profile list on the Verify page), and give the app registration’s manifest as the file to verify.';

/** A Workbench profile file (`"format": "gcw-profile"`, or a hand-written one with an option and a client ID) or the profile store. */
function describeProfileFile(obj: JsonObject): { kind: 'other'; description: string; hint?: string } | null {
  if (obj['format'] === PROFILE_FILE_FORMAT)
    return { kind: 'other', description: 'a connection profile of this tool', hint: profileHint };
  const auth = typeof obj['auth'] === 'string' && (authKinds as readonly string[]).includes(obj['auth']);
  if (auth && ['clientId', 'tenant', 'scopes', 'environment'].some((k) => k in obj))
    return { kind: 'other', description: 'a connection profile of this tool', hint: profileHint };
  if (Array.isArray(obj['profiles']) && 'version' in obj) {
    return {
      kind: 'other',
      description: 'the profile store of this tool (profiles.json), not an app registration',
      hint: 'Pick a saved profile to check against instead, and give the app registration’s manifest as the file to verify.',
    };
  }
  return null;
}

/** Name an object that is not an application. */
function describeObject(obj: JsonObject): { kind: 'other'; description: string; hint?: string } {
  const has = (...keys: string[]): boolean => keys.every((k) => k in obj);
  const appId = typeof obj['appId'] === 'string' ? ` for client ID ${obj['appId']}` : '';
  if (isServicePrincipal(obj))
    return {
      kind: 'other',
      description: `a service principal (an Enterprise application)${appId}, not the app registration`,
      hint: servicePrincipalHint,
    };
  if (isObject(obj['error']) && typeof obj['error']['code'] === 'string') {
    return {
      kind: 'other',
      description: `an error response from Microsoft Graph (${obj['error']['code'].slice(0, 60)})`,
      hint: 'Run the request again with an account that can read app registrations (for example Application.Read.All), then save the application object.',
    };
  }
  if (
    Array.isArray(obj['keyCredentials']) &&
    !classifyApp(obj) &&
    Object.keys(obj).every((k) => k === 'keyCredentials' || k.startsWith('_') || k.startsWith('@'))
  ) {
    return {
      kind: 'other',
      description:
        'only a keyCredentials list (the part pasted into a manifest to add a certificate), not a whole manifest',
    };
  }
  if (
    (has('customKeyIdentifier') || has('keyId')) &&
    (has('type') || has('usage')) &&
    (has('key') || has('value') || has('thumbprint'))
  ) {
    return { kind: 'other', description: 'a single certificate credential (a keyCredential), not a whole manifest' };
  }
  if (has('keyId') && (has('hint') || has('secretText'))) {
    return {
      kind: 'other',
      description:
        'a single client secret credential (a passwordCredential)' +
        (has('secretText') ? ' that contains the secret itself — keep this file safe' : ''),
      hint: 'Verify the app registration instead: download its manifest.',
    };
  }
  if (has('clipboardClearSeconds') || has('allowPlainTextSecrets'))
    return { kind: 'other', description: 'a settings file of this tool' };
  const profile = describeProfileFile(obj);
  if (profile) return profile;
  if (has('access_token') || has('id_token') || has('refresh_token'))
    return {
      kind: 'other',
      description: 'a token response from the sign-in endpoint — it holds tokens; treat it as a secret',
    };
  if (has('aud', 'iss') && ['scp', 'roles', 'appid', 'azp', 'tid'].some((k) => k in obj))
    return { kind: 'other', description: 'the claims of a decoded access or ID token' };
  if (has('consentType', 'clientId', 'resourceId'))
    return { kind: 'other', description: 'a delegated permission grant (oauth2PermissionGrant)' };
  if (has('appRoleId', 'principalId', 'resourceId'))
    return { kind: 'other', description: 'an app role assignment (an application permission grant)' };
  if (has('userPrincipalName')) return { kind: 'other', description: 'a user object' };
  if (has('tenantId', 'user') || has('environmentName', 'tenantId'))
    return { kind: 'other', description: 'Azure CLI account details (az account show)' };
  if (has('name', 'version') && ['dependencies', 'devDependencies', 'scripts'].some((k) => k in obj))
    return { kind: 'other', description: 'a package.json file' };
  const keys = Object.keys(obj);
  if (keys.length === 0) return { kind: 'other', description: 'an empty object { }' };
  const shown = keys
    .slice(0, 5)
    .map((k) => `"${k.slice(0, 40)}"`)
    .join(', ');
  const lacking =
    typeof obj['appId'] === 'string'
      ? 'but too few app registration fields to check (only an appId)'
      : 'but no appId or other app registration fields';
  return {
    kind: 'other',
    description: `an object with the fields ${shown}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}, ${lacking}`,
  };
}
