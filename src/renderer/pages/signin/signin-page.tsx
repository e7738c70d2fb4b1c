import { Button, Field, makeStyles, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { ErrorBar } from '../../components/error-bar';
import { Page } from '../../components/page';
import { useResult } from '../../lib/use-result';
import { workbench } from '../../lib/workbench';
import { ProfileTestPanel } from './profile-test-panel';
import { TestSettings } from './test-settings';
import { useProfileTests } from './use-profile-tests';
import { href, type Href } from '../../../shared/routes';

const useStyles = makeStyles({
  picker: { maxWidth: '520px' },
  empty: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
});

/** Sign-in tests: prove a profile works (delegated sign-in, app-only, admin consent, check connection, Graph probe). `?profile=<id>` picks the profile. */
export function SigninPage({ query, go }: { query: string; go: (to: Href) => void }) {
  const styles = useStyles();
  const profileId = new URLSearchParams(query).get('profile');
  const tests = useProfileTests(profileId);
  const { info, busy } = tests;
  const profiles = useResult(() => workbench().profiles.list({}), []);
  const prefs = useResult(() => workbench().signin.preferences({}), []);
  const usable = useMemo(() => (profiles.value ?? []).filter((p) => p.entry.profile !== null), [profiles.value]);

  return (
    <Page
      title="Sign-in tests"
      description="Prove a connection profile works before anyone relies on it: sign in through your browser, request an app-only token, grant admin consent, and see the permissions the tokens really carry."
    >
      <ErrorBar error={profiles.error ?? info.error} />
      {profiles.loading && !profiles.value ? (
        <Spinner label="Loading connection profiles…" />
      ) : usable.length === 0 ? (
        <div className={styles.empty}>
          <Text as="h2" size={500} weight="semibold">
            No connection profile to test
          </Text>
          <Text>
            Create a profile on the Connections page first: its client ID, tenant, cloud and secret or certificate are
            what the tests use.
          </Text>
          <Button appearance="primary" onClick={() => go(href('connections'))}>
            Go to Connections
          </Button>
        </div>
      ) : (
        <Field
          className={styles.picker}
          label="Connection profile"
          hint="The profile to test: its client ID, tenant, cloud and the secret or certificate stored for it."
        >
          <Select
            value={profileId ?? ''}
            disabled={busy}
            onChange={(_e, d) => go(href('signin', { profile: d.value || undefined }))}
          >
            <option value="">Choose a profile…</option>
            {usable.map((p) => (
              <option key={p.entry.id} value={p.entry.id}>
                {p.entry.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {profileId && info.value ? (
        <ProfileTestPanel tests={tests} />
      ) : profileId && info.loading ? (
        <Spinner label="Loading the profile…" />
      ) : null}
      {prefs.value ? <TestSettings prefs={prefs.value} onChange={prefs.setValue} /> : null}
    </Page>
  );
}
