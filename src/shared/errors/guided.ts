/** Error codes of the New connection wizard and the connection record. */
export const guidedErrorCodes = ['wizard.secret_lost', 'record.pdf_unavailable', 'record.pdf_failed'] as const;
