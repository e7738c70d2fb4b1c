// Minimal JWT signing and checking over node:crypto for the emulator (RS256 out; RS256 and PS256 in).
import { constants, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';

/** base64url of a buffer or string. */
export function b64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

/** Sign claims as an RS256 JWT. */
export function signJwt(claims: Record<string, unknown>, key: KeyObject, header: Record<string, unknown> = {}): string {
  const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', ...header }));
  const body = b64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${head}.${body}`), key);
  return `${head}.${body}.${b64url(signature)}`;
}

/** A decoded (not yet verified) JWT. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: Buffer;
  signature: Buffer;
}

/** Split and parse a JWT; null when it is not one. */
export function decodeJwt(token: string): DecodedJwt | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    return {
      header: JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>,
      payload: JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>,
      signingInput: Buffer.from(`${parts[0]}.${parts[1]}`),
      signature: Buffer.from(parts[2] ?? '', 'base64url'),
    };
  } catch {
    return null;
  }
}

/** Check an RS256 or PS256 signature with a public key or certificate PEM. */
export function verifySignature(jwt: DecodedJwt, keyOrCertPem: string | KeyObject): boolean {
  const key = typeof keyOrCertPem === 'string' ? createPublicKey(keyOrCertPem) : keyOrCertPem;
  if (jwt.header.alg === 'RS256') return verify('sha256', jwt.signingInput, key, jwt.signature);
  if (jwt.header.alg === 'PS256') {
    return verify(
      'sha256',
      jwt.signingInput,
      { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST },
      jwt.signature,
    );
  }
  return false;
}

/** A random identifier like Entra's `uti`. */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}
