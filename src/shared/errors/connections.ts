/** Error codes of connection profiles, their files and the Graph permission catalog. */
export const connectionErrorCodes = [
  'profile.not_found',
  'profile.invalid',
  'profile.not_a_profile',
  'profile.newer_version',
  'profile.not_editable',
  'profile.not_deleted',
  'permissions.unknown',
] as const;
