import type { RegisteredRedirectUri } from '../../shared/registration';
import { FieldReader, type JsonObject } from './field-reader';
import type { FindingDraft } from './findings';
import type { ParsedApp } from './manifest-model';
import { parsedApp, readCommonFields, sectionsNotInFile } from './normalize-common';

/** Read a Microsoft Graph-format application object (portal Manifest, `az ad app show`, Graph GET /applications/{id}). */
export function normalizeGraphApp(obj: JsonObject, index: number): ParsedApp {
  const reader = new FieldReader();
  const notes: FindingDraft[] = [];
  const web = reader.object(obj, 'web', 'web');
  const spa = reader.object(obj, 'spa', 'spa');
  const publicClient = reader.object(obj, 'publicClient', 'publicClient');
  const api = reader.object(obj, 'api', 'api');
  const implicit = web ? reader.object(web, 'implicitGrantSettings', 'web.implicitGrantSettings') : null;

  const redirectUris: RegisteredRedirectUri[] = [
    ...(web ? reader.strings(web, 'redirectUris', 'web.redirectUris') : []).map((uri) => ({
      uri,
      platform: 'web' as const,
    })),
    ...(spa ? reader.strings(spa, 'redirectUris', 'spa.redirectUris') : []).map((uri) => ({
      uri,
      platform: 'spa' as const,
    })),
    ...(publicClient ? reader.strings(publicClient, 'redirectUris', 'publicClient.redirectUris') : []).map((uri) => ({
      uri,
      platform: 'publicClient' as const,
    })),
  ];
  const summary = {
    index,
    objectId: reader.string(obj, 'id', 'id'),
    appId: reader.string(obj, 'appId', 'appId'),
    displayName: reader.string(obj, 'displayName', 'displayName'),
    signInAudience: reader.string(obj, 'signInAudience', 'signInAudience'),
    isFallbackPublicClient: reader.bool(obj, 'isFallbackPublicClient', 'isFallbackPublicClient'),
    requestedAccessTokenVersion: api
      ? reader.number(api, 'requestedAccessTokenVersion', 'api.requestedAccessTokenVersion')
      : null,
    implicitAccessTokens: implicit
      ? reader.bool(implicit, 'enableAccessTokenIssuance', 'web.implicitGrantSettings.enableAccessTokenIssuance')
      : null,
    implicitIdTokens: implicit
      ? reader.bool(implicit, 'enableIdTokenIssuance', 'web.implicitGrantSettings.enableIdTokenIssuance')
      : null,
    redirectUris,
    ...readCommonFields(obj, reader, notes),
    notInFile: sectionsNotInFile(obj, { audience: ['signInAudience'], redirects: ['web', 'spa', 'publicClient'] }),
  };
  return parsedApp(summary, reader, notes, [web?.['homePageUrl'], web?.['logoutUrl'], obj['@odata.context']]);
}
