import type { RedirectPlatform, RegisteredRedirectUri } from '../../shared/registration';
import { FieldReader, isObject, type JsonObject } from './field-reader';
import type { FindingDraft } from './findings';
import type { ParsedApp } from './manifest-model';
import { parsedApp, readCommonFields, sectionsNotInFile } from './normalize-common';

// replyUrlsWithType.type values (entra-docs reference-app-manifest.md): InstalledClient = Mobile and desktop.
const platformOfType: Record<string, RedirectPlatform> = { web: 'web', installedclient: 'publicClient', spa: 'spa' };

/** Read an Azure AD Graph-format manifest (legacy portal download, AAD Graph API 1.6, `az ad app show` before 2.37). */
export function normalizeAadGraphApp(obj: JsonObject, index: number): ParsedApp {
  const reader = new FieldReader();
  const notes: FindingDraft[] = [];

  // AAD Graph API 1.6 calls it publicClient (true/false/null); the legacy portal manifest calls it allowPublicClient.
  const allowPublicClient =
    reader.bool(obj, 'allowPublicClient', 'allowPublicClient') ??
    (typeof obj['publicClient'] === 'boolean' ? obj['publicClient'] : null);
  const redirectUris: RegisteredRedirectUri[] = [];
  if (obj['replyUrlsWithType'] !== undefined) {
    reader.array(obj, 'replyUrlsWithType', 'replyUrlsWithType').forEach((item, i) => {
      const path = `replyUrlsWithType[${i}]`;
      if (!isObject(item)) return reader.odd(path, item, 'an object { url, type }');
      const url = reader.string(item, 'url', `${path}.url`);
      const type = reader.string(item, 'type', `${path}.type`);
      if (!url) return;
      const platform = platformOfType[(type ?? 'Web').toLowerCase()];
      if (!platform) reader.odd(`${path}.type`, type, 'Web, InstalledClient or Spa');
      redirectUris.push({ uri: url, platform: platform ?? 'web' });
    });
  } else {
    const platform: RedirectPlatform = allowPublicClient === true ? 'publicClient' : 'web';
    for (const uri of reader.strings(obj, 'replyUrls', 'replyUrls')) redirectUris.push({ uri, platform });
  }

  const summary = {
    index,
    objectId: reader.string(obj, 'objectId', 'objectId') ?? reader.string(obj, 'id', 'id'),
    appId: reader.string(obj, 'appId', 'appId'),
    displayName: reader.string(obj, 'displayName', 'displayName') ?? reader.string(obj, 'name', 'name'),
    signInAudience:
      reader.string(obj, 'signInAudience', 'signInAudience') ??
      audienceOf(reader.bool(obj, 'availableToOtherTenants', 'availableToOtherTenants')),
    isFallbackPublicClient: allowPublicClient,
    requestedAccessTokenVersion: reader.number(obj, 'accessTokenAcceptedVersion', 'accessTokenAcceptedVersion'),
    implicitAccessTokens: reader.bool(obj, 'oauth2AllowImplicitFlow', 'oauth2AllowImplicitFlow'),
    implicitIdTokens: reader.bool(obj, 'oauth2AllowIdTokenImplicitFlow', 'oauth2AllowIdTokenImplicitFlow'),
    redirectUris,
    ...readCommonFields(obj, reader, notes),
    notInFile: sectionsNotInFile(obj, {
      audience: ['signInAudience', 'availableToOtherTenants'],
      redirects: ['replyUrlsWithType', 'replyUrls'],
    }),
  };
  return parsedApp(summary, reader, notes, [
    obj['homepage'],
    obj['signInUrl'],
    obj['logoutUrl'],
    obj['odata.metadata'],
  ]);
}

function audienceOf(availableToOtherTenants: boolean | null): string | null {
  if (availableToOtherTenants === null) return null;
  return availableToOtherTenants ? 'AzureADMultipleOrgs' : 'AzureADMyOrg';
}
