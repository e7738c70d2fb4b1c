// Plain data shapes of the certificate feature, shared by core, the contract, the CLI and the renderer.

/** Largest PFX accepted: real ones are a few KB; anything near this is the wrong file. */
export const MAX_PFX_BYTES = 10 * 1024 * 1024;

/** What a file or pasted text turned out to be (see core/certificates/sniff). */
export type InputKind =
  | 'empty'
  | 'pkcs12'
  | 'pem-certificate'
  | 'pem-private-key'
  | 'pem-encrypted-private-key'
  | 'pem-public-key'
  | 'pem-certificate-request'
  | 'pem-pkcs7'
  | 'pem-other'
  | 'der-certificate'
  | 'der-private-key'
  | 'der-encrypted-private-key'
  | 'der-pkcs7'
  | 'der-other'
  | 'base64-pkcs12'
  | 'base64-other'
  | 'zip'
  | 'java-keystore'
  | 'json'
  | 'text'
  | 'binary';

/** The answer of sniff(): a kind the code switches on and a sentence for people. */
export interface SniffResult {
  kind: InputKind;
  description: string;
}

/** Public-key algorithm family of a certificate or key. */
export type KeyType = 'RSA' | 'RSA-PSS' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'other';

/** Key algorithm, size and curve. */
export interface KeyInfo {
  type: KeyType;
  /** Modulus length for RSA/DSA, field size for EC (256, 384, 521), null when unknown. */
  size: number | null;
  /** NIST name for EC keys (`P-256`, `P-384`, `P-521`) or the OpenSSL name for other curves. */
  curve: string | null;
}

/** One extended key usage: OID and readable name (`clientAuth`, `serverAuth`, …). */
export interface ExtendedKeyUsage {
  oid: string;
  name: string;
}

/** Everything shown for one X.509 certificate. */
export interface CertificateDetails {
  /** RFC 4514 order, as Windows and the Entra admin center show it: `CN=App, O=Contoso, C=US`. */
  subject: string;
  subjectCommonName: string | null;
  issuer: string;
  issuerCommonName: string | null;
  /** Uppercase hex of the serial number's bytes. */
  serialNumber: string;
  /** SHA-1 over the DER, uppercase hex without colons: the "Thumbprint" in the Entra admin center. */
  thumbprintSha1: string;
  thumbprintSha256: string;
  /** base64url of the SHA-1 digest, as in a client assertion's `x5t` header. */
  x5t: string;
  /** base64url of the SHA-256 digest (`x5t#S256`). */
  x5tS256: string;
  /** ISO 8601, UTC. */
  notBefore: string;
  notAfter: string;
  /** Whole days until notAfter (negative once expired). */
  daysLeft: number;
  expired: boolean;
  notYetValid: boolean;
  selfSigned: boolean;
  isCertificateAuthority: boolean;
  key: KeyInfo;
  signatureAlgorithm: string;
  /** Key usage bit names (`digitalSignature`, …); null when the extension is absent. */
  keyUsage: string[] | null;
  /** Null when the extension is absent. */
  extendedKeyUsage: ExtendedKeyUsage[] | null;
  /** Key usage is present and lacks digitalSignature (needed to sign a client assertion). */
  lacksDigitalSignature: boolean;
  /** Extended key usage is present and lacks clientAuth (and anyExtendedKeyUsage). */
  lacksClientAuth: boolean;
  subjectKeyIdentifier: string | null;
  /** PKCS#12 bag attributes, when the certificate came from a PFX. */
  friendlyName: string | null;
  /** Uppercase hex. */
  localKeyId: string | null;
}

/** A certificate in the file's chain, with who signed it. */
export interface ChainCertificate extends CertificateDetails {
  /** Position in `chain` (leaf first, then its issuers, then certificates unrelated to it). */
  index: number;
  /** Index of the certificate whose key verifies this one's signature; its own index when self-signed; null if not in the file. */
  issuedByIndex: number | null;
  role: 'leaf' | 'intermediate' | 'root' | 'unrelated';
}

/** How one part of a PFX (its certificates, its private key, or another encrypted part) is encrypted. */
export interface PfxEncryption {
  /** 'other': an encrypted part with neither certificates nor the key itself (CRLs, secrets, a container of shrouded keys, nothing). */
  target: 'certificates' | 'private-key' | 'other';
  /** For 'other': what the part holds, as the summary names it (`a part with CRLs`, `an empty part`). */
  holds?: string;
  scheme: 'none' | 'pbes2' | 'pkcs12-pbe';
  /** `AES-256-CBC`, `3DES-CBC`, `RC2-40-CBC`, …; null when not encrypted. */
  cipher: string | null;
  /** `PBKDF2-HMAC-SHA256`, `scrypt`, `PKCS#12 KDF SHA-1`; null when not encrypted. */
  kdf: string | null;
  iterations: number | null;
  oid: string | null;
  /** `PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations` or `not encrypted`. */
  description: string;
}

/** The integrity check (MAC) of a PFX. */
export interface PfxMac {
  /** `SHA-256`, `SHA-1`, … or `PBMAC1 HMAC-SHA256`. */
  algorithm: string;
  iterations: number;
  saltLength: number;
  oid: string;
}

/** How a PFX file is protected, readable and structured. */
export interface PfxProtection {
  /** e.g. `PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations; MAC SHA-256, 2,048 iterations`. */
  summary: string;
  /** False when there is nothing to verify (no MAC, nothing encrypted): any password "opens" it. */
  passwordProtected: boolean;
  mac: PfxMac | null;
  encryption: PfxEncryption[];
  /** RC2/RC4/DES/3DES, PKCS#12 PBE, SHA-1 or MD5 MAC, no MAC, or an unencrypted private key. */
  legacy: boolean;
  legacyNote: string | null;
  /**
   * Producer quirks the reader had to work around after the MAC accepted the password, one sentence per part
   * (`private key: encrypted from the password's ISO-8859-1 bytes, not UTF-8 (…)`); empty for a standard file.
   */
  quirks: string[];
}

/** Which password opened the file: the one given, an empty one, an absent (NULL) one, or none was needed. */
export type PasswordUsed = 'given' | 'empty' | 'absent' | 'not-needed';

/** Warning codes shown on the details card. */
export type CertificateWarningCode =
  | 'expired'
  | 'expiring_soon'
  | 'not_yet_valid'
  | 'key_mismatch'
  | 'no_private_key'
  | 'legacy_protection'
  | 'producer_quirk'
  | 'not_password_protected'
  | 'empty_password'
  | 'ec_key'
  | 'missing_client_auth'
  | 'missing_digital_signature'
  | 'weak_key';

/** One warning: a code to switch on and a plain sentence. */
export interface CertificateWarning {
  code: CertificateWarningCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** What opening a PFX shows: "the" certificate, its key, the chain and how the file is protected. */
export interface PfxDetails {
  /** The certificate the private key belongs to, else the leaf of the chain. */
  certificate: CertificateDetails;
  /** Index of `certificate` in `chain`. */
  certificateIndex: number;
  hasPrivateKey: boolean;
  /** Null when there is no private key. */
  keyMatchesCertificate: boolean | null;
  privateKey: KeyInfo | null;
  chain: ChainCertificate[];
  privateKeyCount: number;
  protection: PfxProtection;
  passwordUsed: PasswordUsed;
  warnings: CertificateWarning[];
  fileSize: number;
}

/** Key choices for a new certificate. */
export type KeyAlgorithmChoice = 'rsa-2048' | 'rsa-3072' | 'rsa-4096' | 'ec-p256' | 'ec-p384';

/** PFX export profiles: the OpenSSL 3 default (AES-256, SHA-256 MAC) or 3DES/SHA-1 for older Windows. */
export type PfxProfile = 'modern' | 'compat';

/** Stages reported while generating a certificate. */
export type GenerationStage = 'generating-key' | 'building-certificate' | 'signing' | 'done';

/** A `keyCredentials` entry for the app registration's manifest (Microsoft Graph format). */
export interface KeyCredentialEntry {
  customKeyIdentifier: string;
  displayName: string;
  endDateTime: string;
  key: string;
  keyId: string;
  startDateTime: string;
  type: 'AsymmetricX509Cert';
  usage: 'Verify';
}

/** Result of passwordStrength(). */
export interface PasswordStrength {
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  feedback: string[];
}

/** Where a certificate held in memory came from. */
export type CertificateOrigin = 'pfx-file' | 'base64-text' | 'certificate-file' | 'generated';

/**
 * What the Certificates page and `gcw cert inspect` show: a PFX (opened from a file or its base64 text),
 * a public certificate file (.cer/.pem/.crt, no private key) or a certificate generated in this session.
 */
export interface CertificateView {
  origin: CertificateOrigin;
  /** The certificate the private key belongs to, else the leaf of the chain. */
  certificate: CertificateDetails;
  /** Leaf first, then its issuers, then unrelated certificates; who signed whom in issuedByIndex. */
  chain: ChainCertificate[];
  hasPrivateKey: boolean;
  /** Null when there is no private key. */
  keyMatchesCertificate: boolean | null;
  privateKey: KeyInfo | null;
  privateKeyCount: number;
  /** How the PFX is protected; null without a PFX (a certificate file, or a new certificate not exported yet). */
  protection: PfxProtection | null;
  /** Which password opened the PFX; null without a PFX. */
  passwordUsed: PasswordUsed | null;
  warnings: CertificateWarning[];
  /** Size of the PFX in bytes; null without a PFX. */
  pfxSize: number | null;
  /** Length of the one-line base64 of the PFX (what the connection form takes); null without a PFX. */
  base64Length: number | null;
}

/** A certificate main holds in memory for the Certificates page, by a random reference; no secret inside. */
export interface HeldCertificate {
  /** Random id of the entry in main's memory; it expires after 30 minutes without use. */
  ref: string;
  /** The file it came from (or was last exported to); null for a new or pasted certificate. */
  fileName: string | null;
  /** File name (without extension) offered for an export. */
  exportName: string;
  details: CertificateView;
}

/** What a connection profile takes from a certificate held in memory (facts only; the PFX stays in main). */
export interface CertificateHandoff {
  ref: string;
  thumbprintSha1: string;
  thumbprintSha256: string;
  subject: string;
  notAfter: string;
  fileName: string | null;
}
