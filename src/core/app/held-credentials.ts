import type { ProfileInput } from '../../shared/connections';
import { WorkbenchError } from '../errors';
import type { AppContext } from './context';

/** A profile input whose held credentials were put in, and what to do once it is saved. */
export interface ResolvedInput<T> {
  input: T;
  /** Call after a successful save: the held client secret is in the vault now, so main forgets its copy. */
  saved(): void;
}

/**
 * Put credentials held in main into a profile input: a certificate by `certificateRef` (Certificates page or wizard)
 * becomes its PFX, password and facts; a client secret by `heldSecretRef` (wizard) becomes `clientSecret`.
 * With `strict`, a held secret that is gone (the app restarted) is `wizard.secret_lost`; without it (validation), it is left out.
 */
export function withHeldCredentials<T extends ProfileInput>(
  ctx: AppContext,
  input: T,
  options: { strict: boolean },
): ResolvedInput<T> {
  if (input.auth === 'certificate') {
    if (!input.secrets.certificateRef) return { input, saved: () => undefined };
    const { certificateRef, ...secrets } = input.secrets;
    const held = ctx.certificates.takeForConnection(certificateRef);
    const h = held.handoff;
    return {
      input: {
        ...input,
        certificate: {
          thumbprintSha1: h.thumbprintSha1,
          thumbprintSha256: h.thumbprintSha256,
          subject: h.subject,
          notAfter: h.notAfter,
          fileName: h.fileName,
        },
        secrets: {
          ...secrets,
          pfx: secrets.pfx || held.pfxBase64,
          pfxPassword: secrets.pfxPassword || (held.password ?? undefined),
        },
      },
      saved: () => undefined,
    };
  }
  const { heldSecretRef, ...secrets } = input.secrets;
  if (!heldSecretRef) return { input, saved: () => undefined };
  if (secrets.clientSecret) return { input: { ...input, secrets }, saved: () => ctx.wizard.release(heldSecretRef) };
  const secret = ctx.wizard.heldSecret(heldSecretRef);
  if (secret === undefined) {
    if (!options.strict) return { input: { ...input, secrets }, saved: () => undefined };
    throw new WorkbenchError(
      'wizard.secret_lost',
      'The client secret typed in the wizard was kept in memory only, and the app has been restarted since. Type it again in the “Certificate or secret” step, then save.',
    );
  }
  return {
    input: { ...input, secrets: { ...secrets, clientSecret: secret } },
    saved: () => ctx.wizard.release(heldSecretRef),
  };
}
