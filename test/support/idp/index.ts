// Test identity providers and browser drivers for sign-in tests, the CLI and end-to-end runs.
export { createTestPki, type TestCertificate, type TestPki } from './certs';
export { startEntraEmulator, defaultAliasHosts, type EntraEmulator } from './entra/server';
export type {
  EmulatorApp,
  EmulatorBehaviour,
  EmulatorSecret,
  EmulatorTenant,
  EmulatorUser,
  EntraEmulatorOptions,
  RefreshRevocation,
} from './entra/types';
export type { EmulatorRequestLog } from './entra/context';
export {
  HttpBrowser,
  parseForms,
  pageText,
  rewriteUrl,
  type BrowserUser,
  type BrowserVisit,
  type DriverOptions,
} from './http-browser';
export { chromiumPath, chromiumSkipReason, launchChromium, type ChromiumBrowser } from './chromium-browser';
export { startSigninHarness, type SigninHarness } from './harness';
export { httpSend, portIsFree, rawExchange, type RawResponse } from './raw-http';
export { contosoScenario, type ContosoScenario } from './scenario';
export { startOidcProvider, oidcClients, type OidcTestProvider } from './oidc-op';
