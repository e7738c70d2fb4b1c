import type { AadstsCategory, AadstsEntry } from '../../shared/signin';

type Row = [code: number, name: string, category: AadstsCategory, signInAgain: boolean, meaning: string, fix: string];

// Sources: entra-docs reference-error-codes.md (§7 of the project's Entra facts), refresh-tokens.md (§6),
// authentication-national-cloud.md (§3); a few texts come from public issues, as noted in those facts.
const rows: Row[] = [
  // Redirect URIs
  [50011, 'InvalidReplyTo', 'redirect-uri', false, 'The redirect URI in the request is not registered on the app, or differs in case, path or trailing slash.', 'In the app registration, open Authentication and add the exact redirect URI the Workbench shows (for example http://localhost) under the platform it names: "Mobile and desktop applications" for a public client, "Web" when the test uses the client secret or certificate. The port of a localhost address is ignored, the path is not.'],
  [500113, 'NoReplyAddress', 'redirect-uri', false, 'The app registration has no redirect URI at all.', 'In the app registration, open Authentication, add a platform and register http://localhost (Web for a secret or certificate, "Mobile and desktop applications" for a public client).'],
  [900971, 'NoReplyAddressProvided', 'redirect-uri', false, 'The request carried no redirect URI.', 'Start the test again from the Workbench; it always sends http://localhost. If you built the address by hand, add redirect_uri.'],
  [70004, 'InvalidRedirectUri', 'redirect-uri', false, 'The redirect URI does not match any address registered for the app.', 'Register the redirect URI the Workbench shows, on the platform it names (see AADSTS50011).'],
  // Consent
  [65001, 'DelegationDoesNotExist', 'consent', true, 'Neither the user nor an administrator has consented to the permissions the app asks for.', 'Sign in again and accept the consent prompt, or have an administrator grant admin consent (use "Admin consent" in the Workbench or "Grant admin consent" under API permissions).'],
  [65004, 'UserDeclinedConsent', 'consent', true, 'The user (or the admin) declined the consent prompt.', 'Run the test again and choose Accept on the permissions page; if an admin must approve, use "Admin consent" in the Workbench.'],
  [90094, 'AdminConsentRequired', 'consent', false, 'Only an administrator can grant the permissions the app asks for.', 'Ask a Global Administrator or Privileged Role Administrator to grant admin consent: copy the admin consent link from the Workbench and send it to them.'],
  [90095, 'AdminConsentRequiredRequestAccess', 'consent', false, 'Admin approval is needed; the tenant uses the admin consent workflow, so a request can be sent.', 'Submit the request in the browser, or ask an administrator to approve it under Enterprise applications > Admin consent requests.'],
  [650056, 'MisconfiguredApplication', 'consent', false, 'The app asked for a permission that is not listed in its registration, or no administrator has consented, or the client ID or certificate is wrong.', 'Add the permissions the profile needs under API permissions in the app registration, then grant admin consent. Check the client ID too.'],
  [650057, 'InvalidResource', 'consent', false, "The requested API is not in the app's list of required permissions.", 'Under API permissions, add Microsoft Graph with the permissions the profile needs, then grant admin consent.'],
  [650052, 'ServiceNotEnabled', 'consent', false, "The organization has not subscribed to or enabled the service the app needs.", 'Check that SharePoint Online / OneDrive is licensed and enabled in the tenant.'],
  // App registration
  [700016, 'UnauthorizedClient_DoesNotMatchRequest', 'app-registration', false, 'No app with this client ID exists in the tenant (or it was never consented there).', 'Check the client ID and the tenant ID in the profile, and that the cloud matches where the app is registered. For an app registered in another tenant, an administrator of this tenant must consent first.'],
  [700011, 'UnauthorizedClientAppNotFoundInOrgIdTenant', 'app-registration', false, 'The app was not found in the directory.', 'Check the client ID, the tenant ID and the cloud (see AADSTS700016).'],
  [50105, 'EntitlementGrantsNotFound', 'user', false, 'The user is not assigned to the app, and the app requires assignment.', 'In Enterprise applications > the app > Users and groups, assign this user or one of their groups, or turn off "Assignment required".'],
  [70001, 'UnauthorizedClient', 'app-registration', false, 'The application is disabled.', 'In Enterprise applications > the app > Properties, set "Enabled for users to sign in" to Yes.'],
  [7000112, 'UnauthorizedClientApplicationDisabled', 'app-registration', false, 'The application is disabled.', 'Enable the app (Enterprise applications > Properties), or ask the administrator who disabled it.'],
  [90009, 'TokenForItselfMissingIdenticalAppIdentifier', 'app-registration', false, 'The app asked for a token for itself with a non-GUID identifier.', 'Use the app ID GUID as the resource.'],
  [700054, 'InvalidResponseType', 'protocol', false, "response_type 'id_token' is not enabled for the app.", 'The Workbench uses the authorization code flow; if you built the request yourself, use response_type=code.'],
  [9002326, 'CrossOriginRedemptionSpaOnly', 'redirect-uri', false, 'Cross-origin token redemption is allowed only for the single-page-application platform.', 'Register the redirect URI under "Mobile and desktop applications" or "Web", not "Single-page application", for this tool.'],
  [9002327, 'SpaRedemptionRequiresCors', 'redirect-uri', false, "The redirect URI is registered as a single-page application, whose codes can only be redeemed from a browser.", 'Move http://localhost from "Single-page application" to "Mobile and desktop applications" (public client) or "Web" (secret or certificate).'],
  // Tenant and cloud
  [90002, 'InvalidTenantName', 'tenant', false, 'The tenant was not found in this cloud. This is often a tenant from another national cloud.', 'Check the tenant ID, and pick the environment (cloud) where the tenant lives: Office 365 global, US Government, or China.'],
  [900023, 'InvalidTenantIdentifier', 'tenant', false, 'The tenant is neither a valid GUID nor a verified domain.', 'Use the Directory (tenant) ID GUID or a verified domain such as contoso.onmicrosoft.com.'],
  [90038, 'NationalCloudTenantRedirection', 'cloud', false, 'The tenant belongs to a different national cloud.', "Change the profile's environment to the tenant's cloud (for example US Government or China) and test again."],
  [900432, 'CrossCloudConfidentialClientNotSupported', 'cloud', false, 'A confidential client cannot be used across clouds.', 'Register the app in the same cloud as the tenant and use that cloud in the profile.'],
  [900382, 'CrossCloudConfidentialClient', 'cloud', false, 'A confidential client is not supported in a cross-cloud request.', 'Register the app in the same cloud as the tenant and use that cloud in the profile.'],
  [1000104, 'XCBResourceCloudNotAllowed', 'cloud', false, 'The resource belongs to a cloud this tenant may not use.', "Use the Microsoft Graph host of the tenant's own cloud."],
  [50194, 'Non-MultiTenantApp', 'tenant', false, 'The app is single-tenant, so it cannot sign in through the /common endpoint.', 'Put the tenant ID (not "common") in the profile, or make the app multitenant under Authentication > Supported account types.'],
  [9001023, 'GrantTypeNotSupportedOverCommon', 'tenant', false, 'App-only tokens cannot be requested from /common or /consumers.', 'Put the tenant ID or domain of the customer tenant in the profile instead of "common" or "organizations".'],
  [90130, 'NonConvergedAppV2GlobalEndpointNotSupported', 'tenant', false, 'The app is not supported over /common or /consumers.', 'Use the tenant ID (or "organizations") in the profile.'],
  [90124, 'V1ResourceV2GlobalEndpointNotSupported', 'tenant', false, 'The resource is not supported over /common or /consumers.', 'Use the tenant ID (or "organizations") in the profile.'],
  // Users and conditional access
  [50020, 'UserUnauthorized', 'user', true, "The user's account does not exist in this tenant.", "Sign in with an account of this tenant, invite the user as a guest, or make the app multitenant."],
  [50034, 'UserAccountNotFound', 'user', true, 'The account does not exist in this directory.', 'Check the user principal name (UPN) and the tenant; sign in with an account of this tenant.'],
  [50126, 'InvalidUserNameOrPassword', 'user', true, 'The user name or password is wrong.', 'Sign in again with the right password.'],
  [50053, 'IdsLocked', 'user', false, 'The account is locked, or sign-in was blocked from a suspicious address.', 'Wait and try again, or ask an administrator to check the sign-in logs.'],
  [50057, 'UserDisabled', 'user', false, 'The user account is disabled.', 'Ask an administrator to enable the account, or use another account.'],
  [50055, 'InvalidPasswordExpiredPassword', 'user', true, 'The password has expired.', 'Change the password, then sign in again.'],
  [50076, 'UserStrongAuthClientAuthNRequired', 'conditional-access', true, 'Multi-factor authentication is required.', 'Sign in again interactively and complete the MFA prompt.'],
  [50079, 'UserStrongAuthEnrollmentRequired', 'conditional-access', true, 'The user must register for multi-factor authentication.', 'Register security info at https://aka.ms/mysecurityinfo, then sign in again.'],
  [53003, 'BlockedByConditionalAccess', 'conditional-access', false, 'A Conditional Access policy blocked the sign-in.', 'Check the sign-in logs for the policy; ask an administrator to allow this user, device, location or workload identity.'],
  [530035, 'BlockedBySecurityDefaults', 'conditional-access', false, 'Security defaults blocked the sign-in.', 'Use modern authentication with MFA, or ask an administrator to review security defaults.'],
  // Scopes
  [500011, 'InvalidResourceServicePrincipalNotFound', 'scope', false, 'The API (resource) asked for was not found in the tenant.', "Check the Microsoft Graph host of the profile's cloud; the scope must start with that host."],
  [70011, 'InvalidScope', 'scope', false, 'The scope is not valid.', 'For app-only tests the scope must be https://<graph host>/.default; for sign-in use permission names the app registration lists.'],
  [1002012, 'InvalidScopeClientCredentials', 'scope', false, 'App-only (client credentials) requests need a scope ending in /.default.', 'Use https://graph.microsoft.com/.default (or the Graph host of your cloud); openid, offline_access, profile and named permissions do not work without a user.'],
  [700022, 'InvalidMultipleResourcesScope', 'scope', false, 'The scope names more than one API.', 'Ask for Microsoft Graph permissions only, in one request.'],
  [28002, 'InvalidScopeForCodeRedemption', 'scope', false, 'The scope sent when redeeming the code is not valid.', 'Start the sign-in test again.'],
  [28003, 'EmptyScopeForCodeRedemption', 'scope', false, 'No scope was sent when redeeming the code.', 'Start the sign-in test again.'],
  // Protocol
  [90014, 'MissingRequiredField', 'protocol', false, 'A required field is missing from the request or the credential.', 'Check the client ID and credential in the profile; start the test again.'],
  [900144, 'MissingRequiredParameter', 'protocol', false, 'A required parameter is missing from the request.', 'Start the test again from the Workbench; if it repeats, copy the diagnostics for support.'],
  [501481, 'InvalidCodeVerifier', 'protocol', true, 'The PKCE code verifier does not match the challenge.', 'Start the sign-in again; every test uses a new verifier.'],
  [54005, 'OAuth2AuthorizationCodeAlreadyRedeemed', 'protocol', true, 'The authorization code was already used.', 'Start the sign-in again for a new code.'],
  [700005, 'InvalidGrantRedeemAgainstWrongTenant', 'tenant', true, 'The code or token was issued for another tenant.', 'Use the same tenant for sign-in and token requests, then sign in again.'],
  [9002313, 'InvalidRequest', 'protocol', true, 'The request is malformed, or the code or refresh token is unknown.', 'Sign in again; if it repeats right after a fresh sign-in, copy the diagnostics for support.'],
  [70003, 'UnsupportedGrantType', 'protocol', false, 'The grant type is not supported.', 'Use one of the Workbench tests; they only use supported grants.'],
  // Client credentials
  [7000215, 'InvalidClientSecret', 'client-credential', false, 'The client secret is wrong. Very often the Secret ID was copied instead of the secret Value.', 'In Certificates & secrets, create a new client secret and copy its Value (shown only once), not the Secret ID; paste it into the profile.'],
  [7000222, 'InvalidClientSecretExpired', 'client-credential', false, 'The client secret has expired.', 'In Certificates & secrets, create a new client secret (or switch to a certificate) and update the profile.'],
  [7000218, 'InvalidClientCredentialRequired', 'client-credential', false, 'The request had no client secret or certificate, but the app is a confidential (Web) client.', 'Either give the profile a client secret or certificate, or register http://localhost under "Mobile and desktop applications" and turn on "Allow public client flows".'],
  [700025, 'InvalidClientPublicClientWithCredential', 'client-credential', false, 'The app is a public client here, so it must not send a secret or certificate.', 'Move http://localhost from "Mobile and desktop applications" to "Web" in Authentication when testing with a secret or certificate, or test as a public client.'],
  [7000216, 'MissingClientCredential', 'client-credential', false, 'A client secret or client assertion is required for app-only tokens.', 'Add a client secret or certificate to the profile.'],
  // Certificates
  [700027, 'InvalidClientAssertionSignature', 'certificate', false, 'The certificate that signed the client assertion is not registered on the app (or the signature does not check out).', 'Upload the certificate (.cer/.pem, public part) under Certificates & secrets; its thumbprint must match the one the Workbench shows. Make sure the profile has the matching private key.'],
  [50012, 'AuthenticationFailed', 'certificate', false, 'Client authentication failed: the signing certificate is not authorized, or its chain, thumbprint or signature is invalid.', 'Register the certificate on the app and use its matching private key.'],
  [50013, 'InvalidAssertion', 'certificate', false, 'The client assertion is malformed, expired, or has the wrong issuer.', "Check this computer's clock, then try again; the Workbench signs a fresh assertion each time."],
  [500133, 'TokenNotWithinValidTimeRange', 'certificate', false, 'The assertion is not within its valid time range.', "Fix this computer's clock (time zone and time sync), then try again."],
  [50027, 'InvalidJwtToken', 'certificate', false, 'The client assertion is not a valid token (for example no thumbprint in the header, or a wrong audience).', 'Use a certificate with a private key from the profile; if it repeats, copy the diagnostics for support.'],
  // Refresh tokens
  [50173, 'FreshTokenNeeded', 'refresh-token', true, 'The saved sign-in was revoked (by an administrator, a password change or a reset).', 'Sign in again. The saved sign-in cannot be used any more.'],
  [700082, 'ExpiredOrRevokedGrantInactiveToken', 'refresh-token', true, 'The saved sign-in expired because it was not used for 90 days.', 'Sign in again; checking the connection now and then keeps a saved sign-in alive.'],
  [70008, 'ExpiredOrRevokedGrant', 'refresh-token', true, 'The saved sign-in or code expired because it was not used in time.', 'Sign in again and finish the test without long pauses.'],
  [70043, 'BadTokenDueToSignInFrequency', 'refresh-token', true, 'A Conditional Access sign-in frequency policy ended the saved sign-in.', 'Sign in again; the policy decides how long a sign-in lasts.'],
  [700084, 'SpaRefreshTokenExpired', 'refresh-token', true, 'The refresh token was issued to a single-page application and its fixed lifetime ended.', 'Sign in again; register http://localhost under "Mobile and desktop applications" rather than "Single-page application".'],
  [50132, 'SsoArtifactInvalidOrExpired', 'refresh-token', true, 'The session is no longer valid (password expiry or a recent password change).', 'Sign in again with the current password.'],
  [50133, 'SsoArtifactRevoked', 'refresh-token', true, 'The session was revoked (password change or reset).', 'Sign in again with the current password.'],
  [50089, 'FlowTokenExpired', 'refresh-token', true, 'The sign-in took too long and its flow token expired.', 'Start the sign-in again and finish it within a few minutes.'],
];

/** Every AADSTS code the Workbench explains. */
export const aadstsCatalogue: readonly AadstsEntry[] = rows.map(([code, name, category, signInAgain, meaning, fix]) => ({ code, name, category, signInAgain, meaning, fix }));

const byCode = new Map(aadstsCatalogue.map((e) => [e.code, e]));

/** The catalogue entry for a code (`50011`, `"AADSTS50011"`, `"aadsts.50011"`), if known. */
export function lookupAadsts(code: number | string): AadstsEntry | undefined {
  const n = typeof code === 'number' ? code : Number(/(\d+)/.exec(code)?.[1] ?? NaN);
  return byCode.get(n);
}

/** Entries whose code contains the digits typed, or whose words contain every word typed; code matches first. */
export function searchAadsts(text: string): AadstsEntry[] {
  const query = text.trim().toLowerCase();
  if (!query) return [...aadstsCatalogue];
  const digits = /^(?:aadsts[.\s]?)?(\d+)$/.exec(query)?.[1];
  if (digits) {
    return aadstsCatalogue
      .filter((e) => String(e.code).includes(digits))
      .sort((a, b) => Number(String(b.code) === digits) - Number(String(a.code) === digits) || a.code - b.code);
  }
  const words = query.split(/\s+/).filter(Boolean);
  return aadstsCatalogue.filter((e) => {
    const haystack = `aadsts${e.code} ${e.name} ${e.meaning} ${e.fix} ${e.category}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
