import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { AppOnlyCredential, DelegatedClient, SigninProfileInfo } from '../../../shared/contract/signin';
import type { GraphProbeTarget } from '../../../shared/signin';
import { AdminConsentLinkBox } from './consent-link';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  select: { width: '100%', minWidth: 0 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  help: { color: tokens.colorNeutralForeground2 },
});

/** What the page does when a test button is pressed. */
export interface TestHandlers {
  delegated: (client: DelegatedClient) => void;
  appOnly: (credential: AppOnlyCredential) => void;
  consent: (version: 'v1' | 'v2', verify: boolean) => void;
  check: () => void;
  probe: (target: GraphProbeTarget, token: 'delegated' | 'app-only') => void;
  forget: () => void;
}

const clientLabels: Record<DelegatedClient, string> = {
  secret: 'Web app, proving itself with the client secret',
  certificate: 'Web app, proving itself with the certificate',
  public: 'Public client (no credential)',
};

const credentialLabels: Record<AppOnlyCredential, string> = { secret: 'client secret', certificate: 'certificate' };

/** The buttons and options of every test the profile's option offers; while a test runs they stay focusable but inert. */
export function TestActions({ info, busy, on }: { info: SigninProfileInfo; busy: boolean; on: TestHandlers }) {
  const styles = useStyles();
  const [client, setClient] = useState<DelegatedClient>(info.delegated[0] ?? 'public');
  const [version, setVersion] = useState<'v1' | 'v2'>('v2');
  const [verify, setVerify] = useState(true);
  const [target, setTarget] = useState<GraphProbeTarget>('me/drive');
  const [token, setToken] = useState<'delegated' | 'app-only'>('delegated');
  // Another profile (or other ways its app may prove itself): start again from the first one it offers.
  const offered = `${info.profileId} ${info.delegated.join(' ')}`;
  const [clientFor, setClientFor] = useState(offered);
  if (clientFor !== offered) {
    setClientFor(offered);
    setClient(info.delegated[0] ?? 'public');
  }
  const own: AppOnlyCredential = info.auth === 'certificate' ? 'certificate' : 'secret';

  return (
    <div className={styles.grid}>
      <section className={styles.box} aria-labelledby="t-delegated">
        <Text as="h3" size={400} weight="semibold" id="t-delegated">
          Delegated sign-in
        </Text>
        <Field
          label="How the app proves itself"
          hint="Authorization code with PKCE in your browser; the answer comes back to a listener on this computer (http://localhost)."
        >
          <RadioGroup value={client} onChange={(_e, d) => setClient(d.value as DelegatedClient)}>
            {info.delegated.map((c) => (
              <Radio key={c} value={c} label={clientLabels[c]} />
            ))}
          </RadioGroup>
        </Field>
        <div className={styles.row}>
          <Button appearance="primary" disabledFocusable={busy} onClick={() => on.delegated(client)}>
            Sign in in the browser
          </Button>
        </div>
      </section>

      <section className={styles.box} aria-labelledby="t-apponly">
        <Text as="h3" size={400} weight="semibold" id="t-apponly">
          App-only test
        </Text>
        <Text size={200} className={styles.help}>
          The client-credentials grant with scope https://{info.graphHost}/.default: proves the credential is registered
          and valid, and shows the application permissions granted. Needs a named tenant.
        </Text>
        {info.appOnlyOffered ? (
          <div className={styles.row}>
            <Button disabled={!info.appOnly.includes(own)} disabledFocusable={busy} onClick={() => on.appOnly(own)}>
              App-only test with the {credentialLabels[own]}
            </Button>
          </div>
        ) : (
          <Text>This option has no app-only test: its connection always signs a user in.</Text>
        )}
      </section>

      <section className={styles.box} aria-labelledby="t-consent">
        <Text as="h3" size={400} weight="semibold" id="t-consent">
          Admin consent
        </Text>
        <Field
          label="Admin consent endpoint"
          hint="v2 grants every permission the app registration lists (scope …/.default); v1 is the older endpoint some tenants still need."
        >
          <RadioGroup layout="horizontal" value={version} onChange={(_e, d) => setVersion(d.value as 'v1' | 'v2')}>
            <Radio value="v2" label="v2 (default)" />
            <Radio value="v1" label="v1" />
          </RadioGroup>
        </Field>
        {info.appOnlyOffered ? (
          <Field hint="After consent, request an app-only token to show the application permissions it now carries.">
            <Checkbox
              checked={verify}
              onChange={(_e, d) => setVerify(d.checked === true)}
              label="Verify with an app-only token afterwards"
            />
          </Field>
        ) : null}
        <div className={styles.row}>
          <Button disabledFocusable={busy} onClick={() => on.consent(version, verify && info.appOnlyOffered)}>
            Grant admin consent in the browser
          </Button>
        </div>
        <AdminConsentLinkBox profileId={info.profileId} version={version} />
      </section>

      <section className={styles.box} aria-labelledby="t-check">
        <Text as="h3" size={400} weight="semibold" id="t-check">
          Check connection
        </Text>
        <Text size={200} className={styles.help}>
          Refreshes the saved sign-in without a browser, as the connection will. A revoked or expired one says why and
          asks for a new sign-in.
        </Text>
        <div className={styles.row}>
          <Button disabled={!info.savedSignIn} disabledFocusable={busy} onClick={on.check}>
            Check connection
          </Button>
          <Button disabled={!info.savedSignIn} disabledFocusable={busy} onClick={on.forget}>
            Forget saved sign-in
          </Button>
        </div>
      </section>

      <section className={styles.box} aria-labelledby="t-probe">
        <Text as="h3" size={400} weight="semibold" id="t-probe">
          Graph probe
        </Text>
        <Field label="Request" hint="A read-only Microsoft Graph request that confirms access.">
          <Select className={styles.select} value={target} onChange={(_e, d) => setTarget(d.value as GraphProbeTarget)}>
            <option value="me/drive">GET /me/drive (the user’s OneDrive)</option>
            <option value="sites/root">GET /sites/root (the root SharePoint site)</option>
          </Select>
        </Field>
        <Field
          label="Token"
          hint="The saved sign-in (delegated), or a new app-only token (needs Sites.Read.All; /me works only with a user)."
        >
          <Select
            className={styles.select}
            value={token}
            onChange={(_e, d) => setToken(d.value as 'delegated' | 'app-only')}
          >
            <option value="delegated">Saved sign-in (delegated)</option>
            {info.appOnly.length > 0 ? <option value="app-only">App-only token</option> : null}
          </Select>
        </Field>
        <div className={styles.row}>
          <Button
            disabled={token === 'delegated' && !info.savedSignIn}
            disabledFocusable={busy}
            onClick={() => on.probe(target, token)}
          >
            Run Graph probe
          </Button>
        </div>
      </section>
    </div>
  );
}
