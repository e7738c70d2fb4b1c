import { Button, Field, Input, makeStyles, Radio, RadioGroup, Switch, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ManagementStatus } from '../../../shared/contract/graph';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SignInChoice {
  client: { kind: 'graph-cli' } | { kind: 'own'; clientId: string };
  consent: boolean;
}

/** The management sign-in: which public client, whether to grant admin consent on create, and who is signed in now. */
export function ManagementSignIn(props: {
  status: ManagementStatus | null;
  creating: boolean;
  waiting: boolean;
  /** The last sign-in was cancelled (Cancel sign-in) before the browser answered. */
  cancelled: boolean;
  disabled: boolean;
  onSignIn: (choice: SignInChoice) => void;
  onCancel: () => void;
  onSignOut: () => void;
}) {
  const styles = useStyles();
  const [client, setClient] = useState<'graph-cli' | 'own'>('graph-cli');
  const [ownId, setOwnId] = useState('');
  const [consent, setConsent] = useState(true);
  const ownInvalid = client === 'own' && !GUID.test(ownId.trim());
  const { status } = props;
  return (
    <div className={styles.box} role="group" aria-labelledby="graph-signin-heading">
      <Text as="h4" weight="semibold" id="graph-signin-heading">
        1. Sign in for management
      </Text>
      <Text>
        An administrator signs in in the browser (PKCE, answer caught on this computer’s loopback address). Only the
        Microsoft Graph scopes the next step needs are asked for; the sign-in stays in memory for this session.
      </Text>
      <RadioGroup
        value={client}
        onChange={(_e, d) => setClient(d.value as 'graph-cli' | 'own')}
        aria-label="Management app"
      >
        <Radio
          value="graph-cli"
          label="Microsoft Graph Command Line Tools (Microsoft’s public client, where your tenant allows it)"
        />
        <Radio
          value="own"
          label="My own management app (a public client registered with the redirect URI http://localhost)"
        />
      </RadioGroup>
      {client === 'own' ? (
        <Field
          label="Management app client ID"
          required
          validationMessage={ownId && ownInvalid ? 'A client ID is a GUID, e.g. 0d1c2b3a-…' : undefined}
        >
          <Input className={styles.mono} value={ownId} spellCheck={false} onChange={(_e, d) => setOwnId(d.value)} />
        </Field>
      ) : null}
      {props.creating ? (
        <Switch
          checked={consent}
          onChange={(_e, d) => setConsent(d.checked)}
          label="Also grant admin consent when creating (asks for DelegatedPermissionGrant.ReadWrite.All and AppRoleAssignment.ReadWrite.All: Privileged Role Administrator or Global Administrator)"
        />
      ) : null}
      <div className={styles.row}>
        <Button
          appearance={status ? 'secondary' : 'primary'}
          disabled={props.disabled || ownInvalid}
          onClick={() =>
            props.onSignIn({
              client: client === 'own' ? { kind: 'own', clientId: ownId.trim() } : { kind: 'graph-cli' },
              consent: props.creating && consent,
            })
          }
        >
          {props.waiting
            ? 'Waiting for the browser…'
            : status || props.cancelled
              ? 'Sign in again'
              : 'Sign in for management'}
        </Button>
        {props.waiting ? (
          // Enabled while everything else waits: the admin may have closed the browser tab.
          <Button onClick={props.onCancel}>Cancel sign-in</Button>
        ) : null}
        {status ? (
          <Button disabled={props.disabled} onClick={props.onSignOut}>
            Sign out of management
          </Button>
        ) : null}
      </div>
      <div role="status" aria-live="polite" data-testid="graph-signin-status">
        {props.waiting ? (
          <Text>
            Opening the sign-in page in your browser: sign in there as an administrator (the Workbench waits up to 5
            minutes; closed the tab? Cancel sign-in).
          </Text>
        ) : null}
        {props.cancelled && !props.waiting ? (
          <Text>
            The management sign-in was cancelled; nothing was signed in or kept. Sign in again when you are ready.
          </Text>
        ) : null}
        {status && !props.waiting ? (
          <Text>
            Signed in for management as <strong>{status.account ?? 'an administrator'}</strong>
            {status.tenantId ? ` (tenant ${status.tenantId})` : ''}. Scopes: {status.scopes.join(', ')}.
          </Text>
        ) : null}
      </div>
    </div>
  );
}
