/** Error codes of the app-registration verifier: files that cannot be read as a manifest, and reports that are gone. */
export const registrationErrorCodes = [
  'manifest.too_large',
  'manifest.empty',
  'manifest.invalid_json',
  'manifest.not_a_manifest',
  'manifest.no_files',
  'verify.report_not_found',
] as const;
