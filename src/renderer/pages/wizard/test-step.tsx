import { makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { ErrorBar } from '../../components/error-bar';
import { formatDateTime } from '../../lib/dates';
import { workbench } from '../../lib/workbench';
import { ProfileTestPanel } from '../signin/profile-test-panel';
import { useProfileTests } from '../signin/use-profile-tests';
import { NeedsProfile } from './needs-profile';
import type { StepProps } from './step-props';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** Step 7: prove the saved profile works — delegated sign-in, app-only test where the option has one, admin consent and its link. */
export function TestStep(props: StepProps) {
  const { view, act, openStep } = props;
  const styles = useStyles();
  const profileId = view.state.profileId;
  const tests = useProfileTests(profileId);
  const { info, history } = tests;
  const newest = history.value?.[0]?.runId ?? null;
  const t = view.status?.test;

  useEffect(() => {
    // A finished test changes what the evidence says: fetch the wizard's status again.
    if (newest) void act(() => workbench().wizard.get({}));
  }, [newest, act]);

  if (!profileId) return <NeedsProfile what="The sign-in test" onOpen={() => openStep('details')} />;
  return (
    <div className={styles.group}>
      <Text>
        Sign in through your browser as the connection will, request an app-only token where the option has one, or
        grant admin consent. Each test shows the permissions the token really carries; the connection record lists the
        last successful one. The sign-in test needs http://localhost registered as a Web redirect URI (checklist, step
        2).
      </Text>
      <ErrorBar error={info.error ?? history.error} />
      {t?.state === 'working' && t.missing.length === 0 ? (
        <MessageBar intent="success" data-testid="test-step-status">
          <MessageBarBody>
            The last test passed ({t.name}, {formatDateTime(t.at)}). Press Next for the connection sheet and the record
            — or run more tests first.
          </MessageBarBody>
        </MessageBar>
      ) : t?.state === 'working' ? (
        <MessageBar intent="warning" data-testid="test-step-status">
          <MessageBarBody>
            The last test signed in, but its token lacks {t.missing.join(', ')}: grant{' '}
            {t.missing.length === 1 ? 'it' : 'them'} and test again.
          </MessageBarBody>
        </MessageBar>
      ) : t?.state === 'changed' ? (
        <MessageBar intent="warning" data-testid="test-step-status">
          <MessageBarBody>
            The profile was edited after the last successful test ({formatDateTime(t.at)}): run a test again to prove
            the change.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {info.value ? <ProfileTestPanel tests={tests} /> : info.loading ? <Spinner label="Loading the profile…" /> : null}
    </div>
  );
}
