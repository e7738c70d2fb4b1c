// The browser side of the emulator: /authorize, /adminconsent (v1 and v2), the login form and the consent page.
import { randomUUID } from 'node:crypto';
import { type HandlerContext, redirect, sendErrorPage, sendHtml } from './context';
import { EntraError, esc, page } from './errors';
import { consentPage, loginPage, needAdminPage } from './pages';
import { validateClient } from './registration';
import { randomId } from './jwt';
import type { Transaction } from './state';
import { clientInfo, parseScopes } from './tokens';
import type { EmulatorTenant, EmulatorUser } from './types';

/** GET /{tenant}/oauth2/v2.0/authorize */
export function handleAuthorize(ctx: HandlerContext, tenantSegment: string): void {
  const q = ctx.url.searchParams;
  const base = validateClient(ctx, tenantSegment, q.get('client_id'), q.get('redirect_uri'), false);
  if (!base) return;
  const responseMode = (q.get('response_mode') ?? 'query') as Transaction['responseMode'];
  const txn: Transaction = {
    id: randomId(),
    kind: 'authorize',
    ...base,
    responseMode: ['query', 'form_post', 'fragment'].includes(responseMode) ? responseMode : 'query',
    scopes: (q.get('scope') ?? '').split(/\s+/).filter(Boolean),
    ...opt('state', q.get('state')),
    ...opt('nonce', q.get('nonce')),
    ...opt('codeChallenge', q.get('code_challenge')),
    ...opt('codeChallengeMethod', q.get('code_challenge_method')),
    ...opt('loginHint', q.get('login_hint')),
    ...opt('prompt', q.get('prompt')),
  };
  if (q.get('response_type') !== 'code') {
    return finishWithError(ctx, txn, {
      error: 'unsupported_response_type',
      error_description: 'AADSTS700054: response_type is not enabled for the application.',
    });
  }
  if (txn.codeChallenge && txn.codeChallengeMethod && !['S256', 'plain'].includes(txn.codeChallengeMethod)) {
    return finishWithError(ctx, txn, {
      error: 'invalid_request',
      error_description: 'AADSTS501491: Invalid code challenge method.',
    });
  }
  try {
    parseScopes(txn.scopes.join(' '), ctx.graphResources);
  } catch (err) {
    if (err instanceof EntraError)
      return finishWithError(ctx, txn, { error: err.error, error_description: err.message });
    throw err;
  }
  ctx.state.transactions.set(txn.id, txn);
  sendHtml(ctx, 200, loginPage(txn));
}

/** GET /{tenant}/adminconsent (v1) and /{tenant}/v2.0/adminconsent (v2) */
export function handleAdminConsent(ctx: HandlerContext, tenantSegment: string, version: 'v1' | 'v2'): void {
  const q = ctx.url.searchParams;
  const base = validateClient(ctx, tenantSegment, q.get('client_id'), q.get('redirect_uri'), version === 'v1');
  if (!base) return;
  const scope = q.get('scope');
  if (version === 'v2' && !scope) {
    return sendErrorPage(
      ctx,
      new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'scope'."),
    );
  }
  const txn: Transaction = {
    id: randomId(),
    kind: version === 'v1' ? 'adminconsent-v1' : 'adminconsent-v2',
    ...base,
    responseMode: 'query',
    scopes: (scope ?? '').split(/\s+/).filter(Boolean),
    ...opt('state', q.get('state')),
  };
  ctx.state.transactions.set(txn.id, txn);
  sendHtml(ctx, 200, loginPage(txn));
}

/** POST /emulator/login: check the user, then ask for consent or finish. */
export function handleLogin(ctx: HandlerContext): void {
  const txn = ctx.state.transactions.get(ctx.form.get('txn') ?? '');
  if (!txn)
    return sendErrorPage(
      ctx,
      new EntraError('invalid_request', 90015, 'The sign-in session has expired. Start again.'),
    );
  const username = ctx.form.get('username') ?? '';
  const found = ctx.state.findUser(txn.tenant, username);
  if (!found) {
    const where = txn.tenant ? txn.tenant.tenantId : 'any directory';
    return sendHtml(
      ctx,
      200,
      loginPage(
        txn,
        `AADSTS50034: The user account ${username} does not exist in the ${where} directory. To sign into this application, the account must be added to the directory.`,
      ),
    );
  }
  if (found.user.password !== (ctx.form.get('password') ?? '')) {
    return sendHtml(
      ctx,
      200,
      loginPage(txn, 'AADSTS50126: Error validating credentials due to invalid username or password.'),
    );
  }
  txn.user = found.user;
  txn.userTenant = found.tenant;
  if (txn.kind !== 'authorize') {
    if (!found.user.isAdmin) return sendHtml(ctx, 200, needAdminPage(txn));
    return sendHtml(ctx, 200, consentPage(txn, requested(txn), true));
  }
  const wanted = requested(txn);
  const granted = ctx.state.delegatedGranted(found.tenant, found.user.upn, txn.app.clientId);
  const missing = wanted.filter((p) => !granted.has(p.toLowerCase()));
  if (missing.length === 0 && txn.prompt !== 'consent') return finishWithCode(ctx, txn, found.user, found.tenant);
  const blocked =
    found.tenant.userConsentAllowed === false || missing.some((p) => ctx.state.adminOnly(found.tenant, p));
  if (blocked && !found.user.isAdmin) return sendHtml(ctx, 200, needAdminPage(txn));
  sendHtml(ctx, 200, consentPage(txn, missing, false));
}

/** POST /emulator/consent: accept, decline, or return without consent. */
export function handleConsent(ctx: HandlerContext): void {
  const txn = ctx.state.transactions.get(ctx.form.get('txn') ?? '');
  if (!txn?.user || !txn.userTenant)
    return sendErrorPage(
      ctx,
      new EntraError('invalid_request', 90015, 'The sign-in session has expired. Start again.'),
    );
  const decision = ctx.form.get('decision');
  const { user, userTenant: tenant } = txn;
  if (txn.kind === 'authorize') {
    if (decision !== 'accept') {
      return finishWithError(ctx, txn, {
        error: 'access_denied',
        error_subcode: 'cancel',
        error_description: 'AADSTS65004: User declined to consent to access the app.',
      });
    }
    ctx.state.grantUser(tenant, user.upn, txn.app.clientId, requested(txn));
    return finishWithCode(ctx, txn, user, tenant);
  }
  ctx.state.transactions.delete(txn.id);
  if (decision === 'accept' && user.isAdmin) {
    ctx.state.grantAdmin(tenant, txn.app);
    const params: Record<string, string> =
      txn.kind === 'adminconsent-v1'
        ? { tenant: tenant.tenantId, admin_consent: 'True' }
        : { admin_consent: 'True', tenant: tenant.tenantId, scope: txn.scopes.join(' ') };
    if (txn.state !== undefined) params.state = txn.state;
    return redirect(ctx, withParams(txn.redirectUri, params, 'query'));
  }
  // Error shapes as documented for each endpoint (v2's includes admin_consent=True next to the error).
  const params: Record<string, string> =
    txn.kind === 'adminconsent-v1'
      ? { error: 'permission_denied', error_description: 'The admin canceled the request' }
      : {
          admin_consent: 'True',
          error: 'consent_required',
          error_description: 'AADSTS65004: User declined to consent to access the app.',
        };
  if (txn.state !== undefined) params.state = txn.state;
  redirect(ctx, withParams(txn.redirectUri, params, 'query'));
}

function opt<K extends string>(key: K, value: string | null): Partial<Record<K, string>> {
  return value === null ? {} : ({ [key]: value } as Record<K, string>);
}

function requested(txn: Transaction): string[] {
  const delegated = txn.app.requiredPermissions?.delegated ?? [];
  const application = txn.app.requiredPermissions?.application ?? [];
  if (txn.kind !== 'authorize') return [...delegated, ...application];
  const perms: string[] = [];
  for (const scope of txn.scopes) {
    const lower = scope.toLowerCase();
    if (['openid', 'profile', 'email', 'offline_access'].includes(lower)) continue;
    const perm = scope.slice(scope.lastIndexOf('/') + 1);
    if (perm === '.default') perms.push(...delegated);
    else perms.push(perm);
  }
  return [...new Set(perms)];
}

function finishWithCode(ctx: HandlerContext, txn: Transaction, user: EmulatorUser, tenant: EmulatorTenant): void {
  ctx.state.transactions.delete(txn.id);
  const code = randomId(32);
  ctx.state.codes.set(code, { txn, user, tenant, issuedAt: Date.now(), redeemed: false });
  const params: Record<string, string> = { code, client_info: clientInfo(user, tenant), session_state: randomUUID() };
  if (txn.state !== undefined) params.state = txn.state;
  respondToApp(ctx, txn, params);
}

function finishWithError(ctx: HandlerContext, txn: Transaction, params: Record<string, string>): void {
  ctx.state.transactions.delete(txn.id);
  ctx.log.error = params.error_description?.match(/^AADSTS\d+/)?.[0] ?? params.error;
  if (txn.state !== undefined) params.state = txn.state;
  respondToApp(ctx, txn, params);
}

function respondToApp(ctx: HandlerContext, txn: Transaction, params: Record<string, string>): void {
  if (txn.responseMode !== 'form_post') return redirect(ctx, withParams(txn.redirectUri, params, txn.responseMode));
  const inputs = Object.entries(params)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  sendHtml(
    ctx,
    200,
    page(
      'Working...',
      `<form method="POST" name="hiddenform" id="form-post" action="${esc(txn.redirectUri)}">${inputs}<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"></noscript></form>`,
      "document.getElementById('form-post').submit();",
    ),
  );
}

function withParams(uri: string, params: Record<string, string>, mode: 'query' | 'fragment'): string {
  const url = new URL(uri);
  if (mode === 'fragment') {
    url.hash = new URLSearchParams(params).toString();
    return url.toString();
  }
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}
