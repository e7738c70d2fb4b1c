import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowResetRegular, ArrowRightRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EnvironmentInfo } from '../../../shared/contract/profiles';
import { wizardStepLabels, wizardSteps, type WizardDraft, type WizardStep } from '../../../shared/wizard';
import { orderedStepStates } from '../../../shared/wizard-steps';
import { ErrorBar } from '../../components/error-bar';
import { Page } from '../../components/page';
import { TransientDialog } from '../../components/transient-dialog';
import { NARROW_QUERY, useMediaQuery } from '../../lib/use-media';
import { workbench } from '../../lib/workbench';
import type { Draft } from '../connections/draft';
import type { FieldKit } from '../connections/field-kit';
import { fieldState, useFindings } from '../connections/use-findings';
import { CompactStepper } from './compact-stepper';
import { CredentialStep } from './credential-step';
import { DecideStep } from './decide-step';
import { DetailsStep } from './details-step';
import { FinishStep } from './finish-step';
import { RegisterStep } from './register-step';
import { presetScopes } from './preset-scopes';
import { ScopesStep } from './scopes-step';
import { StepList } from './step-list';
import type { StepProps } from './step-props';
import { TestStep } from './test-step';
import { useWizard } from './use-wizard';
import { VerifyStep } from './verify-step';
import { inputWithRefs, toFormDraft, wizardPatch } from './wizard-draft';
import { type Href } from '../../../shared/routes';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: '240px minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
  },
  layoutNarrow: { gridTemplateColumns: 'minmax(0, 1fr)', rowGap: tokens.spacingVerticalL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  footer: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexWrap: 'wrap',
    paddingTop: tokens.spacingVerticalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  spacer: { flexGrow: 1 },
  saved: { color: tokens.colorNeutralForeground2 },
});

const components: Record<WizardStep, (props: StepProps) => React.JSX.Element> = {
  decide: () => <></>,
  register: RegisterStep,
  credential: CredentialStep,
  scopes: ScopesStep,
  details: DetailsStep,
  verify: VerifyStep,
  test: TestStep,
  finish: FinishStep,
};

/** New connection: a step-by-step guide from choosing the option to a tested connection and its record; it can be left and resumed. */
export function WizardPage({ go }: { go: (to: Href) => void }) {
  const styles = useStyles();
  const { view, error, saving, update, act, flush } = useWizard();
  const [environments, setEnvironments] = useState<EnvironmentInfo[]>([]);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [confirmReset, setConfirmReset] = useState(false);
  const [moving, setMoving] = useState(false);
  // What Next does on the step shown (keep a typed secret, save the profile); the step sets it (useBeforeNext).
  const beforeNext = useRef<(() => Promise<boolean>) | null>(null);
  const setBeforeNext = useCallback((action: (() => Promise<boolean>) | null) => {
    beforeNext.current = action;
  }, []);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<WizardStep | null>(null);
  const narrow = useMediaQuery(NARROW_QUERY);

  useEffect(() => {
    void workbench()
      .profiles.environments({})
      .then((r) => r.ok && setEnvironments(r.value));
  }, []);

  const fresh = view !== null && view.updatedAt === null;
  useEffect(() => {
    // A new wizard starts in the cloud chosen under Settings.
    if (!fresh) return;
    void workbench()
      .settings.get({})
      .then((r) => {
        if (r.ok && r.value.defaultEnvironment !== 'office365')
          update((s) =>
            s.guide.environment ? s : { ...s, draft: { ...s.draft, environment: r.value.defaultEnvironment } },
          );
      });
  }, [fresh, update]);

  const auth = view?.state.auth ?? null;
  const step: WizardStep = view ? (auth ? view.state.step : 'decide') : 'decide';
  const wizardDraft = view?.state.draft ?? null;
  const certificate = view?.certificate ?? null;
  const profile = view?.profile ?? null;
  const formDraft = useMemo(
    () => (wizardDraft && auth ? toFormDraft({ draft: wizardDraft, certificate, profile }, auth) : null),
    [wizardDraft, certificate, profile, auth],
  );
  const certificateRef = view?.refs.certificate ?? null;
  const secretRef = view?.refs.clientSecret ?? null;
  const build = useCallback(
    (d: Draft) => inputWithRefs(d, { certificate: certificateRef, clientSecret: secretRef }),
    [certificateRef, secretRef],
  );
  const { findings, checking } = useFindings(formDraft, view?.state.profileId ?? null, 350, build);

  const setDraft = useCallback(
    (patch: Partial<WizardDraft>) => update((s) => ({ ...s, draft: { ...s.draft, ...patch } })),
    [update],
  );
  const markDone = useCallback(
    (s: WizardStep) => update((state) => (state.done.includes(s) ? state : { ...state, done: [...state.done, s] })),
    [update],
  );
  const openStep = useCallback((s: WizardStep) => update((state) => ({ ...state, step: s })), [update]);

  const kit: FieldKit | null = useMemo(
    () =>
      formDraft
        ? {
            draft: formDraft,
            set: (patch: Partial<Draft>, key: string) => {
              setDraft(wizardPatch(patch));
              setTouched((t) => (t.has(key) ? t : new Set([...t, key])));
            },
            show: (fields: string[], key: string) => fieldState(findings, fields, showAll || touched.has(key)),
            entry: view?.profile ?? null,
            environments,
          }
        : null,
    [formDraft, setDraft, findings, showAll, touched, view?.profile, environments],
  );

  useEffect(() => {
    // A new step takes focus on its heading (not on first load), for keyboard and screen-reader users.
    if (!view) return;
    if (shownStep.current !== null && shownStep.current !== step) heading.current?.focus();
    shownStep.current = step;
  }, [step, view]);

  if (!view) {
    return (
      <Page title="New connection">
        {error ? (
          <ErrorBar error={error} title="The wizard could not be opened" />
        ) : (
          <Spinner label="Opening the wizard…" />
        )}
      </Page>
    );
  }

  const index = wizardSteps.indexOf(step);
  const next = async () => {
    setMoving(true);
    try {
      if (beforeNext.current && !(await beforeNext.current())) return;
      if (step === 'decide' && auth) {
        const scopes = await presetScopes(auth, view.state);
        if (scopes) setDraft({ scopes });
      }
      const target = wizardSteps[index + 1];
      if (!target) return;
      // `done` lists the steps left with Next; what each step says comes from the evidence (stepStates).
      update((s) => ({ ...s, step: target, done: s.done.includes(step) ? s.done : [...s.done, step] }));
      await flush();
    } finally {
      setMoving(false);
    }
  };
  const back = () => {
    const target = wizardSteps[index - 1];
    if (target) openStep(target);
  };
  const steps = orderedStepStates(view, findings);
  const openFromList = (s: WizardStep) => (auth || s === 'decide' ? openStep(s) : undefined);
  const props: StepProps | null =
    auth && kit
      ? {
          view,
          auth,
          update,
          setDraft,
          act,
          kit,
          findings,
          environments,
          go,
          openStep,
          setBeforeNext,
          markDone,
          revealFindings: () => setShowAll(true),
        }
      : null;
  const Step = components[step];

  return (
    <Page
      title="New connection"
      description="From “I need a connection” to a tested connection and its record, step by step. Everything you type is kept: leave at any time and come back here to go on."
    >
      <ErrorBar error={error} />
      <div className={mergeClasses(styles.layout, narrow && styles.layoutNarrow)}>
        {narrow ? (
          <CompactStepper current={step} steps={steps} onOpen={openFromList} />
        ) : (
          <StepList current={step} steps={steps} onOpen={openFromList} />
        )}
        <div className={styles.content}>
          <section
            aria-labelledby="wizard-step-title"
            className={styles.content}
            data-testid={`wizard-step-${step}`}
            data-checking={checking ? 'true' : 'false'}
          >
            <Text as="h2" size={600} weight="semibold" id="wizard-step-title" tabIndex={-1} ref={heading}>
              Step {index + 1} of {wizardSteps.length}: {wizardStepLabels[step]}
            </Text>
            {step === 'decide' ? (
              <DecideStep state={view.state} environments={environments} onChange={(next) => update(() => next)} />
            ) : props ? (
              <Step {...props} />
            ) : (
              <Spinner label="Loading…" />
            )}
          </section>
          <div className={styles.footer}>
            <Button icon={<ArrowLeftRegular />} disabled={index === 0 || moving} onClick={back}>
              Back
            </Button>
            {step !== 'finish' ? (
              <Button
                appearance="primary"
                icon={<ArrowRightRegular />}
                iconPosition="after"
                disabled={(step === 'decide' && !auth) || moving}
                onClick={() => void next()}
              >
                {step === 'details'
                  ? 'Save and continue'
                  : step === 'verify' && view.status?.verification.state === 'not-verified'
                    ? 'Next (skip if not verified)'
                    : 'Next'}
              </Button>
            ) : null}
            {moving ? <Spinner size="tiny" label="Saving…" /> : null}
            <span className={styles.spacer} />
            <Text size={200} className={styles.saved} data-saving={saving}>
              {saving === 'pending' ? 'Keeping your changes…' : view.updatedAt ? 'Your answers are kept' : ''}
            </Text>
            <Button appearance="subtle" icon={<ArrowResetRegular />} onClick={() => setConfirmReset(true)}>
              Start over
            </Button>
          </div>
        </div>
      </div>
      <TransientDialog open={confirmReset} onOpenChange={(_e, d) => !d.open && setConfirmReset(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Start over?</DialogTitle>
            <DialogContent>
              Your answers, the fields typed in the wizard and any secret it holds in memory are forgotten.
              {view.profile ? ` The saved profile “${view.profile.name}” stays in Connections.` : ''}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirmReset(false);
                  setTouched(new Set());
                  setShowAll(false);
                  void act(() => workbench().wizard.reset({}));
                }}
              >
                Start over
              </Button>
              <Button onClick={() => setConfirmReset(false)}>Keep going</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </TransientDialog>
    </Page>
  );
}
