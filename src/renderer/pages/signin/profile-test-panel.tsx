import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { workbench } from '../../lib/workbench';
import { FailureCard } from './failure-card';
import { HistoryTable } from './history-table';
import { ProfileSummary } from './profile-summary';
import { ProgressSteps } from './progress-steps';
import { ResultCard } from './result-card';
import { TestActions } from './test-actions';
import type { ProfileTests } from './use-profile-tests';

const useStyles = makeStyles({
  running: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/** The tests of one profile: what it offers, the running test with Cancel, its progress, result or failure, and history. */
export function ProfileTestPanel({ tests }: { tests: ProfileTests }) {
  const styles = useStyles();
  const { profileId, info, history, state, cancel, refresh, on, busy, signInAgain } = tests;
  if (!profileId || !info.value || !on) return null;
  return (
    <>
      <ProfileSummary info={info.value} />
      <TestActions info={info.value} busy={busy} on={on} />
      {busy ? (
        <div className={styles.running}>
          <Button icon={<DismissRegular />} onClick={() => void cancel()}>
            Cancel the test
          </Button>
          <Text size={200}>Stops waiting for the browser and frees the loopback port.</Text>
        </div>
      ) : null}
      <ProgressSteps steps={state.steps} running={state.running} name={state.last} />
      {state.outcome ? (
        <ResultCard key={state.outcome.outcome.runId} outcome={state.outcome} profileId={profileId} />
      ) : null}
      {state.error ? (
        <FailureCard
          key={`${state.last}-${state.error.code}-${String(state.error.details?.traceId ?? '')}`}
          error={state.error}
          profileId={profileId}
          testName={state.last}
          onSignInAgain={signInAgain}
        />
      ) : null}
      <HistoryTable
        entries={history.value ?? []}
        onClear={() => void workbench().signin.clearHistory({ profileId }).then(refresh)}
      />
    </>
  );
}
