// The app-registration verifier: read a manifest in either format, check it against a connection, render the report.
export { verifyManifest, verifyParsedManifest, allChecks, summarizeTarget } from './verify-manifest';
export { verifyManifestFile, verifyManyManifests, type ManifestFileResult } from './verify-files';
export { manifestOnlyTarget, type VerifyTarget, type VerifyCertificate } from './verify-target';
export { readManifest } from './read-manifest';
export type { ParsedApp, ParsedManifest } from './manifest-model';
export { MAX_MANIFEST_BYTES } from './manifest-input';
export { renderReportMarkdown, escapeMarkdown } from './render-markdown';
export { renderReportHtml } from './render-html';
export { escapeHtml } from '../report-html';
export { findingSeverity } from './findings';
export { appBladeUrl, appRegistrationsUrl } from './admin-center';
export { byoCallbackUri } from './checks/redirect-uris';
export { decodeKeyIdentifier } from './thumbprint-encoding';
export { MICROSOFT_GRAPH_APP_ID, permissionById, permissionByValue } from './permission-lookup';
export {
  profileToVerifyTarget,
  profileEnvironment,
  type VerifiableProfile,
  type ProfileTargetOptions,
} from './profile-target';
export { certificateFromPfx, type PfxForVerify } from './pfx-certificate';
