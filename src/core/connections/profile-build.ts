import {
  normalizeDomain,
  PROFILE_SCHEMA_VERSION,
  redirectUriFor,
  type Profile,
  type ProfileInput,
} from '../../shared/connections';
import { profileSchema } from '../../shared/connections-schema';
import { normalizeHost } from './formats';

/** Tidy what the form sent: trimmed ids, host names without https://, scopes without blanks or repeats. */
export function normalizeInput<T extends ProfileInput>(input: T): T {
  // Entra treats scope names case-insensitively, so "files.read" repeats "Files.Read".
  const list = (values: string[]) => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const value of values.map((v) => v.trim())) {
      if (value === '' || seen.has(value.toLowerCase())) continue;
      seen.add(value.toLowerCase());
      out.push(value);
    }
    return out;
  };
  const out = {
    ...input,
    name: input.name.trim(),
    tenant: input.tenant.trim(),
    clientId: input.clientId.trim(),
    secretExpiresAt: input.secretExpiresAt?.trim() || null,
    customHosts: input.customHosts
      ? { loginHost: normalizeHost(input.customHosts.loginHost), graphHost: normalizeHost(input.customHosts.graphHost) }
      : null,
    scopes: list(input.scopes),
    appOnlyPermissions: list(input.appOnlyPermissions),
  };
  if (out.auth === 'certificate') return { ...out, upn: out.upn.trim() };
  if (out.auth === 'byo-app') return { ...out, domain: normalizeDomain(out.domain) };
  return out;
}

/** A stored profile from the form's fields (secrets left out) and the store's own fields. */
export function buildProfile(input: ProfileInput, meta: { id: string; createdAt: string; updatedAt: string }): Profile {
  const { secrets: _secrets, ...fields } = input;
  return profileSchema.parse({
    ...fields,
    ...(fields.auth === 'byo-app' ? { redirectUri: redirectUriFor(fields.domain) } : {}),
    ...meta,
    schemaVersion: PROFILE_SCHEMA_VERSION,
  });
}
