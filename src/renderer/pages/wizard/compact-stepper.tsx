import { Button, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import type { StepState } from '../../../shared/wizard-steps';
import { wizardStepLabels, type WizardStep } from '../../../shared/wizard';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'center',
  },
  step: { minWidth: '44px', paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
  done: { color: tokens.colorPaletteGreenForeground1 },
  attention: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

const icons = { done: CheckmarkCircleFilled, skipped: DismissCircleRegular, attention: ErrorCircleRegular } as const;

/** The wizard's steps as a compact stepper for narrow windows: a numbered button per step, its state in its name and tooltip. */
export function CompactStepper({
  current,
  steps,
  onOpen,
}: {
  current: WizardStep;
  steps: Array<[WizardStep, StepState]>;
  onOpen: (step: WizardStep) => void;
}) {
  const styles = useStyles();
  return (
    <nav aria-label="Wizard steps">
      <ol className={styles.list}>
        {steps.map(([step, s], i) => {
          const isCurrent = step === current;
          const Icon = s.state === 'not-started' ? null : icons[s.state];
          const name = `${i + 1}. ${wizardStepLabels[step]} — ${s.label}`;
          const tone = isCurrent
            ? undefined
            : s.state === 'done'
              ? styles.done
              : s.state === 'attention'
                ? styles.attention
                : undefined;
          return (
            <li key={step} data-step={step} data-state={s.state}>
              <Tooltip content={name} relationship="label">
                <Button
                  className={styles.step}
                  size="small"
                  appearance={isCurrent ? 'primary' : 'subtle'}
                  aria-current={isCurrent ? 'step' : undefined}
                  icon={Icon ? <Icon className={tone} aria-hidden /> : undefined}
                  onClick={() => onOpen(step)}
                >
                  {i + 1}
                </Button>
              </Tooltip>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
