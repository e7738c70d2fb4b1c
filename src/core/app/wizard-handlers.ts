import { type ProfileEntry } from '../../shared/connections';
import { profileInputSchema } from '../../shared/connections-schema';
import type { WizardSecretState, WizardView } from '../../shared/wizard';
import { WorkbenchError, isWorkbenchError } from '../errors';
import { buildChecklist } from '../wizard/checklist';
import { inputFromProfile } from '../wizard/profile-input';
import { requiredChecklistIds } from '../wizard/required-items';
import type { AppContext } from './context';
import type { HandlersFor } from './dispatcher';
import { withHeldCredentials } from './held-credentials';
import { statusOf } from './profile-status';

/** Handlers of the New connection wizard: its state in wizard.json (no secrets), held credentials and the checklist. */
export function wizardHandlers(ctx: AppContext): HandlersFor<'wizard'> {
  return {
    'wizard.get': () => wizardView(ctx),
    'wizard.save': ({ state }) => {
      const profile = state.profileId ? linkedProfile(ctx, state.profileId) : null;
      ctx.wizard.saveInput({ ...state, profileId: profile ? state.profileId : null });
      return wizardView(ctx);
    },
    'wizard.holdSecret': ({ clientSecret }) => {
      ctx.log.redactor.register(clientSecret);
      const entry = editableProfile(ctx);
      if (entry?.profile && entry.profile.auth !== 'certificate') {
        // The profile exists: the secret goes straight to the vault.
        ctx.profiles.update(
          entry.id,
          profileInputSchema.parse({ ...inputFromProfile(entry.profile), secrets: { clientSecret } }),
        );
        const ref = ctx.wizard.get().clientSecretRef;
        if (ref) ctx.wizard.release(ref);
      } else {
        ctx.wizard.hold(clientSecret);
      }
      return wizardView(ctx);
    },
    'wizard.useCertificate': ({ ref, source }) => {
      const previous = ctx.wizard.get().certificate?.ref;
      const handoff = ctx.certificates.handoff(ref);
      const { ref: _ref, ...facts } = handoff;
      ctx.wizard.setCertificate({ ...facts, source, ref });
      if (previous && previous !== ref) ctx.certificates.discard(previous);
      const entry = editableProfile(ctx);
      if (entry?.profile?.auth === 'certificate') {
        const input = profileInputSchema.parse({
          ...inputFromProfile(entry.profile),
          secrets: { certificateRef: ref },
        });
        const held = withHeldCredentials(ctx, input, { strict: true });
        ctx.profiles.update(entry.id, held.input);
      }
      return wizardView(ctx);
    },
    'wizard.checklist': (request) => buildChecklist(request),
    'wizard.reset': () => {
      const ref = ctx.wizard.get().certificate?.ref;
      if (ref) ctx.certificates.discard(ref);
      ctx.wizard.reset();
      ctx.log.info('Started the New connection wizard over');
      return wizardView(ctx);
    },
  };
}

/** The profile the wizard saved, or null when it is gone (deleted since). */
function linkedProfile(ctx: AppContext, id: string): ProfileEntry | null {
  try {
    return ctx.profiles.get(id);
  } catch (error) {
    if (isWorkbenchError(error) && error.code === 'profile.not_found') return null;
    throw error;
  }
}

function editableProfile(ctx: AppContext): ProfileEntry | null {
  const id = ctx.wizard.get().state.profileId;
  const entry = id ? linkedProfile(ctx, id) : null;
  if (entry && !entry.editable)
    throw new WorkbenchError(
      'profile.not_editable',
      `The profile “${entry.name}” cannot be edited any more. Start over, or fix it on the Connections page.`,
    );
  return entry;
}

function heldCertificate(ctx: AppContext, ref: string | null): boolean {
  if (!ref) return false;
  try {
    ctx.certificates.withPfx(ref);
    return true;
  } catch {
    return false;
  }
}

/** The wizard as the page shows it: its state, the certificate facts, where each secret is, and the saved profile. */
export function wizardView(ctx: AppContext): WizardView {
  const doc = ctx.wizard.get();
  let profile = doc.state.profileId ? linkedProfile(ctx, doc.state.profileId) : null;
  if (doc.state.profileId && !profile) {
    // The profile was deleted on the Connections page: the wizard saves a new one next time.
    ctx.wizard.saveInput({ ...doc.state, profileId: null });
    doc.state.profileId = null;
    profile = null;
  }
  const clientSecret: WizardSecretState =
    profile?.secrets.clientSecret === 'stored'
      ? 'stored'
      : doc.clientSecretRef
        ? ctx.wizard.heldSecret(doc.clientSecretRef) !== undefined
          ? 'held'
          : 'lost'
        : 'missing';
  const certificate: WizardSecretState =
    profile?.secrets.pfx === 'stored'
      ? 'stored'
      : doc.certificate
        ? heldCertificate(ctx, doc.certificate.ref)
          ? 'held'
          : 'lost'
        : 'missing';
  const facts = doc.certificate ? (({ ref: _ref, ...rest }) => rest)(doc.certificate) : null;
  const thumbprint =
    facts?.thumbprintSha1 ??
    (profile?.profile?.auth === 'certificate' ? (profile.profile.certificate?.thumbprintSha1 ?? '') : '');
  return {
    state: doc.state,
    certificate: facts,
    secrets: { clientSecret, certificate },
    refs: {
      clientSecret: clientSecret === 'held' ? doc.clientSecretRef : null,
      certificate: certificate === 'held' ? (doc.certificate?.ref ?? null) : null,
    },
    profile,
    status: profile ? statusOf(ctx, profile) : null,
    checklistRequired: requiredChecklistIds(doc.state, thumbprint),
    updatedAt: doc.updatedAt,
  };
}
