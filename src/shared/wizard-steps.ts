// What each step of the New connection wizard says about itself, from what happened: Done, Skipped,
// Needs attention (n) or Not started. Verification and tests come from the status model (WizardView.status).
import type { ProfileFinding } from './connections';
import { wizardSteps, type WizardStep, type WizardView } from './wizard';

/** The four things a step can say. */
export type StepStateName = 'done' | 'skipped' | 'attention' | 'not-started';

/** A step's state, how many things need attention, and the words the step list shows. */
export interface StepState {
  state: StepStateName;
  count: number;
  label: string;
}

/** Which step shows a finding's field. */
export function stepOfField(field: string): WizardStep {
  if (field === 'scopes' || field === 'appOnlyPermissions') return 'scopes';
  if (field.startsWith('secrets.') || field.startsWith('certificate') || field === 'secretExpiresAt')
    return 'credential';
  return 'details';
}

function made(state: StepStateName, count = 0): StepState {
  const label =
    state === 'done'
      ? 'Done'
      : state === 'skipped'
        ? 'Skipped'
        : state === 'attention'
          ? `Needs attention (${count})`
          : 'Not started';
  return { state, count, label };
}

/** Done when nothing is open; Needs attention once the step was begun or left; else Not started. */
function judged(open: number, begun: boolean): StepState {
  if (open === 0 && begun) return made('done');
  return begun ? made('attention', Math.max(open, 1)) : made('not-started');
}

/** The state of every step: from the answers, the checklist ticks, the fields' findings, the saved profile and its status. */
export function stepStates(view: WizardView, findings: readonly ProfileFinding[]): Record<WizardStep, StepState> {
  const { state, secrets, status } = view;
  const left = (step: WizardStep) => state.done.includes(step);
  const errorsOf = (step: WizardStep) =>
    findings.filter((f) => f.severity === 'error' && stepOfField(f.field) === step).length;
  const d = state.draft;

  const unticked = view.checklistRequired.filter((id) => !state.checklistDone.includes(id)).length;
  const idProblems = (['clientId', 'tenant'] as const).filter(
    (k) => d[k].trim() === '' || findings.some((f) => f.severity === 'error' && f.field === k),
  ).length;
  const registerBegun = left('register') || state.checklistDone.length > 0 || d.clientId !== '' || d.tenant !== '';

  const secret = state.auth === 'certificate' ? secrets.certificate : secrets.clientSecret;
  const hasCredential = secret === 'held' || secret === 'stored';
  const credentialOpen = errorsOf('credential') + (hasCredential ? 0 : 1);

  const detailsOpen = errorsOf('details') + (state.profileId ? 0 : 1);

  const v = status?.verification;
  const verify =
    v?.state === 'errors'
      ? made('attention', v.errors)
      : v?.state === 'verified'
        ? v.changedSince
          ? made('attention', 1)
          : made('done')
        : state.verifySkipped || left('verify')
          ? made('skipped')
          : made('not-started');

  const t = status?.test;
  const test =
    t?.state === 'working'
      ? t.missing.length > 0
        ? made('attention', t.missing.length)
        : made('done')
      : t?.state === 'failed' || t?.state === 'changed'
        ? made('attention', 1)
        : left('test')
          ? made('skipped')
          : made('not-started');

  const unproven = status?.unproven.length ?? 1;
  const finishBegun = state.step === 'finish' || left('test');

  return {
    decide: state.auth ? made('done') : made('not-started'),
    register: judged(unticked + idProblems, registerBegun),
    credential: judged(credentialOpen, left('credential') || hasCredential || secret === 'lost'),
    scopes: judged(errorsOf('scopes'), left('scopes')),
    details: judged(detailsOpen, left('details') || state.profileId !== null),
    verify,
    test,
    finish: finishBegun ? (unproven === 0 ? made('done') : made('attention', unproven)) : made('not-started'),
  };
}

/** The steps in order with their states (for the step list and the compact stepper). */
export function orderedStepStates(
  view: WizardView,
  findings: readonly ProfileFinding[],
): Array<[WizardStep, StepState]> {
  const states = stepStates(view, findings);
  return wizardSteps.map((s) => [s, states[s]]);
}
