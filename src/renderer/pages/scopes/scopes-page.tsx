import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { authKinds, authLabels, type AuthKind } from '../../../shared/connections';
import { Page } from '../../components/page';
import { ScopePicker } from './scope-picker';
import type { ScopeSelection } from './selection';

/** Scopes: the connector's checklists per option, any Graph permission by search, and the outputs for the connection and the manifest. */
export function ScopesPage() {
  const [auth, setAuth] = useState<AuthKind>('byo-app');
  const [selection, setSelection] = useState<ScopeSelection>({ delegated: [], application: [] });
  return (
    <Page
      title="Scopes"
      description="Pick the Microsoft Graph permissions for a connection. The connector signs a user in with every option, so its scopes are delegated permissions; add application permissions only for app-only access."
    >
      <Field label="Authentication option" hint="Each option documents its own minimum set. Changing the option starts again from its minimum.">
        <RadioGroup
          layout="horizontal"
          value={auth}
          onChange={(_e, d) => {
            const next = d.value as AuthKind;
            setAuth(next);
            setSelection({ delegated: [], application: [] });
          }}
        >
          {authKinds.map((k) => (
            <Radio key={k} value={k} label={authLabels[k]} />
          ))}
        </RadioGroup>
      </Field>
      <ScopePicker key={auth} auth={auth} value={selection} onChange={setSelection} startFromMinimum />
    </Page>
  );
}
