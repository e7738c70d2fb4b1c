import type { AuthKind, ProfileFinding } from '../../../shared/connections';
import type { EnvironmentInfo } from '../../../shared/contract/profiles';
import type { Result } from '../../../shared/result';
import type { WizardDraft, WizardInput, WizardStep, WizardView } from '../../../shared/wizard';
import type { FieldKit } from '../connections/field-kit';
import { type Href } from '../../../shared/routes';

/** What every step of the wizard gets from the page. */
export interface StepProps {
  view: WizardView;
  auth: AuthKind;
  /** Change the wizard's state (saved to main a moment later). */
  update: (change: (state: WizardInput) => WizardInput) => void;
  /** Change some of the profile fields. */
  setDraft: (patch: Partial<WizardDraft>) => void;
  /** Run a call that answers with the wizard (after saving what is pending). */
  act: (call: () => Promise<Result<WizardView>>) => Promise<WizardView | null>;
  /** The Connections form's field kit over the wizard's fields, with field-level findings. */
  kit: FieldKit;
  findings: ProfileFinding[];
  environments: EnvironmentInfo[];
  /** Navigate the app (another page). */
  go: (to: Href) => void;
  /** Open another step. */
  openStep: (step: WizardStep) => void;
  /** Set what the step does when Next is pressed (false keeps the step on screen); see useBeforeNext. */
  setBeforeNext: (action: (() => Promise<boolean>) | null) => void;
  markDone: (step: WizardStep) => void;
  /** Show every field's findings, touched or not (after a save). */
  revealFindings: () => void;
}
