import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { ArrowRightRegular } from '@fluentui/react-icons';
import type { ProfileStatus, UnprovenItem } from '../../../shared/status';
import type { WizardStep } from '../../../shared/wizard';
import { StatusBadge } from '../../components/status-badge';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** The step that proves each kind of open item, and its button's words. */
const remedies: Record<UnprovenItem['key'], { step: WizardStep; action: string }> = {
  incomplete: { step: 'details', action: 'Open Profile details' },
  'profile-errors': { step: 'details', action: 'Open Profile details' },
  'not-verified': { step: 'verify', action: 'Verify the manifest' },
  'verification-errors': { step: 'verify', action: 'Verify the manifest again' },
  'verification-stale': { step: 'verify', action: 'Verify the manifest again' },
  'not-tested': { step: 'test', action: 'Run a sign-in test' },
  'test-failed': { step: 'test', action: 'Run a sign-in test again' },
  'changed-since-test': { step: 'test', action: 'Run a sign-in test again' },
  'permissions-missing': { step: 'test', action: 'Run a sign-in test again' },
};

/** Finish: what the evidence does not prove yet, each with a button to the step that proves it. */
export function ProofSection({ status, openStep }: { status: ProfileStatus; openStep: (step: WizardStep) => void }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="finish-proof" className={styles.section} data-testid="finish-proof">
      <div className={styles.head}>
        <Text as="h3" size={500} weight="semibold" id="finish-proof">
          {status.unproven.length === 0 ? 'Proven' : 'Not proven yet'}
        </Text>
        <StatusBadge status={status} />
      </div>
      {status.unproven.length === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>
            The last test passed after the last edit, and the last manifest check found no errors. The record says so
            too.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Text>
            The connection record lists these too, so nobody mistakes an untested connection for a working one.
          </Text>
          <ul className={styles.list}>
            {status.unproven.map((u) => (
              <li key={u.key} data-unproven={u.key}>
                <span className={styles.item}>
                  <Text>{u.text}</Text>
                  <Button
                    size="small"
                    icon={<ArrowRightRegular />}
                    iconPosition="after"
                    onClick={() => openStep(remedies[u.key].step)}
                  >
                    {remedies[u.key].action}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
