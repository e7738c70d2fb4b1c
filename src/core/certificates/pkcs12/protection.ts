import type { PfxEncryption, PfxMac, PfxProtection } from '../../../shared/certificates';
import { OID } from '../asn1/oids';
import { type EncryptionScheme, kdfLabel } from './algorithms';
import { HASH_SIZES } from './kdf';
import type { PfxMacData } from './structure';
import { thousands } from '../../../shared/wording';

const count = thousands;
const iterationsText = (n: number): string => `${count(n)} iteration${n === 1 ? '' : 's'}`;

/** Structured and readable description of one encryption. */
export function describeEncryption(target: PfxEncryption['target'], scheme: EncryptionScheme | null): PfxEncryption {
  if (!scheme)
    return {
      target,
      scheme: 'none',
      cipher: null,
      kdf: null,
      iterations: null,
      oid: null,
      description: 'not encrypted',
    };
  if (scheme.kind === 'pkcs12-pbe') {
    return {
      target,
      scheme: 'pkcs12-pbe',
      cipher: scheme.label,
      kdf: 'PKCS#12 KDF SHA-1',
      iterations: scheme.iterations,
      oid: scheme.oid,
      description: `${scheme.label} (PKCS#12 PBE, SHA-1), ${iterationsText(scheme.iterations)}`,
    };
  }
  const iterations = scheme.kdf.kind === 'pbkdf2' ? scheme.kdf.iterations : null;
  const kdf = kdfLabel(scheme.kdf);
  return {
    target,
    scheme: 'pbes2',
    cipher: scheme.cipher.label,
    kdf,
    iterations,
    oid: OID.pbes2,
    description: `PBES2 ${scheme.cipher.label}, ${kdf}${iterations === null ? '' : `, ${iterationsText(iterations)}`}`,
  };
}

/** Structured description of the MAC. */
export function describeMac(mac: PfxMacData | null): PfxMac | null {
  if (!mac) return null;
  const hash = HASH_SIZES[mac.hash].label;
  const algorithm = mac.kind === 'pbmac1' ? `PBMAC1 HMAC-${hash.replace('-', '')} (${kdfLabel(mac.kdf)})` : hash;
  return {
    algorithm,
    iterations: mac.iterations,
    saltLength: mac.kind === 'pbmac1' ? mac.kdf.salt.length : mac.salt.length,
    oid: mac.oid,
  };
}

/** What was found in the file, with where each bag came from. */
export interface ProtectionInput {
  mac: PfxMacData | null;
  certificateEncryption: Array<EncryptionScheme | null>;
  keyEncryption: Array<EncryptionScheme | null>;
  /** Producer quirks worked around while decrypting. */
  quirks?: string[];
  /** Encrypted parts without certificates (CRLs, secrets, shrouded keys' containers, nothing), with what they hold. */
  otherEncryption?: Array<{ holds: string; scheme: EncryptionScheme }>;
}

/** Build the readable summary, the legacy flag and its note. */
export function describeProtection(input: ProtectionInput): PfxProtection {
  const certs = dedupe(input.certificateEncryption.map((s) => describeEncryption('certificates', s)));
  const keys = dedupe(input.keyEncryption.map((s) => describeEncryption('private-key', s)));
  const mac = describeMac(input.mac);
  const others = dedupe(
    (input.otherEncryption ?? []).map((o) => ({ ...describeEncryption('other', o.scheme), holds: o.holds })),
  );
  const encryption = [...certs, ...keys, ...others];
  const anyEncrypted = encryption.some((e) => e.scheme !== 'none');
  const passwordProtected = anyEncrypted || mac !== null;

  const parts: string[] = [];
  const all = [...certs, ...keys];
  const same =
    certs.length <= 1 && keys.length <= 1 && all.length > 0 && all.every((e) => e.description === all[0]!.description);
  if (same && others.length === 0 && !(all[0]!.scheme !== 'none' && keys.length === 0))
    parts.push(all[0]!.scheme === 'none' ? 'not encrypted' : all[0]!.description);
  else {
    if (certs.length > 0) parts.push(`certificates ${certs.map((e) => e.description).join(' / ')}`);
    if (keys.length > 0) parts.push(`private key ${keys.map((e) => e.description).join(' / ')}`);
    for (const other of others) parts.push(`${other.holds} ${other.description}`);
  }
  parts.push(mac ? `MAC ${mac.algorithm}, ${iterationsText(mac.iterations)}` : 'no MAC');
  let summary = parts.join('; ');
  summary = summary.charAt(0).toUpperCase() + summary.slice(1);
  if (!passwordProtected) summary = `Not password protected (nothing encrypted, no MAC)`;
  const quirks = input.quirks ?? [];
  if (quirks.length > 0) summary += `. Opened with a workaround for the tool that made it: ${quirks.join('; ')}`;

  const reasons = legacyReasons(encryption, input);
  return {
    summary,
    passwordProtected,
    mac,
    encryption,
    legacy: reasons.length > 0,
    legacyNote:
      reasons.length > 0
        ? `Legacy protection: ${reasons.join('; ')}. Export it again with the modern profile (AES-256, SHA-256 MAC).`
        : null,
    quirks,
  };
}

function legacyReasons(encryption: PfxEncryption[], input: ProtectionInput): string[] {
  const reasons: string[] = [];
  const ciphers = new Set(encryption.map((e) => e.cipher).filter((c): c is string => c !== null));
  for (const cipher of ciphers) {
    if (cipher.startsWith('RC2') || cipher.startsWith('RC4'))
      reasons.push(`${cipher} encryption is weak, and OpenSSL 3 opens it only with -legacy`);
    else if (cipher.includes('DES'))
      reasons.push(`${cipher} is an old cipher (accepted by every Windows version, but weaker than AES)`);
  }
  if (encryption.some((e) => e.scheme === 'pkcs12-pbe') && !reasons.length) reasons.push('PKCS#12 PBE key derivation');
  if (input.mac && (input.mac.hash === 'sha1' || input.mac.hash === 'md5'))
    reasons.push(`the MAC uses ${HASH_SIZES[input.mac.hash].label}`);
  const anyEncrypted = encryption.some((e) => e.scheme !== 'none');
  if (!input.mac && anyEncrypted) reasons.push('there is no MAC, so changes to the file go unnoticed');
  if (input.keyEncryption.some((s) => s === null))
    reasons.push('the private key is not encrypted: anyone who has the file can use the key');
  return reasons;
}

function dedupe(list: PfxEncryption[]): PfxEncryption[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.holds ?? ''}|${e.description}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
