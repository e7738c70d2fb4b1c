import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { DelegatedClient } from '../../../shared/contract/signin';
import { ErrorBar } from '../../components/error-bar';
import { useResult } from '../../lib/use-result';
import { workbench } from '../../lib/workbench';
import { FailureCard } from '../signin/failure-card';
import { HistoryTable } from '../signin/history-table';
import { ProfileSummary } from '../signin/profile-summary';
import { ProgressSteps } from '../signin/progress-steps';
import { ResultCard } from '../signin/result-card';
import { TestActions, type TestHandlers } from '../signin/test-actions';
import { useSigninRun } from '../signin/use-signin-run';
import { NeedsProfile } from './needs-profile';
import type { StepProps } from './step-props';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/** Step 7: prove the saved profile works — delegated sign-in, app-only test where the option has one, admin consent and its link. */
export function TestStep(props: StepProps) {
  const { view, markDone, openStep } = props;
  const styles = useStyles();
  const profileId = view.state.profileId;
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const info = useResult(() => (profileId ? workbench().signin.profileInfo({ profileId }) : Promise.resolve({ ok: true as const, value: null })), [profileId, version]);
  const history = useResult(() => (profileId ? workbench().signin.history({ profileId }) : Promise.resolve({ ok: true as const, value: [] })), [profileId, version]);
  const { state, start, cancel } = useSigninRun(profileId, refresh);
  const passed = (history.value ?? []).some((e) => e.ok);
  props.beforeNext.current = null;

  useEffect(() => {
    if (passed) markDone('test');
  }, [passed, markDone]);

  if (!profileId) return <NeedsProfile what="The sign-in test" onOpen={() => openStep('details')} />;
  const on: TestHandlers = {
    delegated: (client: DelegatedClient) => void start('Delegated sign-in', () => workbench().signin.interactive({ profileId, client }), (outcome) => ({ kind: 'signin', outcome })),
    appOnly: (credential) => void start('App-only test', () => workbench().signin.appOnly({ profileId, credential }), (outcome) => ({ kind: 'signin', outcome })),
    consent: (v, verify) => void start('Admin consent', () => workbench().signin.adminConsent({ profileId, version: v, verify }), (outcome) => ({ kind: 'consent', outcome })),
    check: () => void start('Check connection', () => workbench().signin.checkConnection({ profileId }), (outcome) => ({ kind: 'signin', outcome })),
    probe: (target, token) => void start('Graph probe', () => workbench().signin.graphProbe({ profileId, target, token }), (outcome) => ({ kind: 'probe', outcome })),
    forget: () => void workbench().signin.forgetSignIn({ profileId }).then(refresh),
  };
  const busy = state.running !== null || Boolean(info.value?.running);
  const signInAgain = info.value ? () => on.delegated(info.value?.delegated[0] ?? 'public') : null;

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
        <>
          <ProfileSummary info={info.value} />
          <TestActions info={info.value} busy={busy} on={on} />
          {busy ? (
            <div className={styles.row}>
              <Button icon={<DismissRegular />} onClick={() => void cancel()}>
                Cancel the test
              </Button>
              <Text size={200}>Stops waiting for the browser and frees the loopback port.</Text>
            </div>
          ) : null}
          <ProgressSteps steps={state.steps} running={state.running} name={state.last} />
          {state.outcome ? <ResultCard key={state.outcome.outcome.runId} outcome={state.outcome} profileId={profileId} /> : null}
          {state.error ? <FailureCard key={`${state.last}-${state.error.code}`} error={state.error} profileId={profileId} testName={state.last} onSignInAgain={signInAgain} /> : null}
          <HistoryTable entries={history.value ?? []} onClear={() => void workbench().signin.clearHistory({ profileId }).then(refresh)} />
        </>
      ) : info.loading ? (
        <Spinner label="Loading the profile…" />
      ) : null}
    </div>
  );
}
