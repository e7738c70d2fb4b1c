import { createHash, type KeyObject, X509Certificate } from 'node:crypto';
import type { CertificateDetails, KeyInfo, KeyType } from '../../../shared/certificates';
import { WorkbenchError } from '../../errors';
import { Asn1Error } from '../asn1/reader';
import { OID, oidName } from '../asn1/oids';
import { commonNameOf, formatName, parseCertificate } from './parse';

const DAY_MS = 86_400_000;

const CURVES: Record<string, { name: string; size: number }> = {
  prime256v1: { name: 'P-256', size: 256 },
  'P-256': { name: 'P-256', size: 256 },
  secp384r1: { name: 'P-384', size: 384 },
  'P-384': { name: 'P-384', size: 384 },
  secp521r1: { name: 'P-521', size: 521 },
  'P-521': { name: 'P-521', size: 521 },
  secp256k1: { name: 'secp256k1', size: 256 },
};

const KEY_TYPES: Record<string, KeyType> = {
  rsa: 'RSA',
  'rsa-pss': 'RSA-PSS',
  ec: 'EC',
  ed25519: 'Ed25519',
  ed448: 'Ed448',
  dsa: 'DSA',
};

/** Algorithm, size and curve of a public or private key. */
export function keyInfo(key: KeyObject): KeyInfo {
  const type = KEY_TYPES[key.asymmetricKeyType ?? ''] ?? 'other';
  const details = key.asymmetricKeyDetails ?? {};
  if (type === 'EC') {
    const curve = CURVES[details.namedCurve ?? ''];
    return { type, size: curve?.size ?? null, curve: curve?.name ?? details.namedCurve ?? null };
  }
  if (type === 'Ed25519') return { type, size: 256, curve: null };
  if (type === 'Ed448') return { type, size: 456, curve: null };
  return { type, size: details.modulusLength ?? null, curve: null };
}

const OID_KEY_TYPES: Record<string, KeyType> = {
  [OID.rsaEncryption]: 'RSA',
  [OID.rsassaPss]: 'RSA-PSS',
  [OID.ecPublicKey]: 'EC',
  [OID.ed25519]: 'Ed25519',
  [OID.ed448]: 'Ed448',
  [OID.dsa]: 'DSA',
};

/** Key info of a certificate; keys Node cannot load (e.g. DSA with inherited parameters) still get their type. */
function certificateKeyInfo(x509: X509Certificate, algorithmOid: string): KeyInfo {
  try {
    return keyInfo(x509.publicKey);
  } catch {
    return { type: OID_KEY_TYPES[algorithmOid] ?? 'other', size: null, curve: null };
  }
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex').toUpperCase();

/** Options for describeCertificate. */
export interface DescribeOptions {
  now?: Date;
  friendlyName?: string | null;
  localKeyId?: Uint8Array | null;
}

/** Read a DER certificate; not a certificate -> pfx.invalid_certificate. */
export function loadCertificate(der: Uint8Array): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch (error) {
    throw new WorkbenchError('pfx.invalid_certificate', 'These bytes are not an X.509 certificate.', {
      hint: 'Choose a .cer, .crt or .pem certificate file.',
      cause: error,
    });
  }
}

/** Everything shown for one certificate: names, serial, thumbprints, x5t, validity, key, usages. */
export function describeCertificate(
  certificate: Uint8Array | X509Certificate,
  options: DescribeOptions = {},
): CertificateDetails {
  const x509 = certificate instanceof X509Certificate ? certificate : loadCertificate(certificate);
  const der = x509.raw;
  let parsed;
  try {
    parsed = parseCertificate(der);
  } catch (error) {
    if (error instanceof Asn1Error)
      throw new WorkbenchError('pfx.invalid_certificate', `The certificate cannot be read: ${error.message}.`, {
        cause: error,
      });
    throw error;
  }
  const now = options.now ?? new Date();
  const sha1 = createHash('sha1').update(der).digest();
  const sha256 = createHash('sha256').update(der).digest();
  const keyUsage = parsed.keyUsage;
  const eku = parsed.extendedKeyUsage;
  // Not checkIssued: OpenSSL's version refuses a self-signed leaf whose key usage lacks keyCertSign.
  const selfSigned =
    Buffer.compare(Buffer.from(parsed.subjectDer), Buffer.from(parsed.issuerDer)) === 0 &&
    signatureVerifies(x509, x509);
  return {
    subject: formatName(parsed.subject),
    subjectCommonName: commonNameOf(parsed.subject),
    issuer: formatName(parsed.issuer),
    issuerCommonName: commonNameOf(parsed.issuer),
    serialNumber: hex(parsed.serial),
    thumbprintSha1: hex(sha1),
    thumbprintSha256: hex(sha256),
    x5t: sha1.toString('base64url'),
    x5tS256: sha256.toString('base64url'),
    notBefore: parsed.notBefore.toISOString(),
    notAfter: parsed.notAfter.toISOString(),
    daysLeft: Math.floor((parsed.notAfter.getTime() - now.getTime()) / DAY_MS),
    expired: now.getTime() > parsed.notAfter.getTime(),
    notYetValid: now.getTime() < parsed.notBefore.getTime(),
    selfSigned,
    isCertificateAuthority: parsed.basicConstraintsCa ?? x509.ca,
    key: certificateKeyInfo(x509, parsed.publicKeyAlgorithmOid),
    signatureAlgorithm: oidName(parsed.signatureAlgorithmOid),
    keyUsage,
    extendedKeyUsage: eku,
    lacksDigitalSignature: keyUsage !== null && !keyUsage.includes('digitalSignature'),
    lacksClientAuth: eku !== null && !eku.some((u) => u.oid === OID.clientAuth || u.oid === OID.anyExtendedKeyUsage),
    subjectKeyIdentifier: parsed.subjectKeyIdentifier ? hex(parsed.subjectKeyIdentifier) : null,
    friendlyName: options.friendlyName ?? null,
    localKeyId: options.localKeyId ? hex(options.localKeyId) : null,
  };
}

/** True when `issuer`'s public key verifies `subject`'s signature; never throws. */
export function signatureVerifies(subject: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
}
