import { createHash, generateKeyPair, type KeyObject, randomBytes, sign, X509Certificate } from 'node:crypto';
import { promisify } from 'node:util';
import type { CertificateDetails, GenerationStage, KeyAlgorithmChoice } from '../../shared/certificates';
import { WorkbenchError } from '../errors';
import { parseAsn1, readBitString } from './asn1/reader';
import { OID } from './asn1/oids';
import * as der from './asn1/writer';
import { describeCertificate } from './x509/describe';

const generateKeyPairAsync = promisify(generateKeyPair);
const signAsync = promisify(sign);

/** Longest validity offered: shorter is safer (a leaked key is useful for less time). */
export const MAX_VALIDITY_YEARS = 3;

/** What to put in the new certificate. */
export interface GenerateOptions {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  /** Whole years, 1 to 3 (default 1). */
  validityYears?: number;
  /** Default rsa-2048. */
  keyAlgorithm?: KeyAlgorithmChoice;
  /** Clock for notBefore (tests). */
  now?: Date;
  onProgress?: (stage: GenerationStage) => void;
}

/** A new self-signed certificate and its private key. */
export interface GeneratedCertificate {
  certificateDer: Buffer;
  privateKey: KeyObject;
  details: CertificateDetails;
}

const KEYS: Record<KeyAlgorithmChoice, { type: 'rsa'; modulusLength: number } | { type: 'ec'; namedCurve: string }> = {
  'rsa-2048': { type: 'rsa', modulusLength: 2048 },
  'rsa-3072': { type: 'rsa', modulusLength: 3072 },
  'rsa-4096': { type: 'rsa', modulusLength: 4096 },
  'ec-p256': { type: 'ec', namedCurve: 'P-256' },
  'ec-p384': { type: 'ec', namedCurve: 'P-384' },
};

/** Clock skew allowance: notBefore is set a little in the past so a slightly slow clock still accepts the certificate. */
const BACKDATE_MS = 5 * 60_000;

function invalid(message: string, field: string): WorkbenchError {
  return new WorkbenchError('pfx.invalid_options', message, { details: { field } });
}

function checkName(value: string | undefined, field: string, label: string): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed.length === 0) return undefined;
  // eslint-disable-next-line no-control-regex
  if (trimmed.length > 64 || /[\u0000-\u001f\u007f]/.test(trimmed))
    throw invalid(`The ${label} must be 1 to 64 characters without control characters.`, field);
  return trimmed;
}

function name(options: { cn: string; o?: string; ou?: string }): Buffer {
  const rdn = (oid: string, value: string): Buffer => der.setOf(der.sequence(der.oid(oid), der.utf8String(value)));
  const parts: Buffer[] = [];
  if (options.o) parts.push(rdn(OID.organizationName, options.o));
  if (options.ou) parts.push(rdn(OID.organizationalUnitName, options.ou));
  parts.push(rdn(OID.commonName, options.cn));
  return der.sequence(...parts);
}

function extension(oid: string, critical: boolean, value: Buffer): Buffer {
  return critical
    ? der.sequence(der.oid(oid), der.boolean(true), der.octetString(value))
    : der.sequence(der.oid(oid), der.octetString(value));
}

/** A random positive 16-byte serial (top bit clear so it stays positive, next bit set so it keeps 16 bytes). */
function randomSerial(): Buffer {
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40;
  return serial;
}

/**
 * Generate a self-signed certificate for app-only authentication: key from Node's async generateKeyPair,
 * SHA-256 signature, keyUsage digitalSignature (critical), EKU clientAuth, basicConstraints CA:FALSE, SKI/AKI.
 */
export async function generateSelfSignedCertificate(options: GenerateOptions): Promise<GeneratedCertificate> {
  const cn = checkName(options.commonName, 'commonName', 'subject name (CN)');
  if (!cn)
    throw invalid('Enter a subject name (CN) for the certificate, e.g. the app registration name.', 'commonName');
  const o = checkName(options.organization, 'organization', 'organization (O)');
  const ou = checkName(options.organizationalUnit, 'organizationalUnit', 'organizational unit (OU)');
  const years = options.validityYears ?? 1;
  if (!Number.isInteger(years) || years < 1 || years > MAX_VALIDITY_YEARS)
    throw invalid(`The validity must be 1 to ${MAX_VALIDITY_YEARS} whole years.`, 'validityYears');
  const choice = options.keyAlgorithm ?? 'rsa-2048';
  const keySpec = KEYS[choice];
  if (!keySpec) throw invalid(`Unknown key type "${String(choice)}".`, 'keyAlgorithm');

  options.onProgress?.('generating-key');
  const { publicKey, privateKey } =
    keySpec.type === 'rsa'
      ? await generateKeyPairAsync('rsa', { modulusLength: keySpec.modulusLength, publicExponent: 0x10001 })
      : await generateKeyPairAsync('ec', { namedCurve: keySpec.namedCurve });

  options.onProgress?.('building-certificate');
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const keyBits = readBitString(parseAsn1(spki).children[1]).bytes;
  const keyId = createHash('sha1').update(keyBits).digest();
  const now = options.now ?? new Date();
  const notBefore = new Date(Math.floor((now.getTime() - BACKDATE_MS) / 1000) * 1000);
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);
  const signatureAlgorithm =
    keySpec.type === 'rsa'
      ? der.algorithm(OID.sha256WithRSAEncryption, der.nullValue())
      : der.algorithm(OID.ecdsaWithSHA256);
  const subject = name({ cn, o, ou });
  const extensions = der.sequence(
    extension(OID.basicConstraints, true, der.sequence()),
    extension(OID.keyUsage, true, der.bitString(Uint8Array.of(0x80), 7)),
    extension(OID.extKeyUsage, false, der.sequence(der.oid(OID.clientAuth))),
    extension(OID.subjectKeyIdentifier, false, der.octetString(keyId)),
    extension(OID.authorityKeyIdentifier, false, der.sequence(der.implicitPrimitive(0, keyId))),
  );
  const tbs = der.sequence(
    der.explicit(0, der.integer(2)),
    der.integer(randomSerial()),
    signatureAlgorithm,
    subject,
    der.sequence(der.time(notBefore), der.time(notAfter)),
    subject,
    spki,
    der.explicit(3, extensions),
  );

  options.onProgress?.('signing');
  // The callback form of crypto.sign runs on libuv's pool: an RSA-4096 signature does not block the event loop.
  const signature = await signAsync('sha256', tbs, privateKey);
  const certificateDer = der.sequence(tbs, signatureAlgorithm, der.bitString(signature));
  const x509 = new X509Certificate(certificateDer);
  if (!x509.checkPrivateKey(privateKey) || !x509.verify(publicKey))
    throw new Error('The generated certificate does not verify');
  options.onProgress?.('done');
  return { certificateDer, privateKey, details: describeCertificate(x509, { now }) };
}
