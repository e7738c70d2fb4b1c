import type { AppAudience, AuthKind, CertificateRef, Profile, ProfileInputDraft } from '../../../shared/connections';
import type { EnvironmentId } from '../../../shared/environments';

/** Everything the profile form holds while the admin types; secrets stay here only until saved. */
export interface Draft {
  auth: AuthKind;
  name: string;
  notes: string;
  clientId: string;
  tenant: string;
  environment: EnvironmentId;
  loginHost: string;
  graphHost: string;
  secretExpiresAt: string;
  scopes: string;
  appOnlyPermissions: string;
  upn: string;
  certificate: CertificateRef | null;
  audience: AppAudience;
  domain: string;
  clientSecret: string;
  pfx: string;
  pfxFileName: string | null;
  pfxPassword: string;
}

/** The scopes each option starts with: the documented minimum with the least-privileged choice. */
const startingScopes: Record<AuthKind, string> = {
  certificate: 'User.Read Files.Read',
  'client-credentials': 'Files.Read',
  'byo-app': 'openid offline_access User.Read Files.Read',
};

/** An empty form for a new profile of an option. */
export function emptyDraft(auth: AuthKind, environment: EnvironmentId = 'office365'): Draft {
  return {
    auth,
    name: '',
    notes: '',
    clientId: '',
    tenant: auth === 'client-credentials' ? 'common' : '',
    environment,
    loginHost: '',
    graphHost: '',
    secretExpiresAt: '',
    scopes: startingScopes[auth],
    appOnlyPermissions: '',
    upn: '',
    certificate: null,
    audience: 'single-tenant',
    domain: '',
    clientSecret: '',
    pfx: '',
    pfxFileName: null,
    pfxPassword: '',
  };
}

/** The form for a stored profile; secret inputs start empty ("leave empty to keep"). */
export function draftFromProfile(profile: Profile): Draft {
  const base = emptyDraft(profile.auth, profile.environment);
  return {
    ...base,
    name: profile.name,
    notes: profile.notes,
    clientId: profile.clientId,
    tenant: profile.tenant,
    loginHost: profile.customHosts?.loginHost ?? '',
    graphHost: profile.customHosts?.graphHost ?? '',
    secretExpiresAt: profile.secretExpiresAt ? profile.secretExpiresAt.slice(0, 10) : '',
    scopes: profile.scopes.join(' '),
    appOnlyPermissions: profile.appOnlyPermissions.join(' '),
    ...(profile.auth === 'certificate' ? { upn: profile.upn, certificate: profile.certificate } : {}),
    ...(profile.auth === 'byo-app' ? { audience: profile.audience, domain: profile.domain } : {}),
  };
}

/** Split a scope field on spaces and commas. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** What the contract receives: empty secret inputs are left out so stored secrets are kept. */
export function toInput(draft: Draft): ProfileInputDraft {
  const common = {
    name: draft.name,
    notes: draft.notes,
    clientId: draft.clientId,
    tenant: draft.tenant,
    environment: draft.environment,
    customHosts: draft.environment === 'custom' ? { loginHost: draft.loginHost, graphHost: draft.graphHost } : null,
    secretExpiresAt: draft.secretExpiresAt.trim() === '' ? null : draft.secretExpiresAt,
    scopes: splitList(draft.scopes),
    appOnlyPermissions: splitList(draft.appOnlyPermissions),
  };
  const clientSecret = draft.clientSecret === '' ? {} : { clientSecret: draft.clientSecret };
  switch (draft.auth) {
    case 'certificate':
      return {
        auth: 'certificate',
        ...common,
        upn: draft.upn,
        certificate: draft.certificate,
        secrets: { ...(draft.pfx ? { pfx: draft.pfx } : {}), ...(draft.pfxPassword ? { pfxPassword: draft.pfxPassword } : {}) },
      };
    case 'client-credentials':
      return { auth: 'client-credentials', ...common, secrets: clientSecret };
    case 'byo-app':
      return { auth: 'byo-app', ...common, audience: draft.audience, domain: draft.domain, secrets: clientSecret };
  }
}
