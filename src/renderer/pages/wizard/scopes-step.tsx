import { Text } from '@fluentui/react-components';
import { useMemo } from 'react';
import { splitList } from '../connections/draft';
import { ScopePicker } from '../scopes/scope-picker';
import type { ScopeSelection } from '../scopes/selection';
import type { StepProps } from './step-props';

/** Step 4: the Microsoft Graph permissions — the option's minimum, what triggers add, the full set, or any permission. */
export function ScopesStep(props: StepProps) {
  const { view, auth, setDraft } = props;
  const d = view.state.draft;
  const value = useMemo<ScopeSelection>(
    () => ({ delegated: splitList(d.scopes), application: splitList(d.appOnlyPermissions) }),
    [d.scopes, d.appOnlyPermissions],
  );
  return (
    <>
      <Text>
        {auth === 'client-credentials'
          ? 'The connection page’s Scopes field takes delegated permissions. Add application permissions only if you also want the app-only test (client credentials grant).'
          : 'Delegated permissions the connection signs in with. Add application permissions only if you also want app-only access.'}{' '}
        The app-registration checklist (step 2) lists what you choose here.
      </Text>
      <ScopePicker
        auth={auth}
        value={value}
        onChange={(next) =>
          setDraft({ scopes: next.delegated.join(' '), appOnlyPermissions: next.application.join(' ') })
        }
        environment={d.environment}
        customHosts={d.environment === 'custom' ? { loginHost: d.loginHost, graphHost: d.graphHost } : null}
        startFromMinimum
        initialTab={view.state.guide.triggers === 'yes' ? 'triggers' : 'minimum'}
      />
    </>
  );
}
