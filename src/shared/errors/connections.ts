/** Error codes of connection profiles, their files and the Graph permission catalog. */
export const connectionErrorCodes = [
  'profile.not_found',
  'profile.invalid',
  'profile.not_a_profile',
  'profile.newer_version',
  'profile.not_editable',
  'profile.not_deleted',
  /** A stored secret was saved for other sign-in or Graph hosts than the test would send it to (profiles.json changed outside the app). */
  'profile.secret_host_changed',
  'permissions.unknown',
] as const;
