import type { CertificateDetails, CertificateView, ChainCertificate } from '../../../shared/certificates';

/** The fields of one certificate in `gcw cert` JSON (chain entries have the same ones plus their position). */
export function certificateJson(c: CertificateDetails) {
  return {
    subject: c.subject,
    issuer: c.issuer,
    serialNumber: c.serialNumber,
    thumbprintSha1: c.thumbprintSha1,
    thumbprintSha256: c.thumbprintSha256,
    x5t: c.x5t,
    x5tS256: c.x5tS256,
    notBefore: c.notBefore,
    notAfter: c.notAfter,
    daysLeft: c.daysLeft,
    expired: c.expired,
    notYetValid: c.notYetValid,
    selfSigned: c.selfSigned,
    keyType: c.key.type,
    keySize: c.key.size,
    curve: c.key.curve,
    signatureAlgorithm: c.signatureAlgorithm,
    keyUsage: c.keyUsage,
    extendedKeyUsage: c.extendedKeyUsage?.map((u) => u.name) ?? null,
    friendlyName: c.friendlyName,
  };
}

function chainJson(c: ChainCertificate) {
  return { index: c.index, role: c.role, issuedByIndex: c.issuedByIndex, ...certificateJson(c) };
}

/** What `gcw cert inspect --json` prints for an opened file. */
export function viewJson(file: string, view: CertificateView) {
  const p = view.protection;
  return {
    ok: true,
    file,
    input: view.origin,
    ...certificateJson(view.certificate),
    hasPrivateKey: view.hasPrivateKey,
    keyMatchesCertificate: view.keyMatchesCertificate,
    privateKey: view.privateKey,
    chain: view.chain.map(chainJson),
    protection: p
      ? {
          summary: p.summary,
          passwordProtected: p.passwordProtected,
          legacy: p.legacy,
          legacyNote: p.legacyNote,
          quirks: p.quirks,
          mac: p.mac,
          encryption: p.encryption,
        }
      : null,
    passwordUsed: view.passwordUsed,
    warnings: view.warnings,
    pfxSize: view.pfxSize,
    base64Length: view.base64Length,
  };
}
