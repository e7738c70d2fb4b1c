import { Button, Field, makeStyles, Radio, RadioGroup, Select, Text, tokens } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { authKinds, authLabels, type AuthKind, type Profile } from '../../../shared/connections';
import { Page } from '../../components/page';
import { useResult } from '../../lib/use-result';
import { workbench } from '../../lib/workbench';
import { ScopePicker } from './scope-picker';
import type { ScopeSelection } from './selection';
import { href, type Href } from '../../../shared/routes';

const useStyles = makeStyles({
  from: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  select: { minWidth: '240px', maxWidth: '420px', flexGrow: 1 },
});

/** Scopes: the connector's checklists per option, any Graph permission by search, and the outputs for the connection and the manifest; `?profile=<id>` starts from a saved profile. */
export function ScopesPage({ query, go }: { query: string; go: (to: Href) => void }) {
  const styles = useStyles();
  const profileId = new URLSearchParams(query).get('profile');
  const profiles = useResult(() => workbench().profiles.list({}), []);
  const profile: Profile | null = profiles.value?.find((p) => p.entry.id === profileId)?.entry.profile ?? null;
  const [auth, setAuth] = useState<AuthKind>('byo-app');
  const [selection, setSelection] = useState<ScopeSelection>({ delegated: [], application: [] });
  const [loaded, setLoaded] = useState<string | null>(null);
  if (profile && loaded !== profile.id) {
    // Start from the saved profile: its option, scopes and application permissions.
    setLoaded(profile.id);
    setAuth(profile.auth);
    setSelection({ delegated: profile.scopes, application: profile.appOnlyPermissions });
  }
  const usable = (profiles.value ?? []).filter((p) => p.entry.profile !== null);
  return (
    <Page
      title="Scopes"
      description="Pick the Microsoft Graph permissions for a connection. The connector signs a user in with every option, so its scopes are delegated permissions; add application permissions only for app-only access."
    >
      {usable.length > 0 ? (
        <div className={styles.from}>
          <Field
            className={styles.select}
            label="Start from a saved connection"
            hint="Its option, scopes and application permissions; nothing is saved back until you edit the profile."
          >
            <Select
              value={profile?.id ?? ''}
              onChange={(_e, d) => go(href('scopes', { profile: d.value || undefined }))}
            >
              <option value="">None — start from an option’s minimum</option>
              {usable.map((p) => (
                <option key={p.entry.id} value={p.entry.id}>
                  {p.entry.name}
                </option>
              ))}
            </Select>
          </Field>
          {profile ? (
            <Button icon={<EditRegular />} onClick={() => go(href('connections', { edit: profile.id }))}>
              Edit {profile.name}
            </Button>
          ) : null}
        </div>
      ) : null}
      <Field
        label="Authentication option"
        hint="Each option documents its own minimum set. Changing the option starts again from its minimum."
      >
        <RadioGroup
          layout="horizontal"
          value={auth}
          onChange={(_e, d) => {
            setAuth(d.value as AuthKind);
            setSelection({ delegated: [], application: [] });
          }}
        >
          {authKinds.map((k) => (
            <Radio key={k} value={k} label={authLabels[k]} />
          ))}
        </RadioGroup>
      </Field>
      {profile && profile.auth === auth ? <Text>Showing the permissions of “{profile.name}”.</Text> : null}
      <ScopePicker
        key={`${auth}:${loaded ?? ''}`}
        auth={auth}
        value={selection}
        onChange={setSelection}
        startFromMinimum={!profile}
        environment={profile?.environment}
        customHosts={profile?.customHosts ?? null}
        app={profile ? { clientId: profile.clientId, name: profile.name } : undefined}
      />
    </Page>
  );
}
