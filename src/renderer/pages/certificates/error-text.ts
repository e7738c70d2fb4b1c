import type { CertificateErrorCode } from '../../../shared/errors/certificates';
import type { AppError } from '../../../shared/result';

const TITLES: Record<CertificateErrorCode, string> = {
  'pfx.empty_file': 'The file is empty',
  'pfx.too_large': 'This is not a PFX file',
  'pfx.not_pkcs12': 'Not a PFX file',
  'pfx.base64_text': 'This is base64 text',
  'pfx.truncated': 'The file is incomplete',
  'pfx.corrupt': 'The file is damaged',
  'pfx.wrong_password': 'Wrong password',
  'pfx.password_required': 'Password needed',
  'pfx.part_not_decrypted': 'Part of the file cannot be decrypted',
  'pfx.unsupported_algorithm': 'Unsupported protection',
  'pfx.too_many_iterations': 'The file cannot be opened',
  'pfx.unsafe_mac': 'Unsafe integrity check',
  'pfx.over_budget': 'The file asks for too much work',
  'pfx.too_many_bags': 'The file holds too many items',
  'pfx.cancelled': 'Cancelled',
  'pfx.timed_out': 'Opening took too long',
  'pfx.no_certificate': 'No certificate inside',
  'pfx.invalid_certificate': 'Not a certificate',
  'pfx.invalid_base64': 'Not base64 text',
  'pfx.invalid_options': 'Check the fields',
  'pfx.export_password_required': 'Password needed',
  'pfx.export_key_mismatch': 'The key does not match',
  'pfx.session_expired': 'Open the certificate again',
  'pfx.no_private_key': 'No private key',
  'pfx.not_exported': 'Export it first',
};

/** A short title for a certificate error (the message itself comes from main and says what to do). */
export function errorTitle(error: AppError): string | undefined {
  return Object.hasOwn(TITLES, error.code) ? TITLES[error.code as CertificateErrorCode] : undefined;
}

/** True when the error means "type the password (again)": the password field keeps focus. */
export function isPasswordError(error: AppError | null): boolean {
  return error?.code === 'pfx.wrong_password' || error?.code === 'pfx.password_required';
}

/** The ref of a PFX held locked in main, from a password error. */
export function lockedRef(error: AppError): string | null {
  const ref = error.details?.ref;
  return typeof ref === 'string' ? ref : null;
}
