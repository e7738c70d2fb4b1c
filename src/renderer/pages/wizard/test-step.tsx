import { makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { ErrorBar } from '../../components/error-bar';
import { ProfileTestPanel } from '../signin/profile-test-panel';
import { useProfileTests } from '../signin/use-profile-tests';
import { NeedsProfile } from './needs-profile';
import type { StepProps } from './step-props';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** Step 7: prove the saved profile works — delegated sign-in, app-only test where the option has one, admin consent and its link. */
export function TestStep(props: StepProps) {
  const { view, markDone, openStep } = props;
  const styles = useStyles();
  const profileId = view.state.profileId;
  const tests = useProfileTests(profileId);
  const { info, history } = tests;
  const passed = (history.value ?? []).some((e) => e.ok);
  props.beforeNext.current = null;

  useEffect(() => {
    if (passed) markDone('test');
  }, [passed, markDone]);

  if (!profileId) return <NeedsProfile what="The sign-in test" onOpen={() => openStep('details')} />;
  return (
    <div className={styles.group}>
      <Text>
        Sign in through your browser as the connection will, request an app-only token where the option has one, or grant admin consent. Each test shows the permissions the token really carries; the connection record lists the last successful one. The sign-in test
        needs http://localhost registered as a Web redirect URI (checklist, step 2).
      </Text>
      <ErrorBar error={info.error ?? history.error} />
      {passed ? (
        <MessageBar intent="success">
          <MessageBarBody>A test passed: the connection works. Press Next for the connection sheet and the record — or run more tests first.</MessageBarBody>
        </MessageBar>
      ) : null}
      {info.value ? (
        <ProfileTestPanel tests={tests} />
      ) : info.loading ? (
        <Spinner label="Loading the profile…" />
      ) : null}
    </div>
  );
}
