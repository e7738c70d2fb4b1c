import { Button, Field, makeStyles, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useCallback, useMemo, useState } from 'react';
import type { DelegatedClient } from '../../../shared/contract/signin';
import { ok } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { Page } from '../../components/page';
import { useResult } from '../../lib/use-result';
import { workbench } from '../../lib/workbench';
import { FailureCard } from './failure-card';
import { HistoryTable } from './history-table';
import { ProfileSummary } from './profile-summary';
import { ProgressSteps } from './progress-steps';
import { ResultCard } from './result-card';
import { TestActions, type TestHandlers } from './test-actions';
import { TestSettings } from './test-settings';
import { useSigninRun } from './use-signin-run';

const useStyles = makeStyles({
  picker: { maxWidth: '520px' },
  empty: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  running: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/** Sign-in tests: prove a profile works (delegated sign-in, app-only, admin consent, check connection, Graph probe). `?profile=<id>` picks the profile. */
export function SigninPage({ query, go }: { query: string; go: (target: string) => void }) {
  const styles = useStyles();
  const profileId = new URLSearchParams(query).get('profile');
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const profiles = useResult(() => workbench().profiles.list({}), []);
  const prefs = useResult(() => workbench().signin.preferences({}), []);
  const info = useResult(() => (profileId ? workbench().signin.profileInfo({ profileId }) : Promise.resolve(ok(null))), [profileId, version]);
  const history = useResult(() => (profileId ? workbench().signin.history({ profileId }) : Promise.resolve(ok([]))), [profileId, version]);
  const { state, start, cancel } = useSigninRun(profileId, refresh);
  const usable = useMemo(() => (profiles.value ?? []).filter((p) => p.entry.profile !== null), [profiles.value]);

  const on: TestHandlers | null = profileId
    ? {
        delegated: (client: DelegatedClient) => void start('Delegated sign-in', () => workbench().signin.interactive({ profileId, client }), (outcome) => ({ kind: 'signin', outcome })),
        appOnly: (credential) => void start('App-only test', () => workbench().signin.appOnly({ profileId, credential }), (outcome) => ({ kind: 'signin', outcome })),
        consent: (v, verify) => void start('Admin consent', () => workbench().signin.adminConsent({ profileId, version: v, verify }), (outcome) => ({ kind: 'consent', outcome })),
        check: () => void start('Check connection', () => workbench().signin.checkConnection({ profileId }), (outcome) => ({ kind: 'signin', outcome })),
        probe: (target, token) => void start('Graph probe', () => workbench().signin.graphProbe({ profileId, target, token }), (outcome) => ({ kind: 'probe', outcome })),
        forget: () => void workbench().signin.forgetSignIn({ profileId }).then(refresh),
      }
    : null;
  const busy = state.running !== null || Boolean(info.value?.running);
  const signInAgain = info.value && on ? () => on.delegated(info.value?.savedSignIn?.client === 'none' ? 'public' : (info.value?.delegated[0] ?? 'public')) : null;

  return (
    <Page title="Sign-in tests" description="Prove a connection profile works before anyone relies on it: sign in through your browser, request an app-only token, grant admin consent, and see the permissions the tokens really carry.">
      <ErrorBar error={profiles.error ?? info.error} />
      {profiles.loading && !profiles.value ? (
        <Spinner label="Loading connection profiles…" />
      ) : usable.length === 0 ? (
        <div className={styles.empty}>
          <Text as="h2" size={500} weight="semibold">
            No connection profile to test
          </Text>
          <Text>Create a profile on the Connections page first: its client ID, tenant, cloud and secret or certificate are what the tests use.</Text>
          <Button appearance="primary" onClick={() => go('connections')}>
            Go to Connections
          </Button>
        </div>
      ) : (
        <Field className={styles.picker} label="Connection profile" hint="The profile to test: its client ID, tenant, cloud and the secret or certificate stored for it.">
          <Select value={profileId ?? ''} disabled={busy} onChange={(_e, d) => go(d.value ? `signin?profile=${encodeURIComponent(d.value)}` : 'signin')}>
            <option value="">Choose a profile…</option>
            {usable.map((p) => (
              <option key={p.entry.id} value={p.entry.id}>
                {p.entry.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {profileId && info.value && on ? (
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
          {state.outcome ? <ResultCard key={state.outcome.outcome.runId} outcome={state.outcome} profileId={profileId} /> : null}
          {state.error ? <FailureCard key={`${state.last}-${state.error.code}-${String(state.error.details?.traceId ?? '')}`} error={state.error} profileId={profileId} testName={state.last} onSignInAgain={signInAgain} /> : null}
          <HistoryTable entries={history.value ?? []} onClear={() => void workbench().signin.clearHistory({ profileId }).then(refresh)} />
        </>
      ) : profileId && info.loading ? (
        <Spinner label="Loading the profile…" />
      ) : null}
      {prefs.value ? <TestSettings prefs={prefs.value} onChange={prefs.setValue} /> : null}
    </Page>
  );
}
