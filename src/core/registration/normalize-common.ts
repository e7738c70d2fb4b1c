import type {
  AppRegistrationSummary,
  ManifestSection,
  ManifestTemplate,
  RegisteredKeyCredential,
  RegisteredPasswordCredential,
  RegisteredPermission,
} from '../../shared/registration';
import { isObject, type FieldReader, type JsonObject } from './field-reader';
import type { FindingDraft } from './findings';
import type { ParsedApp } from './manifest-model';
import { secretTextNote } from './secret-text-note';
import {
  apiIdByName,
  kindOfType,
  MICROSOFT_GRAPH_APP_ID,
  permissionById,
  permissionByValue,
} from './permission-lookup';
import { placeholdersIn } from './placeholders';
import { decodeKeyIdentifier, keyThumbprints } from './thumbprint-encoding';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A GUID with a typo is still an id (reported as unknown), not a permission name.
const idLike = /^[0-9a-f]{4,}(-[0-9a-f]+)+$/i;

// Both formats name credential dates and the key differently (Graph: startDateTime/endDateTime/key, Azure AD Graph:
// startDate/endDate/value); entra-docs' own AAD-format page even shows the Graph names, so both are accepted anywhere.
const startKeys = ['startDateTime', 'startDate'] as const;
const endKeys = ['endDateTime', 'endDate'] as const;

/** The fields both formats name alike. */
export type CommonFields = Pick<
  AppRegistrationSummary,
  | 'publisherDomain'
  | 'identifierUris'
  | 'keyCredentials'
  | 'passwordCredentials'
  | 'requiredResourceAccess'
  | 'template'
>;

/** Read the fields both formats share: identifier URIs, publisher domain, credentials and permissions. */
export function readCommonFields(obj: JsonObject, reader: FieldReader, notes: FindingDraft[]): CommonFields {
  const passwords = readPasswordCredentials(obj, reader, notes);
  if (passwords.hasSecretText) notes.push(secretTextNote());
  return {
    publisherDomain: reader.string(obj, 'publisherDomain', 'publisherDomain'),
    identifierUris: reader.strings(obj, 'identifierUris', 'identifierUris'),
    keyCredentials: readKeyCredentials(obj, reader, notes),
    passwordCredentials: passwords.credentials,
    requiredResourceAccess: readRequiredResourceAccess(obj, reader),
    template: templateOf(obj),
  };
}

/** The sections a file leaves out entirely, given the keys that hold the audience and the redirect URIs in its format. */
export function sectionsNotInFile(
  obj: JsonObject,
  keys: { audience: string[]; redirects: string[] },
): ManifestSection[] {
  const has = (k: string): boolean => obj[k] !== undefined && obj[k] !== null;
  const out: ManifestSection[] = [];
  if (!keys.audience.some(has)) out.push('signInAudience');
  if (!keys.redirects.some(has)) out.push('redirectUris');
  for (const k of ['keyCredentials', 'passwordCredentials', 'requiredResourceAccess'] as const)
    if (!has(k)) out.push(k);
  return out;
}

/** A Teams Toolkit template: `${{NAME}}` placeholders, or APIs and permissions given by name. */
function templateOf(obj: JsonObject): ManifestTemplate | null {
  const placeholders = placeholdersIn(obj);
  const resources = Array.isArray(obj['requiredResourceAccess']) ? obj['requiredResourceAccess'] : [];
  const namedPermissions = resources.some(
    (r) =>
      isObject(r) &&
      ((typeof r['resourceAppId'] === 'string' &&
        apiIdByName(r['resourceAppId']) !== null &&
        !guid.test(r['resourceAppId'])) ||
        (Array.isArray(r['resourceAccess']) &&
          r['resourceAccess'].some(
            (a) => isObject(a) && typeof a['id'] === 'string' && a['id'] !== '' && !idLike.test(a['id']),
          ))),
  );
  return placeholders.length > 0 || namedPermissions ? { placeholders, namedPermissions } : null;
}

/** Finish an app: reading notes first, and the URLs and domains it names as clues to its cloud. */
export function parsedApp(
  summary: AppRegistrationSummary,
  reader: FieldReader,
  notes: FindingDraft[],
  otherUrls: unknown[],
): ParsedApp {
  const cloudClues = [
    ...summary.identifierUris,
    ...summary.redirectUris.map((r) => r.uri),
    summary.publisherDomain,
    ...otherUrls,
  ].filter((v): v is string => typeof v === 'string' && v !== '');
  return { summary, notes: [...reader.allNotes(), ...notes], cloudClues };
}

/** Certificate credentials as thumbprints, with notes for missing dates and unreadable identifiers. */
export function readKeyCredentials(
  obj: JsonObject,
  reader: FieldReader,
  notes: FindingDraft[],
): RegisteredKeyCredential[] {
  const out: RegisteredKeyCredential[] = [];
  reader.array(obj, 'keyCredentials', 'keyCredentials').forEach((item, i) => {
    const path = `keyCredentials[${i}]`;
    if (!isObject(item)) {
      reader.odd(path, item, 'a credential object { … }');
      return;
    }
    const customKeyIdentifier = reader.string(item, 'customKeyIdentifier', `${path}.customKeyIdentifier`);
    const decoded = decodeKeyIdentifier(customKeyIdentifier);
    const keyText = reader.string(item, 'key', `${path}.key`) ?? reader.string(item, 'value', `${path}.value`);
    const key = keyText ? keyThumbprints(keyText) : null;
    if (keyText && !key) reader.odd(`${path}.key`, keyText, 'the base64 text of a certificate (DER)');
    const credential: RegisteredKeyCredential = {
      keyId: reader.string(item, 'keyId', `${path}.keyId`),
      displayName: reader.string(item, 'displayName', `${path}.displayName`),
      type: reader.string(item, 'type', `${path}.type`),
      usage: reader.string(item, 'usage', `${path}.usage`),
      startDateTime: reader.date(item, startKeys, path),
      endDateTime: reader.date(item, endKeys, path),
      customKeyIdentifier,
      identifierEncoding: decoded.encoding,
      identifierThumbprintSha1: decoded.sha1,
      identifierThumbprintSha256: decoded.sha256,
      keyThumbprintSha1: key?.sha1 ?? null,
      keyThumbprintSha256: key?.sha256 ?? null,
    };
    const name = credentialName(credential.displayName, credential.keyId, i);
    if (!credential.startDateTime || !credential.endDateTime) {
      notes.push({
        code: 'key_credential.no_dates',
        message: `The certificate credential ${name} has no ${!credential.endDateTime ? 'end' : 'start'} date in this file, so its validity cannot be checked.`,
        fix: 'Under Certificates, compare the Start date and Expires columns; if the manifest was edited by hand, download it again from Manifest.',
        blade: 'Credentials',
      });
    }
    if ((decoded.encoding === 'text' || decoded.encoding === 'unreadable') && !key) {
      const what =
        decoded.encoding === 'text'
          ? `the name "${(decoded.text ?? '').slice(0, 40)}" (base64)`
          : 'a value that is neither a hex nor a base64 thumbprint';
      notes.push({
        code: 'key_credential.identifier_unreadable',
        message: `The customKeyIdentifier of the certificate credential ${name} holds ${what}, and the manifest does not include the certificate itself, so it can only be compared with a certificate by its dates.`,
        fix: 'Under Certificates, the Thumbprint column shows this identifier as hex. To compare certificates exactly, delete this credential and upload the .cer again (Upload certificate); Entra then stores the real thumbprint.',
        blade: 'Credentials',
      });
    }
    out.push(credential);
  });
  return out;
}

/** Client secrets as hints and dates; the secret text itself is never kept. */
export function readPasswordCredentials(
  obj: JsonObject,
  reader: FieldReader,
  notes: FindingDraft[],
): { credentials: RegisteredPasswordCredential[]; hasSecretText: boolean } {
  const credentials: RegisteredPasswordCredential[] = [];
  let hasSecretText = false;
  reader.array(obj, 'passwordCredentials', 'passwordCredentials').forEach((item, i) => {
    const path = `passwordCredentials[${i}]`;
    if (!isObject(item)) {
      reader.odd(path, item, 'a credential object { … }');
      return;
    }
    if (typeof item['secretText'] === 'string' && item['secretText'] !== '') hasSecretText = true;
    if (typeof item['value'] === 'string' && item['value'] !== '') hasSecretText = true;
    const credential: RegisteredPasswordCredential = {
      keyId: reader.string(item, 'keyId', `${path}.keyId`),
      displayName: reader.string(item, 'displayName', `${path}.displayName`),
      hint: reader.string(item, 'hint', `${path}.hint`),
      startDateTime: reader.date(item, startKeys, path),
      endDateTime: reader.date(item, endKeys, path),
    };
    if (!credential.endDateTime) {
      notes.push({
        code: 'password_credential.no_dates',
        message: `The client secret ${credentialName(credential.displayName, credential.keyId, i)} has no end date in this file, so its expiry cannot be checked.`,
        fix: 'Under Client secrets, read the Expires column; if the manifest was edited by hand, download it again from Manifest.',
        blade: 'Credentials',
      });
    }
    credentials.push(credential);
  });
  return { credentials, hasSecretText };
}

/**
 * requiredResourceAccess flattened, with Microsoft Graph permission names where the catalog knows the id. Teams
 * Toolkit templates name the API and the permission instead (`"resourceAppId": "Microsoft Graph"`, `"id":
 * "User.Read"`); those names are resolved the way the toolkit resolves them, through the permission catalog.
 */
export function readRequiredResourceAccess(obj: JsonObject, reader: FieldReader): RegisteredPermission[] {
  const out: RegisteredPermission[] = [];
  reader.array(obj, 'requiredResourceAccess', 'requiredResourceAccess').forEach((resource, r) => {
    const path = `requiredResourceAccess[${r}]`;
    if (!isObject(resource)) {
      reader.odd(path, resource, 'an object { resourceAppId, resourceAccess }');
      return;
    }
    const written = (reader.string(resource, 'resourceAppId', `${path}.resourceAppId`) ?? '').trim();
    const resourceAppId = guid.test(written) ? written.toLowerCase() : (apiIdByName(written) ?? written);
    reader.array(resource, 'resourceAccess', `${path}.resourceAccess`).forEach((access, a) => {
      const accessPath = `${path}.resourceAccess[${a}]`;
      if (!isObject(access)) {
        reader.odd(accessPath, access, 'an object { id, type }');
        return;
      }
      const rawId = (reader.string(access, 'id', `${accessPath}.id`) ?? '').trim();
      const type = reader.string(access, 'type', `${accessPath}.type`) ?? '';
      if (!rawId) return;
      const kind = kindOfType(type);
      const isGraph = resourceAppId === MICROSOFT_GRAPH_APP_ID;
      if (idLike.test(rawId) || !isGraph) {
        const id = idLike.test(rawId) ? rawId.toLowerCase() : rawId;
        const value = isGraph && kind ? (permissionById(id, kind)?.value ?? null) : null;
        out.push({ resourceAppId, id, type, value, ...(idLike.test(rawId) ? {} : { writtenAs: rawId }) });
        return;
      }
      const named = kind ? permissionByValue(rawId, kind) : undefined;
      out.push({ resourceAppId, id: named?.id ?? rawId, type, value: named?.value ?? null, writtenAs: rawId });
    });
  });
  return out;
}

/** A name for a credential in messages: its display name, else its key ID, else its position. */
export function credentialName(displayName: string | null, keyId: string | null, index: number): string {
  if (displayName) return `“${displayName}”`;
  if (keyId) return `key ID ${keyId}`;
  return `#${index + 1}`;
}
