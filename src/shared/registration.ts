// Plain data the app-registration verifier produces: what the renderer shows and the CLI prints. No secrets here:
// certificates appear as thumbprints, client secrets only as the three-character hint Entra itself shows.

/** Manifests above this size are refused before parsing (real ones are a few kilobytes). */
export const MANIFEST_MAX_BYTES = 5 * 1024 * 1024;

/** What each format is called in reports and on the Verify page. */
export const manifestFormatLabels: Record<'graph' | 'aadgraph', string> = {
  graph: 'Microsoft Graph',
  aadgraph: 'Azure AD Graph (older format)',
};

/** The two manifest formats: Microsoft Graph (current portal, `az ad app show`, Graph API) and the older Azure AD Graph. */
export type ManifestFormat = 'graph' | 'aadgraph';

/** How serious a finding is: error = the connection will fail; warning = it may fail or is risky; info = worth knowing. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** Every finding code the verifier can report, grouped by what it looks at. */
export const registrationFindingCodes = [
  // reading the manifest
  'manifest.app_id_missing',
  'manifest.unexpected_value',
  'manifest.secret_text_present',
  'manifest.mixed_format',
  'manifest.several_apps',
  'manifest.template',
  'manifest.partial',
  'manifest.app_id_placeholder',
  'manifest.duplicate_key',
  'key_credential.no_dates',
  'key_credential.identifier_unreadable',
  'key_credential.expired',
  'key_credential.expiring',
  'password_credential.no_dates',
  'password_credential.expired',
  'password_credential.expiring',
  // identity and audience
  'client_id.mismatch',
  'audience.missing',
  'audience.single_tenant_shared_endpoint',
  'audience.personal_accounts_only',
  'audience.consumers_tenant',
  'audience.multi_tenant_needed',
  'audience.wider_than_needed',
  'audience.token_version',
  'audience.app_only_needs_tenant',
  // redirect URIs and client type
  'redirect.byo_callback_missing',
  'redirect.byo_domain_unknown',
  'redirect.loopback_missing',
  'redirect.wrong_platform',
  'redirect.case_mismatch',
  'redirect.trailing_slash',
  'redirect.scheme_mismatch',
  'redirect.loopback_ip_literal',
  'redirect.http_not_localhost',
  'redirect.ipv6_loopback',
  'redirect.invalid_uri',
  'redirect.localhost_port_variants',
  'redirect.implicit_grant_enabled',
  'public_client.enabled_for_confidential',
  // API permissions
  'permission.minimum_missing',
  'permission.sign_in_scope_missing',
  'permission.trigger_missing',
  'permission.delegated_missing',
  'permission.application_missing',
  'permission.no_application_form',
  'permission.role_instead_of_scope',
  'permission.scope_instead_of_role',
  'permission.unknown_id',
  'permission.unknown_name',
  'permission.id_kind_mismatch',
  'permission.more_privilege',
  'permission.not_needed',
  'permission.admin_consent_required',
  'permission.aad_graph_legacy',
  'permission.other_api_not_checked',
  // certificate
  'certificate.not_checked',
  'certificate.none_registered',
  'certificate.none_usable',
  'certificate.not_registered',
  'certificate.identifier_base64_hex_text',
  'certificate.wrong_type',
  'certificate.wrong_usage',
  'certificate.dates_differ',
  'certificate.expired',
  'certificate.expiring',
  'certificate.not_yet_valid',
  'certificate.private_key_mismatch',
  // client secret
  'secret.none_registered',
  'secret.hint_mismatch',
  'secret.hint_unavailable',
  'secret.expired',
  'secret.expiring',
  'secret.expiry_differs',
  // cloud
  'cloud.other_cloud',
  'cloud.other_cloud_domain',
] as const;

/** One finding code. */
export type RegistrationFindingCode = (typeof registrationFindingCodes)[number];

/** One thing the verifier noticed: what is wrong, how to fix it in the admin center, and where. */
export interface RegistrationFinding {
  code: RegistrationFindingCode;
  severity: FindingSeverity;
  /** What is wrong, in plain words. */
  message: string;
  /** How to fix it in the Microsoft Entra admin center, click by click. */
  fix: string;
  /** The admin-center page (of the target's cloud) where the fix is made. */
  link: string;
  /** The app registration the finding is about (null when the file holds none that could be named). */
  appId: string | null;
  appName: string | null;
}

/** Where a redirect URI is registered: Web, Single-page application, or Mobile and desktop applications. */
export type RedirectPlatform = 'web' | 'spa' | 'publicClient';

/** A registered redirect URI and its platform. */
export interface RegisteredRedirectUri {
  uri: string;
  platform: RedirectPlatform;
}

/** How a certificate credential's customKeyIdentifier was read. */
export type KeyIdentifierEncoding =
  'hex-sha1' | 'hex-sha256' | 'base64-sha1' | 'base64-sha256' | 'base64-hex-text' | 'text' | 'unreadable' | 'absent';

/** A certificate (or other key) credential of the app registration, as thumbprints. */
export interface RegisteredKeyCredential {
  keyId: string | null;
  displayName: string | null;
  type: string | null;
  usage: string | null;
  startDateTime: string | null;
  endDateTime: string | null;
  customKeyIdentifier: string | null;
  identifierEncoding: KeyIdentifierEncoding;
  /** SHA-1 thumbprint the identifier stands for (uppercase hex), when it can be read as one. */
  identifierThumbprintSha1: string | null;
  identifierThumbprintSha256: string | null;
  /** Thumbprints of the `key` (the public certificate itself) when the manifest carries it. */
  keyThumbprintSha1: string | null;
  keyThumbprintSha256: string | null;
}

/** A client secret of the app registration: never the value, only its hint and dates. */
export interface RegisteredPasswordCredential {
  keyId: string | null;
  displayName: string | null;
  /** The first three characters of the secret, as Entra shows them. */
  hint: string | null;
  startDateTime: string | null;
  endDateTime: string | null;
}

/** One entry of requiredResourceAccess, with the Microsoft Graph permission name when known. */
export interface RegisteredPermission {
  resourceAppId: string;
  id: string;
  /** `Scope` = delegated permission, `Role` = application permission (other values kept as found). */
  type: string;
  /** Permission name from the Microsoft Graph catalog (null when the id is not in the catalog or not Graph). */
  value: string | null;
  /** The permission's name as the file wrote it in place of its id (Teams Toolkit templates: `"id": "User.Read"`). */
  writtenAs?: string;
}

/** Parts of an app registration a file may leave out (a `$select` query, a pasted fragment, a template). */
export type ManifestSection =
  'signInAudience' | 'redirectUris' | 'keyCredentials' | 'passwordCredentials' | 'requiredResourceAccess';

/** A Teams Toolkit (Microsoft 365 Agents Toolkit) `aad.manifest.json` template: what it leaves for the toolkit to fill in. */
export interface ManifestTemplate {
  /** The placeholders it holds as written (`${{AAD_APP_CLIENT_ID}}`; `{{state.…}}` in older templates), in order of first appearance. */
  placeholders: string[];
  /** Permissions or APIs given by name (`"resourceAppId": "Microsoft Graph"`, `"id": "User.Read"`) rather than by id. */
  namedPermissions: boolean;
}

/** One app registration read from a manifest, in one model for both formats. */
export interface AppRegistrationSummary {
  /** Position in the file (0 for a single manifest). */
  index: number;
  objectId: string | null;
  appId: string | null;
  displayName: string | null;
  signInAudience: string | null;
  isFallbackPublicClient: boolean | null;
  requestedAccessTokenVersion: number | null;
  implicitAccessTokens: boolean | null;
  implicitIdTokens: boolean | null;
  publisherDomain: string | null;
  identifierUris: string[];
  redirectUris: RegisteredRedirectUri[];
  keyCredentials: RegisteredKeyCredential[];
  passwordCredentials: RegisteredPasswordCredential[];
  requiredResourceAccess: RegisteredPermission[];
  /** Sections the file does not have at all (an empty list is not absent); their checks are skipped and said so. */
  notInFile: ManifestSection[];
  /** Set when the file is a Teams Toolkit template rather than the registration itself. */
  template: ManifestTemplate | null;
}

/** What the manifest was checked against, without secrets (for the report header). */
export interface VerifyTargetSummary {
  auth: 'certificate' | 'client-credentials' | 'byo-app' | null;
  clientId: string | null;
  tenant: string | null;
  environment: string;
  domain: string | null;
  delegatedScopes: string[];
  applicationPermissions: string[];
  certificateThumbprintSha1: string | null;
  loopbackTest: boolean;
}

/** The result of verifying one manifest file. */
export interface VerifyReport {
  format: ManifestFormat;
  apps: AppRegistrationSummary[];
  findings: RegistrationFinding[];
  counts: Record<FindingSeverity, number>;
  target: VerifyTargetSummary;
  /** ISO 8601 time the checks ran against (dates are judged relative to it). */
  checkedAt: string;
  /** The file's name when it came from a file. */
  fileName: string | null;
}
