// The New connection wizard's state (what main keeps in wizard.json: never a secret) and its decision guide. The zod
// schemas are in wizard-schema.ts (main and core parse with them; the renderer never loads zod).
import { authLabels, type AuthKind, type CertificateRef, type ProfileEntry } from './connections';
import type { EnvironmentId } from './environments';
import type { WizardGuide, WizardInput } from './wizard-schema';
import type { ProfileStatus } from './status';

export type { WizardDraft, WizardGuide, WizardInput } from './wizard-schema';

/** The wizard's steps, in order. */
export const wizardSteps = [
  'decide',
  'register',
  'credential',
  'scopes',
  'details',
  'verify',
  'test',
  'finish',
] as const;

/** One step of the wizard. */
export type WizardStep = (typeof wizardSteps)[number];

/** What the step list calls each step. */
export const wizardStepLabels: Record<WizardStep, string> = {
  decide: 'Choose the option',
  register: 'Register the app',
  credential: 'Certificate or secret',
  scopes: 'Scopes',
  details: 'Profile details',
  verify: 'Verify (optional)',
  test: 'Sign-in test',
  finish: 'Finish',
};

/** A certificate the wizard uses: facts only; the PFX and its password are held in main by `ref`, or in the vault once the profile exists. */
export interface WizardCertificate extends CertificateRef {
  source: 'imported' | 'generated';
}

/** Where a secret of the wizard is: held in main's memory, stored in the vault with the profile, missing, or lost (typed before a restart and not saved). */
export type WizardSecretState = 'held' | 'stored' | 'missing' | 'lost';

/** The wizard as main keeps it, with where its secrets are and the profile it saved. */
export interface WizardView {
  state: WizardInput;
  certificate: WizardCertificate | null;
  secrets: { clientSecret: WizardSecretState; certificate: WizardSecretState };
  /** Refs of what main holds (not secrets: random ids valid this session), for profiles.create (`heldSecretRef`, `certificateRef`). */
  refs: { clientSecret: string | null; certificate: string | null };
  profile: ProfileEntry | null;
  /** What the evidence says about the saved profile (verification, last test), from the status model. */
  status: ProfileStatus | null;
  /** Ids of the app-registration checklist items the connection needs, for the option and what is entered. */
  checklistRequired: string[];
  updatedAt: string | null;
}

/** The option the guide recommends and why, in plain words. */
export interface Recommendation {
  auth: AuthKind;
  reasons: string[];
}

/** Recommend an option from the guide's answers; null until "who signs in" is answered. */
export function recommendOption(guide: WizardGuide): Recommendation | null {
  if (!guide.signsIn) return null;
  const reasons: string[] = [];
  let auth: AuthKind;
  if (guide.signsIn === 'person') {
    auth = 'byo-app';
    reasons.push(
      'People sign in with their own accounts in the browser: your own app registration sends them back to https://{your domain}/provisioning_/callback.',
    );
    if (guide.credential === 'certificate') {
      reasons.push(
        'This option proves the app with a client secret. If a certificate is a must, choose Client certificate instead: it signs in one account, given by its UPN.',
      );
    }
  } else if (guide.credential === 'secret') {
    auth = 'client-credentials';
    reasons.push(
      'A service account signs in unattended, and the app proves itself with a client secret: simple to set up, but the secret expires (at most 24 months) and must be renewed.',
    );
  } else {
    auth = 'certificate';
    reasons.push(
      'A service account signs in unattended, and the app proves itself with a certificate: Microsoft recommends certificates over secrets, and a certificate can live longer than a secret. The connection page takes the PFX (with its private key) and its password, so guard the PFX like a secret.',
    );
  }
  if (guide.triggers === 'yes')
    reasons.push(
      'Triggers need a sign-in that keeps refreshing (offline_access) and User.Read: the scopes step starts from the trigger set.',
    );
  if (guide.environment && guide.environment !== 'office365')
    reasons.push(
      `The checklist links to the ${cloudWords(guide.environment)} admin center and uses its sign-in and Graph hosts.`,
    );
  return { auth, reasons };
}

function cloudWords(environment: EnvironmentId): string {
  return environment === 'custom'
    ? 'your custom cloud’s'
    : environment === 'china'
      ? 'China (21Vianet)'
      : 'US Government';
}

/** "Client certificate (recommended)" for the option the guide recommends. */
export function optionLabel(auth: AuthKind, recommended: AuthKind | null): string {
  return recommended === auth ? `${authLabels[auth]} (recommended)` : authLabels[auth];
}
