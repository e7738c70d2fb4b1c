// The certificate domain: open PFX files, describe certificates, base64, generate and export. Electron-free.
export { sniff, looksLikePkcs12 } from './sniff';
export { toBase64, decodePastedBase64, bytesToText } from './base64';
export {
  openPkcs12,
  type Pkcs12Contents,
  type Pkcs12Certificate,
  type Pkcs12PrivateKey,
  type OpenPkcs12Options,
} from './pkcs12/open';
export { describePkcs12, inspectPkcs12, inspectBase64, decodeBase64Input, type DetailsOptions } from './inspect';
export { describeCertificate, loadCertificate, keyInfo } from './x509/describe';
export {
  generateSelfSignedCertificate,
  MAX_VALIDITY_YEARS,
  type GenerateOptions,
  type GeneratedCertificate,
} from './generate';
export { writePkcs12, DEFAULT_EXPORT_ITERATIONS, type WritePkcs12Options } from './pkcs12/write';
export {
  buildKeyCredential,
  certificateToPem,
  type KeyCredentialOptions,
  type CustomKeyIdentifierEncoding,
} from './key-credential';
export {
  buildExportSet,
  writeExportSet,
  findExistingExportFiles,
  exportFileNames,
  safeFileName,
  type ExportSet,
  type ExportSetOptions,
} from './export-set';
export { passwordStrength, generateStrongPassword } from './password';
export { prewarmCertificateWorkers, shutdownCertificateWorkers } from './pkcs12/hash-pool';
export { MAX_PFX_BYTES } from './errors';
export { EXPIRING_SOON_DAYS } from './warnings';
export {
  prepareCertificateInput,
  openPreparedInput,
  type PreparedInput,
  type OpenedInput,
  type OpenInputOptions,
} from './open-input';
export { pfxView, certificatesView, generatedView, base64Length, type HeldMaterial } from './view';
export {
  CertificateSession,
  SESSION_IDLE_MS,
  exportNameFor,
  noPrivateKey,
  type HeldEntry,
  type CertificateSessionOptions,
} from './session';
export { certificateWarnings } from './warnings';
export { tooLargeError, notPkcs12Error } from './errors';
