import type { AuthKind, ProfileInputDraft } from '../../../shared/connections';
import type { WizardDraft, WizardView } from '../../../shared/wizard';
import { emptyDraft, toInput, type Draft } from '../connections/draft';

const draftKeys: ReadonlyArray<keyof WizardDraft> = [
  'name',
  'notes',
  'clientId',
  'tenant',
  'environment',
  'loginHost',
  'graphHost',
  'secretExpiresAt',
  'scopes',
  'appOnlyPermissions',
  'upn',
  'audience',
  'domain',
];

/** What the form's draft is made of: the wizard's fields, its certificate and the profile it saved. */
export interface FormDraftParts {
  draft: WizardDraft;
  certificate: WizardView['certificate'];
  profile: WizardView['profile'];
}

/** The profile form's draft for the wizard's fields, so the Connections field components can be reused; secret inputs stay empty. */
export function toFormDraft({ draft: d, certificate, profile }: FormDraftParts, auth: AuthKind): Draft {
  const stored = profile?.profile?.auth === 'certificate' ? profile.profile.certificate : null;
  return { ...emptyDraft(auth, d.environment), ...d, certificate: certificate ? stripSource(certificate) : stored };
}

function stripSource(c: NonNullable<WizardView['certificate']>) {
  return {
    thumbprintSha1: c.thumbprintSha1,
    thumbprintSha256: c.thumbprintSha256,
    subject: c.subject,
    notAfter: c.notAfter,
    fileName: c.fileName,
  };
}

/** The wizard's part of a change the form components make (secret inputs are never taken). */
export function wizardPatch(patch: Partial<Draft>): Partial<WizardDraft> {
  const out: Partial<Record<keyof WizardDraft, unknown>> = {};
  for (const key of draftKeys) if (key in patch) out[key] = patch[key as keyof Draft];
  return out as Partial<WizardDraft>;
}

/** A form draft as profile input, with the credentials main holds by ref (a stored one is kept as it is). */
export function inputWithRefs(draft: Draft, refs: WizardView['refs']): ProfileInputDraft {
  const input = toInput(draft);
  if (input.auth === 'certificate')
    return { ...input, secrets: refs.certificate ? { certificateRef: refs.certificate } : {} };
  return { ...input, secrets: refs.clientSecret ? { heldSecretRef: refs.clientSecret } : {} };
}

/** The profile to save from the wizard. */
export function toProfileInput(view: WizardView, auth: AuthKind): ProfileInputDraft {
  return inputWithRefs(
    toFormDraft({ draft: view.state.draft, certificate: view.certificate, profile: view.profile }, auth),
    view.refs,
  );
}
