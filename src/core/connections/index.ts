// Connection profiles: the three options' model and validation, national clouds, the profile store, files and the connection sheet.
export { cloudsForDomain, endpointsFor, environments, microsoftHosts } from './environments';
export type { CustomHosts, EnvironmentEndpoints } from './environments';
export {
  adminConsentUrl,
  appRegistrationUrl,
  appRegistrationsUrl,
  authorityUrl,
  graphBaseUrl,
  graphDefaultScope,
  tokenEndpoint,
} from './cloud-urls';
export type { AppRegistrationPage } from './cloud-urls';
export { isDomainName, isGuid, isMultiTenantKeyword, isUpn, normalizeHost, tenantKind } from './formats';
export type { TenantKind } from './formats';
export { expiryStatus, formatDate, parseExpiry } from './expiry';
export type { ExpiryStatus } from './expiry';
export { expiryRows } from './expiry-view';
export { hasNoErrors, validateProfile } from './validation/validate-profile';
export type { ProfileFields, ValidationContext } from './validation/types';
export { lintExitCode, lintProfileFile, readProfileFile } from './profile-file';
export type { LintReport, ProfileFileReading } from './profile-file';
export { exportProfile, exportProfileText, importProfileText } from './profile-export';
export type { ImportedProfile } from './profile-export';
export { buildProfileFromFlags } from './profile-from-flags';
export type { ProfileFlags } from './profile-from-flags';
export { buildConnectionSheet } from './connection-sheet';
export { secretVaultId } from './profile-secrets';
export type { ProfileVault } from './profile-secrets';
export { ProfileStore } from './profile-store';
export type { SavedProfile } from './profile-store';
export { profileJsonSchema } from './profile-json-schema';
// The scope set `gcw scopes` prints lives with the permission catalog.
export { scopeSet } from '../permissions/scope-set';
export type { ScopeSetRequest, ScopeSetResult } from '../permissions/scope-set';
