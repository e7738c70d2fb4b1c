import type { AuthenticationResult, ConfidentialClientApplication } from '@azure/msal-node';
import type { SignInResult } from '../../shared/signin';
import { WorkbenchError } from '../errors';
import { graphDefaultScope, isMultiTenantSegment } from './endpoints';
import { parseEntraError } from './entra-error';
import { type FlowEndpoint, buildResult, certificateFallbackCodes } from './flow-support';
import { fallbackNote } from './interactive-signin';
import { type CertificateForm, type ClientCredential, createMsalApp, validateEndpointInput } from './msal-factory';
import { looksLikeSecretId, type SigninErrorContext, toSigninError } from './signin-error';

/** Options of the app-only (client credentials) test. */
export interface AppOnlyOptions extends FlowEndpoint {
  credential: Exclude<ClientCredential, { kind: 'none' }>;
  /** Application permissions the profile needs (e.g. Sites.Read.All). */
  requiredPermissions?: string[];
  /** Scope to request; default `https://<graph host>/.default`. */
  scope?: string;
  /** For certificates: the first form to try (default SHA-256, then SHA-1). */
  certificateForm?: CertificateForm;
}

/** Refuse tenants that name no directory before any request is made. */
export function assertNamedTenant(tenant: string, what: string): void {
  if (isMultiTenantSegment(tenant)) {
    throw new WorkbenchError('signin.tenant_required', `${what} needs the customer's tenant, not "${tenant.trim()}".`, {
      hint: 'Put the Directory (tenant) ID or a verified domain (such as contoso.onmicrosoft.com) in the profile. "common" and "organizations" only work for user sign-in.',
      details: { tenant: tenant.trim() },
    });
  }
}

/** Client-credentials test: proves the secret or certificate is registered and valid, and shows the granted roles. */
export async function testAppOnly(o: AppOnlyOptions): Promise<SignInResult> {
  validateEndpointInput(o);
  assertNamedTenant(o.tenant, 'An app-only test');
  const ctx: SigninErrorContext = {
    flow: 'client-credentials',
    clientId: o.clientId,
    tenant: o.tenant,
    loginHost: o.loginHost,
    secretLooksLikeId: o.credential.kind === 'secret' && looksLikeSecretId(o.credential.secret),
    network: o.networkClient,
    logStart: o.networkClient.mark(),
  };
  const scope = o.scope ?? graphDefaultScope(o.graphHost);
  // A fresh app per attempt: msal caches tokens and throttling state per instance.
  const attempt = (form?: CertificateForm): Promise<AuthenticationResult> => {
    const app = createMsalApp({ ...o, ...(form ? { certificateForm: form } : {}) }) as ConfidentialClientApplication;
    return app.acquireTokenByClientCredential({ scopes: [scope], skipCache: true }).then((r) => {
      if (!r) throw new WorkbenchError('signin.unexpected', 'The identity provider returned no token.');
      return r;
    });
  };
  const finish = (result: AuthenticationResult, form: CertificateForm | null, notes: string[] = []) =>
    buildResult('client-credentials', result, {
      kind: 'application',
      required: o.requiredPermissions ?? [],
      certificateForm: form,
      notes,
      ...(o.includeAccessToken ? { includeAccessToken: true } : {}),
    });
  try {
    if (o.credential.kind === 'secret') return finish(await attempt(), null);
    const first = o.certificateForm ?? 'sha256';
    try {
      return finish(await attempt(first), first);
    } catch (err) {
      const aadsts = parseEntraError(err)?.aadsts ?? null;
      if (aadsts === null || !certificateFallbackCodes.includes(aadsts)) throw err;
      const other: CertificateForm = first === 'sha256' ? 'sha1' : 'sha256';
      try {
        return finish(await attempt(other), other, [fallbackNote(first, aadsts)]);
      } catch (second) {
        // Both forms refused: report the second refusal, it names the thumbprint the admin center shows.
        const mapped = toSigninError(second, ctx);
        throw new WorkbenchError(mapped.code, mapped.message, {
          ...(mapped.hint ? { hint: mapped.hint } : {}),
          details: { ...(mapped.details ?? {}), triedForms: `${first},${other}` },
          cause: second,
        });
      }
    }
  } catch (err) {
    throw toSigninError(err, ctx);
  }
}
