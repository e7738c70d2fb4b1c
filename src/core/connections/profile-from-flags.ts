import {
  appAudiences,
  authKinds,
  authLabels,
  PROFILE_FILE_FORMAT,
  PROFILE_SCHEMA_VERSION,
  redirectUriFor,
  type AuthKind,
  type CertificateRef,
  type ProfileFile,
  type ProfileFinding,
} from '../../shared/connections';
import { profileFileSchema } from '../../shared/connections-schema';
import { environmentIds } from '../../shared/environments';
import { WorkbenchError } from '../errors';
import { scopeSet } from '../permissions/scope-set';
import { normalizeHost } from './formats';
import { validateProfile } from './validation/validate-profile';

/** The flags of `gcw profile new`. */
export interface ProfileFlags {
  auth: string;
  clientId?: string;
  tenant?: string;
  environment?: string;
  upn?: string;
  domain?: string;
  audience?: string;
  name?: string;
  notes?: string;
  /** Space- or comma-separated; the option's minimum set when left out. */
  scopes?: string | readonly string[];
  appOnlyPermissions?: string | readonly string[];
  loginHost?: string;
  graphHost?: string;
  secretExpiresAt?: string;
  /** A certificate profile's certificate facts (from its PFX; never the key): thumbprints, subject, expiry. */
  certificate?: CertificateRef | null;
}

function list(value: string | readonly string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = typeof value === 'string' ? value.split(/[\s,]+/) : value;
  return items.map((v) => v.trim()).filter(Boolean);
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new WorkbenchError('profile.invalid', `--${flag} must be one of ${allowed.join(', ')}; “${value}” is not.`, {
    details: { field: flag },
  });
}

/** `gcw profile new`: a profile file (no secrets) from flags, with its findings. Unknown --auth, --environment or --audience give `profile.invalid`. */
export function buildProfileFromFlags(
  flags: ProfileFlags,
  options: { now?: Date } = {},
): { file: ProfileFile; text: string; findings: ProfileFinding[] } {
  const auth: AuthKind = oneOf('auth', flags.auth, authKinds);
  const environment = oneOf('environment', flags.environment ?? 'office365', environmentIds);
  const now = (options.now ?? new Date()).toISOString();
  const tenant = flags.tenant?.trim() ?? (auth === 'client-credentials' ? 'common' : '');
  const clientId = flags.clientId?.trim() ?? '';
  const scopes = list(flags.scopes) ?? scopeSet({ auth }).scopes.map((s) => s.value);
  const custom =
    flags.loginHost !== undefined || flags.graphHost !== undefined
      ? { loginHost: normalizeHost(flags.loginHost ?? ''), graphHost: normalizeHost(flags.graphHost ?? '') }
      : null;
  const base = {
    format: PROFILE_FILE_FORMAT,
    schemaVersion: PROFILE_SCHEMA_VERSION,
    createdAt: now,
    name:
      flags.name?.trim() ||
      `${authLabels[auth]} – ${tenant && tenant !== 'common' ? tenant : clientId || 'new profile'}`,
    notes: flags.notes ?? '',
    environment,
    customHosts: custom,
    tenant,
    clientId,
    scopes,
    appOnlyPermissions: list(flags.appOnlyPermissions) ?? [],
    secretExpiresAt: flags.secretExpiresAt?.trim() || null,
  };
  const candidate =
    auth === 'certificate'
      ? { auth, ...base, upn: flags.upn?.trim() ?? '', certificate: flags.certificate ?? null }
      : auth === 'byo-app'
        ? {
            auth,
            ...base,
            audience: oneOf('audience', flags.audience ?? 'single-tenant', appAudiences),
            domain: flags.domain?.trim() ?? '',
            redirectUri: redirectUriFor(flags.domain ?? ''),
          }
        : { auth, ...base };
  const parsed = profileFileSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WorkbenchError(
      'profile.invalid',
      `A flag value cannot be stored (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}).`,
    );
  }
  const file = parsed.data;
  return { file, text: `${JSON.stringify(file, null, 2)}\n`, findings: validateProfile(file, { now: options.now }) };
}
