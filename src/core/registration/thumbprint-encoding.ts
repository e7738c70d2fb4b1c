import { createHash } from 'node:crypto';
import type { KeyIdentifierEncoding } from '../../shared/registration';

/** What a customKeyIdentifier stands for once its encoding is worked out. */
export interface DecodedKeyIdentifier {
  encoding: KeyIdentifierEncoding;
  sha1: string | null;
  sha256: string | null;
  /** Printable text the identifier decodes to, when it is a name rather than a thumbprint. */
  text: string | null;
}

const hex40 = /^[0-9A-Fa-f]{40}$/;
const hex64 = /^[0-9A-Fa-f]{64}$/;

/**
 * Read a customKeyIdentifier the way the evidence says tools write it (entra-facts §1.4): hex SHA-1 first (a
 * 40-character hex string is also valid base64), then base64 of the 20-byte SHA-1 (the documented manual edit),
 * base64 of a 32-byte SHA-256, base64 of the hex text itself, and last a free-text name.
 */
export function decodeKeyIdentifier(value: string | null): DecodedKeyIdentifier {
  if (value === null || value.trim() === '') return { encoding: 'absent', sha1: null, sha256: null, text: null };
  const v = value.trim();
  if (hex40.test(v)) return { encoding: 'hex-sha1', sha1: v.toUpperCase(), sha256: null, text: null };
  if (hex64.test(v)) return { encoding: 'hex-sha256', sha1: null, sha256: v.toUpperCase(), text: null };
  const bytes = strictBase64(v);
  if (!bytes) return { encoding: 'unreadable', sha1: null, sha256: null, text: null };
  if (bytes.length === 20)
    return { encoding: 'base64-sha1', sha1: bytes.toString('hex').toUpperCase(), sha256: null, text: null };
  if (bytes.length === 32)
    return { encoding: 'base64-sha256', sha1: null, sha256: bytes.toString('hex').toUpperCase(), text: null };
  const ascii = printableAscii(bytes);
  if (ascii !== null && hex40.test(ascii))
    return { encoding: 'base64-hex-text', sha1: ascii.toUpperCase(), sha256: null, text: ascii };
  if (ascii !== null && hex64.test(ascii))
    return { encoding: 'base64-hex-text', sha1: null, sha256: ascii.toUpperCase(), text: ascii };
  if (ascii !== null) return { encoding: 'text', sha1: null, sha256: null, text: ascii };
  return { encoding: 'unreadable', sha1: null, sha256: null, text: null };
}

/** Decode canonical base64 only (the text must round-trip), so random strings are not mistaken for bytes. */
export function strictBase64(value: string): Buffer | null {
  const compact = value.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  const bytes = Buffer.from(compact, 'base64');
  return bytes.toString('base64') === compact ? bytes : null;
}

/** SHA-1 and SHA-256 thumbprints (uppercase hex) of DER bytes. */
export function thumbprintsOf(der: Uint8Array): { sha1: string; sha256: string } {
  return {
    sha1: createHash('sha1').update(der).digest('hex').toUpperCase(),
    sha256: createHash('sha256').update(der).digest('hex').toUpperCase(),
  };
}

/** Thumbprints of a base64 `key` when it decodes to DER; null otherwise. */
export function keyThumbprints(keyBase64: string): { sha1: string; sha256: string } | null {
  const der = strictBase64(keyBase64);
  if (!der || der[0] !== 0x30 || der.length < 64) return null;
  return thumbprintsOf(der);
}

function printableAscii(bytes: Buffer): string | null {
  for (const b of bytes) if (b < 0x20 || b > 0x7e) return null;
  return bytes.toString('latin1');
}
