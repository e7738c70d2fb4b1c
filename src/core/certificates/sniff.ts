import type { InputKind, SniffResult } from '../../shared/certificates';
import { type Asn1Node, isContext, isUniversal, parseAsn1, readOid, Tag } from './asn1/reader';
import { OID } from './asn1/oids';
import { bytesToText, tryDecodeBase64 } from './base64';

const PKCS7_DATA_OID = Uint8Array.of(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07);

/**
 * True when the bytes start like a PKCS#12 PFX: SEQUENCE { INTEGER 3, SEQUENCE { OID pkcs7-data|signedData …
 * Checks only the bytes present, so a cut-off file is still recognised (and then reported as truncated).
 */
export function looksLikePkcs12(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30 || bytes.length < 2) return false;
  let pos = skipLength(bytes, 1);
  if (pos < 0) return false;
  const version = [0x02, 0x01, 0x03];
  for (const b of version) {
    if (pos >= bytes.length || bytes[pos++] !== b) return false;
  }
  if (pos >= bytes.length) return true;
  if (bytes[pos++] !== 0x30) return false;
  if (pos >= bytes.length) return true;
  pos = skipLength(bytes, pos);
  if (pos < 0) return true;
  for (const b of PKCS7_DATA_OID) {
    if (pos >= bytes.length) return true;
    if (bytes[pos++] !== b) return false;
  }
  return pos >= bytes.length || bytes[pos] === 0x01 || bytes[pos] === 0x02;
}

function skipLength(bytes: Uint8Array, pos: number): number {
  const first = bytes[pos];
  if (first === undefined) return -1;
  if (first <= 0x80) return pos + 1;
  const count = first & 0x7f;
  return count > 4 ? -1 : pos + 1 + count;
}

const result = (kind: InputKind, description: string): SniffResult => ({ kind, description });

/** Say what a file or pasted input is: a PFX, a PEM or DER certificate or key, base64 text of a PFX, a ZIP, text, … */
export function sniff(bytes: Uint8Array): SniffResult {
  if (bytes.length === 0) return result('empty', 'an empty file');
  if (looksLikePkcs12(bytes)) return result('pkcs12', 'a PKCS#12 file (.pfx / .p12)');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7))
    return result('zip', 'a ZIP archive');
  const keystore = javaKeystore(bytes);
  if (keystore) return keystore;
  if (bytes[0] === 0x30) {
    const der = sniffDer(bytes);
    if (der) return der;
  }
  const text = bytes.length <= 16 * 1024 * 1024 ? bytesToText(bytes) : null;
  if (text !== null && isMostlyPrintable(text)) return sniffText(text, bytes.length);
  return result('binary', 'a binary file of an unknown kind');
}

function isMostlyPrintable(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text);
}

const PEM_KINDS: Array<[RegExp, InputKind, string]> = [
  [/^(X509 |TRUSTED )?CERTIFICATE$/, 'pem-certificate', 'a certificate'],
  [/^ENCRYPTED PRIVATE KEY$/, 'pem-encrypted-private-key', 'an encrypted private key'],
  [/^(RSA |EC |DSA |OPENSSH )?PRIVATE KEY$/, 'pem-private-key', 'a private key'],
  [/^(RSA )?PUBLIC KEY$/, 'pem-public-key', 'a public key'],
  [/^(NEW )?CERTIFICATE REQUEST$/, 'pem-certificate-request', 'a certificate request (CSR)'],
  [/^PKCS7$/, 'pem-pkcs7', 'a PKCS#7 certificate bundle (.p7b)'],
];

function sniffText(text: string, size: number): SniffResult {
  const labels = [...text.matchAll(/-----BEGIN ([A-Z0-9 #]+)-----/g)].map((m) => m[1]!);
  if (labels.length > 0) {
    const parts = labels.map(
      (label) => PEM_KINDS.find(([re]) => re.test(label)) ?? ([/./, 'pem-other', `a "${label}" block`] as const),
    );
    const described = [...new Set(parts.map((p) => p[2]))];
    const primary = parts.find((p) => p[1] === 'pem-private-key' || p[1] === 'pem-encrypted-private-key') ?? parts[0]!;
    return result(primary[1], `PEM text with ${described.join(' and ')}`);
  }
  const trimmed = text.trim();
  if ((trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'))) {
    try {
      JSON.parse(trimmed);
      return result('json', 'JSON text');
    } catch {
      // not JSON: fall through to the other text kinds
    }
  }
  if (trimmed.length >= 16) {
    const decoded = tryDecodeBase64(trimmed);
    if (decoded && decoded.length > 0) {
      const inner = sniffDecoded(decoded);
      if (inner.kind === 'pkcs12') return result('base64-pkcs12', 'the base64 text of a PFX file');
      if (inner.kind !== 'binary' && inner.kind !== 'text')
        return result('base64-other', `base64 text of ${inner.description}`);
    }
  }
  return result('text', size > 0 ? 'a text file' : 'an empty file');
}

/** Java's own keystore formats, by their magic number: JKS (FEEDFEED) and JCEKS (CECECECE). */
function javaKeystore(bytes: Uint8Array): SniffResult | null {
  const magic = bytes.length >= 4 ? Buffer.from(bytes.subarray(0, 4)).toString('hex') : '';
  if (magic === 'feedfeed') return result('java-keystore', 'a Java keystore (JKS)');
  if (magic === 'cececece') return result('java-keystore', 'a Java keystore (JCEKS)');
  return null;
}

function sniffDecoded(bytes: Uint8Array): SniffResult {
  if (looksLikePkcs12(bytes)) return result('pkcs12', 'a PFX file');
  const keystore = javaKeystore(bytes);
  if (keystore) return keystore;
  if (bytes[0] === 0x30) return sniffDer(bytes) ?? result('binary', 'binary data');
  return result('binary', 'binary data');
}

/** Classify a DER structure: certificate, PKCS#8 key, encrypted key, PKCS#7, or other ASN.1. */
function sniffDer(bytes: Uint8Array): SniffResult | null {
  let root: Asn1Node;
  try {
    root = parseAsn1(bytes, { allowTrailing: true });
  } catch {
    return null;
  }
  if (!isUniversal(root, Tag.SEQUENCE)) return null;
  const [a, b, c] = root.children;
  try {
    if (isUniversal(a, Tag.SEQUENCE) && isUniversal(b, Tag.SEQUENCE) && isUniversal(c, Tag.BIT_STRING)) {
      const first = a.children[0];
      if (isContext(first, 0) || (isUniversal(first, Tag.INTEGER) && isUniversal(a.children[1], Tag.INTEGER))) {
        return result('der-certificate', 'a DER certificate (.cer/.crt)');
      }
      return result('der-other', 'a DER certificate request or other signed ASN.1 data');
    }
    if (isUniversal(a, Tag.INTEGER) && isUniversal(b, Tag.SEQUENCE) && isUniversal(c, Tag.OCTET_STRING)) {
      return result('der-private-key', 'a DER private key (PKCS#8), without a certificate');
    }
    if (
      isUniversal(a, Tag.INTEGER) &&
      root.children.length >= 9 &&
      root.children.every((n) => isUniversal(n, Tag.INTEGER))
    ) {
      return result('der-private-key', 'a DER RSA private key (PKCS#1), without a certificate');
    }
    if (isUniversal(a, Tag.SEQUENCE) && isUniversal(b, Tag.OCTET_STRING) && root.children.length === 2) {
      return result('der-encrypted-private-key', 'an encrypted DER private key (PKCS#8), without a certificate');
    }
    if (isUniversal(a, Tag.OID) && readOid(a) === OID.signedData)
      return result('der-pkcs7', 'a PKCS#7 certificate bundle (.p7b)');
  } catch {
    // a malformed OID: still some ASN.1
  }
  return result('der-other', 'ASN.1 data that is not a PFX');
}
