import type { ExtendedKeyUsage } from '../../../shared/certificates';
import {
  type Asn1Node,
  childAt,
  contentOf,
  encodingOf,
  expectConstructed,
  isContext,
  isUniversal,
  parseAsn1,
  readBitString,
  readBoolean,
  readIntegerBytes,
  readOctets,
  readOid,
  readString,
  readTime,
  Tag,
} from '../asn1/reader';
import { OID } from '../asn1/oids';

/** The fields of a certificate this app shows, read from its DER. */
export interface ParsedCertificate {
  serial: Uint8Array;
  signatureAlgorithmOid: string;
  publicKeyAlgorithmOid: string;
  issuer: NameAttribute[][];
  subject: NameAttribute[][];
  issuerDer: Uint8Array;
  subjectDer: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  keyUsage: string[] | null;
  extendedKeyUsage: ExtendedKeyUsage[] | null;
  basicConstraintsCa: boolean | null;
  subjectKeyIdentifier: Uint8Array | null;
}

/** One AttributeTypeAndValue of a distinguished name. */
export interface NameAttribute {
  oid: string;
  value: string;
}

const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

const EKU_NAMES: Record<string, string> = {
  [OID.serverAuth]: 'serverAuth',
  [OID.clientAuth]: 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  [OID.anyExtendedKeyUsage]: 'anyExtendedKeyUsage',
  '1.3.6.1.4.1.311.20.2.2': 'smartcardLogon',
  '1.3.6.1.4.1.311.10.3.4': 'encryptingFileSystem',
  '1.3.6.1.4.1.311.10.3.12': 'documentSigning',
  '1.3.6.1.5.2.3.5': 'kdcAuth',
};

/** Read serial, names, validity and the extensions this app shows (KU, EKU, basic constraints, SKI). */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const cert = expectConstructed(parseAsn1(der), Tag.SEQUENCE, 'Certificate');
  const tbs = expectConstructed(childAt(cert, 0, 'TBSCertificate'), Tag.SEQUENCE, 'TBSCertificate');
  let i = isContext(tbs.children[0], 0) ? 1 : 0;
  const serial = readIntegerBytes(childAt(tbs, i++, 'serial number'), 'serial number');
  i++; // inner signature algorithm: the outer one is authoritative
  const issuerNode = childAt(tbs, i++, 'issuer');
  const validity = expectConstructed(childAt(tbs, i++, 'validity'), Tag.SEQUENCE, 'validity');
  const subjectNode = childAt(tbs, i, 'subject');
  const spki = expectConstructed(childAt(tbs, i + 1, 'public key'), Tag.SEQUENCE, 'public key');
  const publicKeyAlgorithmOid = readOid(
    childAt(
      expectConstructed(childAt(spki, 0, 'public key algorithm'), Tag.SEQUENCE, 'public key algorithm'),
      0,
      'public key algorithm',
    ),
  );
  const signatureAlgorithmOid = readOid(
    childAt(
      expectConstructed(childAt(cert, 1, 'signature algorithm'), Tag.SEQUENCE, 'signature algorithm'),
      0,
      'signature algorithm',
    ),
  );
  const parsed: ParsedCertificate = {
    serial,
    signatureAlgorithmOid,
    publicKeyAlgorithmOid,
    issuer: parseName(issuerNode),
    subject: parseName(subjectNode),
    issuerDer: encodingOf(issuerNode),
    subjectDer: encodingOf(subjectNode),
    notBefore: readTime(childAt(validity, 0, 'notBefore'), 'notBefore'),
    notAfter: readTime(childAt(validity, 1, 'notAfter'), 'notAfter'),
    keyUsage: null,
    extendedKeyUsage: null,
    basicConstraintsCa: null,
    subjectKeyIdentifier: null,
  };
  const extensions = tbs.children.find((n) => isContext(n, 3));
  if (extensions)
    readExtensions(expectConstructed(childAt(extensions, 0, 'extensions'), Tag.SEQUENCE, 'extensions'), parsed);
  return parsed;
}

function parseName(node: Asn1Node): NameAttribute[][] {
  return expectConstructed(node, Tag.SEQUENCE, 'name').children.map((rdn) =>
    expectConstructed(rdn, Tag.SET, 'name part').children.map((atv) => {
      const seq = expectConstructed(atv, Tag.SEQUENCE, 'name attribute');
      const valueNode = childAt(seq, 1, 'name value');
      let value: string;
      try {
        value = readString(valueNode);
      } catch {
        value = `#${Buffer.from(encodingOf(valueNode)).toString('hex')}`;
      }
      return { oid: readOid(childAt(seq, 0, 'name type')), value };
    }),
  );
}

function readExtensions(list: Asn1Node, into: ParsedCertificate): void {
  for (const ext of list.children) {
    const seq = expectConstructed(ext, Tag.SEQUENCE, 'extension');
    const oid = readOid(childAt(seq, 0, 'extension id'));
    const valueNode = seq.children[seq.children.length - 1];
    if (isUniversal(seq.children[1], Tag.BOOLEAN)) readBoolean(seq.children[1]);
    const value = parseAsn1(readOctets(valueNode, 'extension value'));
    if (oid === OID.keyUsage) {
      const { bytes } = readBitString(value, 'key usage');
      into.keyUsage = KEY_USAGE_BITS.filter((_, bit) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0);
    } else if (oid === OID.extKeyUsage) {
      into.extendedKeyUsage = expectConstructed(value, Tag.SEQUENCE, 'extended key usage').children.map((n) => {
        const id = readOid(n);
        return { oid: id, name: EKU_NAMES[id] ?? id };
      });
    } else if (oid === OID.basicConstraints) {
      const first = expectConstructed(value, Tag.SEQUENCE, 'basic constraints').children[0];
      into.basicConstraintsCa = isUniversal(first, Tag.BOOLEAN) ? readBoolean(first) : false;
    } else if (oid === OID.subjectKeyIdentifier) {
      into.subjectKeyIdentifier = isUniversal(value, Tag.OCTET_STRING) ? contentOf(value) : null;
    }
  }
}

const SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.organizationName]: 'O',
  [OID.organizationalUnitName]: 'OU',
  [OID.countryName]: 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'S',
  '2.5.4.9': 'STREET',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.4': 'SN',
  '2.5.4.42': 'G',
  '2.5.4.12': 'T',
  '2.5.4.46': 'DNQUALIFIER',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'E',
};

/** Format a name as Windows and the Entra admin center show it: most specific first, `CN=App, O=Contoso, C=US`. */
export function formatName(name: NameAttribute[][]): string {
  return [...name]
    .reverse()
    .map((rdn) => rdn.map((a) => `${SHORT_NAMES[a.oid] ?? a.oid}=${quoteValue(a.value)}`).join(' + '))
    .join(', ');
}

function quoteValue(value: string): string {
  return /[,+=";<>#\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The last CN of a name (the most specific), or null. */
export function commonNameOf(name: NameAttribute[][]): string | null {
  const all = name.flat().filter((a) => a.oid === OID.commonName);
  return all.length > 0 ? all[all.length - 1]!.value : null;
}
