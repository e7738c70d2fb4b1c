/** Error codes of the New connection wizard and the connection record. */
export const guidedErrorCodes = [
  'wizard.secret_lost',
  'wizard.no_profile',
  'record.pdf_unavailable',
  'record.pdf_failed',
] as const;
