import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircleFilled,
  CircleRegular,
  DismissCircleRegular,
  ErrorCircleRegular,
  RecordRegular,
} from '@fluentui/react-icons';
import type { StepState } from '../../../shared/wizard-steps';
import { wizardStepLabels, type WizardStep } from '../../../shared/wizard';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
  },
  button: { justifyContent: 'flex-start', width: '100%', textAlign: 'left', minHeight: '40px' },
  label: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  attention: { color: tokens.colorPaletteDarkOrangeForeground1 },
  status: { color: tokens.colorNeutralForeground2 },
  current: { color: tokens.colorNeutralForegroundOnBrand },
});

const icons = {
  done: CheckmarkCircleFilled,
  skipped: DismissCircleRegular,
  attention: ErrorCircleRegular,
  'not-started': CircleRegular,
} as const;

/** The wizard's steps, each saying what happened (Done, Skipped, Needs attention (n), Not started); any step can be opened. */
export function StepList({
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
          const Icon = isCurrent && s.state === 'not-started' ? RecordRegular : icons[s.state];
          const tone = isCurrent
            ? undefined
            : s.state === 'done'
              ? styles.done
              : s.state === 'attention'
                ? styles.attention
                : undefined;
          return (
            <li key={step} data-step={step} data-state={s.state}>
              <Button
                className={styles.button}
                appearance={isCurrent ? 'primary' : 'subtle'}
                aria-current={isCurrent ? 'step' : undefined}
                icon={<Icon className={tone} aria-hidden />}
                onClick={() => onOpen(step)}
              >
                <span className={styles.label}>
                  <span>
                    {i + 1}. {wizardStepLabels[step]}
                  </span>
                  <Text size={200} className={mergeClasses(isCurrent ? styles.current : styles.status)}>
                    {s.label}
                  </Text>
                </span>
              </Button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
