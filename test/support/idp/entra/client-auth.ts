// Client authentication at the emulator's token endpoint: secrets, certificate assertions, public clients.
import { type HandlerContext, header } from './context';
import { EntraError } from './errors';
import { decodeJwt, verifySignature } from './jwt';
import { thumbprints } from './state';
import type { EmulatorApp } from './types';

/** How the client proved itself: appidacr 0 (none), 1 (secret), 2 (certificate). */
export type AppIdAcr = '0' | '1' | '2';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Check the credential for a confidential or public request; returns appidacr or throws an EntraError. */
export function authenticateClient(
  ctx: HandlerContext,
  app: EmulatorApp,
  publicClient: boolean,
  tenantSegment: string,
): AppIdAcr {
  const form = ctx.form;
  const basic = parseBasic(header(ctx, 'authorization'));
  const secret = form.get('client_secret') ?? basic?.secret ?? null;
  const assertion = form.get('client_assertion');
  if (publicClient) {
    if (secret || assertion) {
      throw new EntraError(
        'invalid_client',
        700025,
        "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
        401,
      );
    }
    return '0';
  }
  if (!secret && !assertion) {
    throw new EntraError(
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      401,
    );
  }
  if (secret) return checkSecret(app, secret);
  if (form.get('client_assertion_type') !== ASSERTION_TYPE) {
    throw new EntraError(
      'invalid_request',
      90014,
      "The required field 'client_assertion_type' is missing from the credential.",
    );
  }
  return checkAssertion(ctx, app, assertion ?? '', tenantSegment);
}

function parseBasic(value: string | undefined): { id: string; secret: string } | null {
  if (!value?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(value.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

function checkSecret(app: EmulatorApp, presented: string): AppIdAcr {
  const match = (app.secrets ?? []).find((s) => s.value === presented);
  if (!match) {
    // Entra's text is the same whether the Secret ID or a wrong value was sent.
    throw new EntraError(
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
      401,
    );
  }
  if (match.expiresAt && match.expiresAt.getTime() < Date.now()) {
    throw new EntraError(
      'invalid_client',
      7000222,
      `The provided client secret keys for app '${app.clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
      401,
    );
  }
  return '1';
}

function checkAssertion(ctx: HandlerContext, app: EmulatorApp, assertion: string, tenantSegment: string): AppIdAcr {
  const jwt = decodeJwt(assertion);
  if (!jwt) throw new EntraError('invalid_client', 50027, 'JWT token is invalid or malformed.', 401);
  const alg = jwt.header.alg;
  if (alg !== 'RS256' && alg !== 'PS256')
    throw new EntraError('invalid_client', 50027, `JWT token uses an unsupported algorithm '${String(alg)}'.`, 401);
  const sha256 =
    typeof jwt.header['x5t#S256'] === 'string'
      ? Buffer.from(jwt.header['x5t#S256'], 'base64url').toString('hex').toUpperCase()
      : null;
  const sha1 =
    typeof jwt.header.x5t === 'string' ? Buffer.from(jwt.header.x5t, 'base64url').toString('hex').toUpperCase() : null;
  if (!sha256 && !sha1)
    throw new EntraError(
      'invalid_client',
      50027,
      'Invalid JWT header: no certificate thumbprint (x5t or x5t#S256) in the client assertion.',
      401,
    );
  const useSha256 = sha256 !== null && ctx.state.behaviour.acceptSha256Thumbprint !== false;
  const presented = useSha256 ? sha256 : (sha1 ?? sha256 ?? '');
  const cert = (app.certificates ?? []).find((c) => {
    const t = thumbprints(c.certPem);
    return useSha256 ? t.sha256 === presented : sha1 !== null && t.sha1 === presented;
  });
  if (!cert) {
    throw new EntraError(
      'invalid_client',
      700027,
      `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${presented}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.clientId}'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments if you are not using the global cloud.]`,
      401,
    );
  }
  if (!verifySignature(jwt, cert.certPem))
    throw new EntraError('invalid_client', 700027, 'Client assertion failed signature validation.', 401);
  const claims = jwt.payload;
  if (claims.iss !== app.clientId || claims.sub !== app.clientId) {
    throw new EntraError(
      'invalid_client',
      50027,
      'Invalid JWT token: the issuer and subject of the client assertion must be the client ID.',
      401,
    );
  }
  const accepted = [new URL(ctx.origin).host, ...ctx.aliasHosts].map((h) =>
    `https://${h}/${tenantSegment}/oauth2/v2.0/token`.toLowerCase(),
  );
  if (typeof claims.aud !== 'string' || !accepted.includes(claims.aud.toLowerCase())) {
    throw new EntraError(
      'invalid_client',
      50027,
      `Invalid JWT token: the audience '${String(claims.aud)}' of the client assertion is not this token endpoint.`,
      401,
    );
  }
  const now = Math.floor(Date.now() / 1000);
  if (
    typeof claims.exp !== 'number' ||
    claims.exp < now - 300 ||
    (typeof claims.nbf === 'number' && claims.nbf > now + 300)
  ) {
    throw new EntraError('invalid_client', 500133, 'Assertion is not within its valid time range.', 401);
  }
  return '2';
}
