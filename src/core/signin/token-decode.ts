import type { ClientCredentialUsed, TokenClaimsSummary } from '../../shared/signin';
import { WorkbenchError } from '../errors';

/** A JWT's header and payload, decoded without checking the signature (for display only). */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

function part(text: string | undefined, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(text ?? '', 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the plain-language error
  }
  throw new WorkbenchError('signin.not_a_jwt', `The token's ${what} is not readable JSON.`, {
    hint: 'Paste the whole access token (three parts separated by dots, starting with eyJ). Some identity providers issue opaque tokens that cannot be decoded.',
  });
}

/** Split and parse a JWT. Microsoft says to treat Graph tokens as opaque: this is for diagnostics only. */
export function decodeJwt(token: string): DecodedJwt {
  const parts = token
    .trim()
    .replace(/^Bearer\s+/i, '')
    .split('.');
  if (parts.length !== 3 && parts.length !== 5) {
    throw new WorkbenchError('signin.not_a_jwt', 'This is not a JSON Web Token.', {
      hint: 'Paste the whole access token (three parts separated by dots, starting with eyJ). Some identity providers issue opaque tokens that cannot be decoded.',
    });
  }
  if (parts.length === 5)
    throw new WorkbenchError('signin.not_a_jwt', 'This token is encrypted (JWE) and cannot be read.', {
      hint: 'Only the API it was issued for can read it.',
    });
  return { header: part(parts[0], 'header'), payload: part(parts[1], 'payload') };
}

/** True when a string looks like a JWT. */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token.trim());
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value ? value : typeof value === 'number' ? String(value) : null;
}

function credentialUsed(acr: string | null): ClientCredentialUsed {
  if (acr === '0') return 'none (public client)';
  if (acr === '1') return 'client secret';
  if (acr === '2') return 'certificate';
  return 'unknown';
}

/** The claims that matter to an admin, from a decoded access token's payload. */
export function summarizeClaims(payload: Record<string, unknown>, now = new Date()): TokenClaimsSummary {
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [];
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
  const acr = str(payload.appidacr) ?? str(payload.azpacr);
  const exp = typeof payload.exp === 'number' ? payload.exp : null;
  // An exp no Date can hold (e.g. 1e20) is shown as an invalid date, never thrown as a RangeError.
  const expiry = exp === null ? null : new Date(exp * 1000);
  const expiryMs = expiry === null || Number.isNaN(expiry.getTime()) ? null : expiry.getTime();
  const idtyp = str(payload.idtyp);
  return {
    ver: str(payload.ver),
    aud: Array.isArray(payload.aud) ? payload.aud.join(' ') : str(payload.aud),
    iss: str(payload.iss),
    tid: str(payload.tid),
    appId: str(payload.appid) ?? str(payload.azp),
    appIdAcr: acr,
    credentialUsed: credentialUsed(acr),
    scopes,
    roles,
    user: str(payload.upn) ?? str(payload.preferred_username) ?? str(payload.unique_name),
    name: str(payload.name),
    idtyp,
    tokenKind:
      idtyp === 'app' || (idtyp === null && scopes.length === 0 && !payload.upn && !payload.preferred_username)
        ? 'app'
        : 'user',
    expiresAt: expiryMs === null ? null : new Date(expiryMs).toISOString(),
    minutesLeft: expiryMs === null ? null : Math.floor((expiryMs - now.getTime()) / 60_000),
  };
}

/** What `decodeToken` returns: the summary and every claim, plus the raw token only when asked. */
export interface TokenDecoding {
  header: Record<string, unknown>;
  claims: TokenClaimsSummary;
  /** All payload claims, for an advanced view. */
  payload: Record<string, unknown>;
  raw?: string;
}

/** Decode a token for display; the raw token is included only with `includeRaw`. */
export function decodeToken(token: string, options: { includeRaw?: boolean; now?: Date } = {}): TokenDecoding {
  const { header, payload } = decodeJwt(token);
  const out: TokenDecoding = { header, claims: summarizeClaims(payload, options.now), payload };
  if (options.includeRaw) out.raw = token.trim();
  return out;
}
