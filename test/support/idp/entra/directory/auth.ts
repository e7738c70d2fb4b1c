// Graph's bearer-token check for the directory endpoints (signature, audience, lifetime).
import type { HandlerContext } from '../context';
import { header } from '../context';
import { decodeJwt, verifySignature } from '../jwt';

/** The claims of a verified access token. */
export type JwtPayload = Record<string, unknown>;

/** The token's claims, or null when it is missing, forged, for another audience, or expired. */
export function verifiedClaims(ctx: HandlerContext): JwtPayload | null {
  const auth = header(ctx, 'authorization') ?? '';
  const jwt = auth.startsWith('Bearer ') ? decodeJwt(auth.slice(7)) : null;
  if (!jwt || !verifySignature(jwt, ctx.state.publicKey)) return null;
  const claims = jwt.payload as JwtPayload;
  const aud = String(claims.aud ?? '')
    .replace(/\/$/, '')
    .toLowerCase();
  if (!ctx.graphResources.has(aud)) return null;
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return null;
  return claims;
}
