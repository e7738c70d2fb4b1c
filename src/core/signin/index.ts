// The sign-in core: Electron-free. The browser opener and the network client are injected by the caller.
export { aadstsCatalogue, lookupAadsts, searchAadsts } from './aadsts-catalogue';
export {
  adminConsentLinkForAdmin,
  buildAdminConsentUrl,
  runAdminConsent,
  type AdminConsentOptions,
  type AdminConsentUrlInput,
} from './admin-consent';
export { assertNamedTenant, testAppOnly, type AppOnlyOptions } from './app-only';
export { signinDiagnostics, type DiagnosticsContext } from './diagnostics';
export {
  authorityUrl,
  graphDefaultScope,
  graphScope,
  isMultiTenantSegment,
  microsoftLoginHosts,
  normaliseHost,
  signInHostsFor,
  type SignInHosts,
} from './endpoints';
export { cleanDescription, parseEntraError, type ParsedEntraError } from './entra-error';
export { buildResult, registeredRedirectUri, type FlowEndpoint, type RedirectPlatform } from './flow-support';
export { probeGraph, type GraphProbeOptions } from './graph-probe';
export {
  delegatedScopes,
  signInInteractive,
  type InteractiveSignInOptions,
  type SignInProgress,
} from './interactive-signin';
export {
  startLoopbackListener,
  type LoopbackListener,
  type LoopbackOptions,
  type LoopbackRefusal,
  type LoopbackResponse,
} from './loopback-listener';
export {
  createMsalApp,
  validateEndpointInput,
  type CertificateForm,
  type ClientCredential,
  type MsalAppOptions,
} from './msal-factory';
export {
  caBundle,
  SigninNetworkClient,
  type NetworkClientOptions,
  type NetworkFailureKind,
  type NetworkLogEntry,
} from './network-client';
export { comparePermissions, permissionName } from './permission-compare';
export { signInPublicClient, type PublicClientSignInOptions } from './public-client-signin';
export { checkConnection, type CheckConnectionOptions } from './refresh-health';
export { looksLikeSecretId, needsSignInAgain, toSigninError, type SigninErrorContext } from './signin-error';
export { createCachePlugin, memoryCachePersistence, type TokenCachePersistence } from './token-cache';
export {
  decodeJwt,
  decodeToken,
  looksLikeJwt,
  summarizeClaims,
  type DecodedJwt,
  type TokenDecoding,
} from './token-decode';
