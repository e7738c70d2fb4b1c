/** Error codes of the certificate feature: opening, decoding, generating and exporting PFX files. */
export const certificateErrorCodes = [
  /** The file or pasted text is empty. */
  'pfx.empty_file',
  /** Larger than the 10 MB a PFX could reasonably be. */
  'pfx.too_large',
  /** Something else (PEM, DER certificate, ZIP, text, …); details.detected names it. */
  'pfx.not_pkcs12',
  /** The base64 text of a PFX was given where the file's bytes were expected: decode it first. */
  'pfx.base64_text',
  /** The file ends early (cut off while copying or downloading). */
  'pfx.truncated',
  /** The file's structure is damaged, or its integrity check fails although the password decrypts it. */
  'pfx.corrupt',
  /** The password does not open the file; details.failedCheck says whether the MAC or the decryption failed. */
  'pfx.wrong_password',
  /** The password passed the MAC but a part does not decrypt with it (another password for that part, or a producer quirk); details name the part and its algorithm. */
  'pfx.part_not_decrypted',
  /** No password was given and the file needs one (an empty and an absent password were both tried). */
  'pfx.password_required',
  /** An algorithm this app cannot use; details.oid and details.algorithm name it. */
  'pfx.unsupported_algorithm',
  /** An iteration count so high that opening would take minutes (usually a damaged file). */
  'pfx.too_many_iterations',
  /** The file asks for more key-derivation work (iterations × parts, scrypt memory) than one open may spend; refused before any work. */
  'pfx.over_budget',
  /** More SafeBags than any real PFX holds (limit 1,000). */
  'pfx.too_many_bags',
  /** Opening was cancelled (the Cancel button, a closed window, quit). */
  'pfx.cancelled',
  /** Opening ran past its deadline (60 s) and was stopped. */
  'pfx.timed_out',
  /** The PBMAC1 integrity check states no key length or one under 20 bytes (RFC 9579): wrong passwords could pass it. */
  'pfx.unsafe_mac',
  /** The file opened but holds no certificate. */
  'pfx.no_certificate',
  /** Bytes that are not an X.509 certificate where one was expected. */
  'pfx.invalid_certificate',
  /** Pasted text that is not base64. */
  'pfx.invalid_base64',
  /** Generation or export options out of range (empty CN, validity, key type, iteration count, file name). */
  'pfx.invalid_options',
  /** Export needs a password. */
  'pfx.export_password_required',
  /** The private key given for export does not belong to the certificate. */
  'pfx.export_key_mismatch',
  /** The certificate is no longer held in memory (idle too long, discarded, or the app restarted): open it again. */
  'pfx.session_expired',
  /** The action needs a private key and this certificate has none (a .cer/.pem file). */
  'pfx.no_private_key',
  /** A new certificate has no PFX until it is exported with a password. */
  'pfx.not_exported',
] as const;

/** One certificate error code. */
export type CertificateErrorCode = (typeof certificateErrorCodes)[number];
