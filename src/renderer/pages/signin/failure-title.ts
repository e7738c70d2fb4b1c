import type { AppError } from '../../../shared/result';
import type { AadstsCategory } from '../../../shared/signin';

/** What went wrong, in words, for each sign-in error code (the code itself is shown in the details). */
const signinWords: Record<string, string> = {
  'signin.invalid_input': 'the profile is not complete enough for this test',
  'signin.tenant_required': 'the profile needs a named tenant, not common',
  'signin.timeout': 'the sign-in was not finished in time',
  'signin.cancelled': 'it was cancelled',
  'signin.browser_failed': 'the browser could not be opened',
  'signin.listener_failed': 'the Workbench could not wait for the browser’s answer',
  'signin.no_code': 'the browser came back without a sign-in code',
  'signin.network': 'the sign-in host could not be reached',
  'signin.authority_invalid': 'the sign-in address is not valid',
  'signin.invalid_grant': 'the sign-in was refused',
  'signin.interaction_required': 'a new sign-in in the browser is needed',
  'signin.consent_declined': 'consent was declined',
  'signin.server_error': 'Microsoft Entra reported an error on its side',
  'signin.no_account': 'there is no saved sign-in to use',
  'signin.not_a_jwt': 'the token cannot be read',
  'signin.graph_denied': 'Microsoft Graph denied access',
  'signin.graph_failed': 'Microsoft Graph did not answer as expected',
  'signin.busy': 'another test is still running',
  'signin.credential_missing': 'the profile has no stored secret or certificate',
  'signin.flow_not_offered': 'this profile does not offer this test',
  'signin.no_token': 'no token was received',
  'signin.extra_ca_invalid': 'the extra root certificate file cannot be read',
  'vault.decrypt_failed': 'a stored secret cannot be decrypted',
  'vault.unavailable': 'the OS keychain is not available',
};

const categoryWords: Record<AadstsCategory, string> = {
  'redirect-uri': 'the redirect URI is not registered as asked',
  consent: 'consent for the permissions is missing',
  'app-registration': 'the app registration was not found or is disabled',
  tenant: 'the tenant was not found or does not allow it',
  cloud: 'the tenant is in another Microsoft cloud',
  user: 'the account cannot sign in to this app',
  'conditional-access': 'a Conditional Access policy blocked it',
  scope: 'a requested permission is not valid',
  'client-credential': 'the client secret or certificate was refused',
  certificate: 'the certificate was refused',
  'refresh-token': 'the saved sign-in expired or was revoked',
  protocol: 'Microsoft Entra refused the request',
};

/** "App-only test failed: the sign-in host could not be reached" — words first; codes belong in the details. */
export function failureTitle(testName: string | null, error: AppError, category: AadstsCategory | null): string {
  const words = category
    ? categoryWords[category]
    : error.code.startsWith('aadsts.')
      ? 'Microsoft Entra refused the sign-in'
      : (signinWords[error.code] ?? 'see the details below');
  return `${testName ?? 'The test'} failed: ${words}`;
}
