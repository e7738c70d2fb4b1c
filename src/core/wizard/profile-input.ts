import type { Profile, ProfileInputDraft } from '../../shared/connections';

/** The form input that saves a stored profile unchanged (secret inputs empty: what is stored is kept). */
export function inputFromProfile(profile: Profile): ProfileInputDraft {
  const { id: _id, schemaVersion: _version, createdAt: _created, updatedAt: _updated, ...fields } = profile;
  if (fields.auth === 'byo-app') {
    const { redirectUri: _computed, ...rest } = fields;
    return { ...rest, secrets: {} };
  }
  return { ...fields, secrets: {} };
}
