import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, RecordRegular } from '@fluentui/react-icons';
import { wizardStepLabels, wizardSteps, type WizardStep } from '../../../shared/wizard';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  button: { justifyContent: 'flex-start', width: '100%', textAlign: 'left', minHeight: '40px' },
  label: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  status: { color: tokens.colorNeutralForeground2 },
  current: { color: tokens.colorNeutralForegroundOnBrand },
});

/** The wizard's steps: which one is on screen, which are done; any step can be opened. */
export function StepList({ current, done, onOpen }: { current: WizardStep; done: readonly WizardStep[]; onOpen: (step: WizardStep) => void }) {
  const styles = useStyles();
  return (
    <nav aria-label="Wizard steps">
      <ol className={styles.list}>
        {wizardSteps.map((step, i) => {
          const isCurrent = step === current;
          const isDone = done.includes(step);
          const Icon = isDone ? CheckmarkCircleFilled : isCurrent ? RecordRegular : CircleRegular;
          const status = isDone ? 'Done' : isCurrent ? 'In progress' : 'Not done';
          return (
            <li key={step} data-step={step} data-done={isDone ? 'true' : 'false'}>
              <Button
                className={styles.button}
                appearance={isCurrent ? 'primary' : 'subtle'}
                aria-current={isCurrent ? 'step' : undefined}
                icon={<Icon className={isDone && !isCurrent ? styles.done : undefined} aria-hidden />}
                onClick={() => onOpen(step)}
              >
                <span className={styles.label}>
                  <span>
                    {i + 1}. {wizardStepLabels[step]}
                  </span>
                  <Text size={200} className={mergeClasses(isCurrent ? styles.current : styles.status)}>
                    {status}
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
