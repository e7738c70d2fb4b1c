import type { Profile, ProfileFile } from '../../shared/connections';
import { endpointsFor, type EnvironmentEndpoints } from '../connections/environments';
import { applicationCounterpart } from '../permissions/counterparts';
import { minimumScopes, triggerBaseScopes, triggerScopes, type ScopeChoice } from '../permissions/connector-scopes';
import type { VerifyCertificate, VerifyTarget } from './verify-target';

/** A saved profile or a profile file: both carry the fields a manifest is checked against. */
export type VerifiableProfile = Profile | ProfileFile;

/** What a profile alone does not say: the stored secret's first characters, the PFX's certificate, which tests are planned. */
export interface ProfileTargetOptions {
  /** The cloud; by default the profile's own (a Custom cloud without hosts falls back to the global admin center). */
  environment?: EnvironmentEndpoints;
  /** First three characters of the stored client secret; compared with passwordCredentials.hint. Never shown. */
  secretFirstChars?: string | null;
  /** When the secret expires; default the profile's own reminder date. */
  secretExpiresAt?: string | null;
  /** The PFX's certificate. Undefined: the thumbprints the profile remembers (no key check); null: none. */
  certificate?: VerifyCertificate | null;
  /** The Workbench's sign-in test will run, so http://localhost must be registered. Default false. */
  loopbackTest?: boolean;
  /** App-only access: true = asked for (the profile's application permissions, else the counterparts of its scopes); false = not; default = when the profile lists application permissions. */
  appOnly?: boolean;
  /** Judge dates against this moment (tests). */
  now?: Date;
}

/**
 * Map a connection profile onto what the verifier checks: delegated scopes, the option's documented minimum (a
 * "User.Read.All or User.Read" choice as an inner array, least-privileged last), trigger needs when the profile's
 * scopes include trigger scopes, application permissions for app-only access, tenancy and the loopback client.
 */
export function profileToVerifyTarget(profile: VerifiableProfile, options: ProfileTargetOptions = {}): VerifyTarget {
  const delegatedScopes = unique(profile.scopes.map((s) => s.trim()).filter(Boolean));
  const target: VerifyTarget = {
    auth: profile.auth,
    clientId: profile.clientId.trim(),
    tenant: profile.tenant.trim(),
    environment: options.environment ?? profileEnvironment(profile),
    delegatedScopes,
    requiredDelegated: minimumScopes[profile.auth].map(choiceItem),
    triggerDelegated: triggerNeeds(delegatedScopes),
    applicationPermissions: applicationPermissions(profile, delegatedScopes, options.appOnly),
    loopbackTest: options.loopbackTest ?? false,
    loopbackClient: 'confidential',
  };
  if (profile.auth === 'byo-app') {
    target.domain = profile.domain.trim();
    target.tenancy = profile.audience === 'multi-tenant' ? 'multi' : 'single';
  }
  if (profile.auth !== 'certificate') {
    target.secretFirstChars = options.secretFirstChars ?? null;
    target.secretExpiresAt = options.secretExpiresAt !== undefined ? options.secretExpiresAt : profile.secretExpiresAt;
  } else {
    target.certificate =
      options.certificate !== undefined ? options.certificate : rememberedCertificate(profile.certificate);
  }
  if (options.now) target.now = options.now;
  return target;
}

/** The endpoints of the profile's cloud; a Custom cloud without hosts still gets the global admin center for links. */
export function profileEnvironment(
  profile: Pick<VerifiableProfile, 'environment' | 'customHosts'>,
): EnvironmentEndpoints {
  if (profile.environment !== 'custom') return endpointsFor(profile.environment);
  return endpointsFor('custom', profile.customHosts ?? { loginHost: '', graphHost: '' });
}

/** A documented line as the verifier wants it: one scope, or the choice with the least-privileged option last. */
function choiceItem(choice: ScopeChoice): string | string[] {
  return choice.options.length === 1 ? choice.options[0] : [...choice.options].reverse();
}

/** Trigger scopes among the profile's scopes, plus what every trigger needs, when there are any. */
function triggerNeeds(scopes: string[]): Array<string | string[]> {
  const have = new Set(scopes.map((s) => s.toLowerCase()));
  const chosen = Object.values(triggerScopes).filter((c) => c.options.some((o) => have.has(o.toLowerCase())));
  if (chosen.length === 0) return [];
  return [...triggerBaseScopes.map(choiceItem), ...chosen.map(choiceItem)];
}

function applicationPermissions(
  profile: VerifiableProfile,
  delegated: string[],
  appOnly: boolean | undefined,
): string[] {
  const listed = unique(profile.appOnlyPermissions.map((s) => s.trim()).filter(Boolean));
  if (appOnly === false) return [];
  if (listed.length > 0 || appOnly === undefined) return listed;
  // App-only asked for without a list: the application form of each delegated scope (Files.Read → Files.Read.All).
  const out: string[] = [];
  for (const scope of delegated) {
    const counterpart = applicationCounterpart(scope);
    if (counterpart.kind === 'same-name') out.push(counterpart.permission.value);
    else if (counterpart.kind === 'none' && counterpart.suggestion) out.push(counterpart.suggestion.value);
  }
  return unique(out);
}

/** The certificate facts a profile keeps (thumbprints, end date): enough to find it among keyCredentials, not to check its key. */
function rememberedCertificate(
  ref: { thumbprintSha1: string; thumbprintSha256: string; notAfter: string } | null,
): VerifyCertificate | null {
  if (!ref || ref.thumbprintSha1.trim() === '') return null;
  return {
    derBase64: '',
    thumbprintSha1: ref.thumbprintSha1,
    thumbprintSha256: ref.thumbprintSha256,
    notBefore: '',
    notAfter: ref.notAfter,
    keyMatchesCertificate: null,
  };
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
