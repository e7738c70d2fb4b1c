// A tiny fake of Microsoft Graph that checks the bearer token like Graph would (aud, exp, scp/roles): two read endpoints,
// and the app-registration endpoints of the in-memory directory (directory/).
import { type HandlerContext, header, sendJson } from './context';
import { handleDirectory } from './directory/routes';
import type { GraphDirectories } from './directory/directories';
import { decodeJwt, verifySignature } from './jwt';

const DRIVE_SCOPES = [
  'files.read',
  'files.readwrite',
  'files.read.all',
  'files.readwrite.all',
  'sites.read.all',
  'sites.readwrite.all',
];
const SITE_SCOPES = ['sites.read.all', 'sites.readwrite.all', 'sites.manage.all', 'sites.fullcontrol.all'];

function graphError(ctx: HandlerContext, status: number, code: string, message: string): void {
  ctx.log.error = code;
  sendJson(ctx, status, {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString(),
        'request-id': crypto.randomUUID(),
        'client-request-id': crypto.randomUUID(),
      },
    },
  });
}

/** GET /v1.0/me/drive and /v1.0/sites/root, and the directory endpoints. */
export function handleGraph(ctx: HandlerContext, directory?: GraphDirectories): void {
  const auth = header(ctx, 'authorization') ?? '';
  const jwt = auth.startsWith('Bearer ') ? decodeJwt(auth.slice(7)) : null;
  if (!jwt || !verifySignature(jwt, ctx.state.publicKey)) {
    return graphError(ctx, 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
  }
  const claims = jwt.payload;
  const aud = String(claims.aud ?? '')
    .replace(/\/$/, '')
    .toLowerCase();
  if (!ctx.graphResources.has(aud))
    return graphError(ctx, 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) {
    return graphError(ctx, 401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
  }
  if (directory) {
    let body: unknown;
    try {
      body = ctx.body.length ? JSON.parse(ctx.body.toString('utf8')) : null;
    } catch {
      return graphError(ctx, 400, 'BadRequest', 'Unable to read JSON request payload.');
    }
    if (handleDirectory(ctx, directory, claims, body)) return;
  }
  const scp = String(claims.scp ?? '')
    .toLowerCase()
    .split(' ')
    .filter(Boolean);
  const roles = (Array.isArray(claims.roles) ? claims.roles : []).map((r) => String(r).toLowerCase());
  const path = ctx.url.pathname.replace(/\/$/, '');
  if (path === '/v1.0/me/drive') {
    if (claims.idtyp === 'app')
      return graphError(ctx, 400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    if (!scp.some((s) => DRIVE_SCOPES.includes(s))) return graphError(ctx, 403, 'accessDenied', 'Access denied');
    return sendJson(ctx, 200, {
      id: 'b!emulatordrive',
      driveType: 'business',
      name: 'OneDrive',
      webUrl: 'https://contoso-my.sharepoint.com/personal/user/Documents',
      owner: { user: { displayName: claims.name, email: claims.upn } },
    });
  }
  if (path === '/v1.0/sites/root') {
    if (!scp.some((s) => SITE_SCOPES.includes(s)) && !roles.some((r) => SITE_SCOPES.includes(r))) {
      return graphError(ctx, 403, 'accessDenied', 'Either scp or roles claim need to be present in the token.');
    }
    return sendJson(ctx, 200, {
      id: 'contoso.sharepoint.com,1,2',
      name: 'root',
      displayName: 'Communication site',
      webUrl: 'https://contoso.sharepoint.com',
    });
  }
  graphError(ctx, 400, 'BadRequest', `Resource not found for the segment '${path.split('/').pop() ?? ''}'.`);
}
