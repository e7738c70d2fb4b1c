import { makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { authLabels } from '../../../shared/connections';
import type { SigninProfileInfo } from '../../../shared/contract/signin';
import { environmentLabels } from '../../../shared/environments';
import { CopyButton } from '../../components/copy-button';
import { workbench } from '../../lib/workbench';
import { formatDateTime } from '../../lib/dates';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: '200px 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    alignItems: 'start',
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  def: {
    margin: 0,
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    flexWrap: 'wrap',
    minWidth: 0,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  help: { color: tokens.colorNeutralForeground2 },
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The profile's identity and the redirect URIs its tests need registered, each with its platform. */
export function ProfileSummary({ info }: { info: SigninProfileInfo }) {
  const styles = useStyles();
  const copy = (text: string) => () => workbench().clipboard.copyText({ text });
  const confidential = info.delegated.some((d) => d !== 'public');
  return (
    <section className={styles.box} aria-labelledby="signin-profile">
      <Text as="h2" size={500} weight="semibold" id="signin-profile">
        {info.profileName}
      </Text>
      <dl className={styles.grid}>
        <dt className={styles.term}>Option</dt>
        <dd className={styles.def}>{authLabels[info.auth]}</dd>
        <dt className={styles.term}>Environment</dt>
        <dd className={styles.def}>
          {environmentLabels[info.environment]}{' '}
          <span className={styles.mono}>
            ({info.loginHost}, Graph {info.graphHost})
          </span>
        </dd>
        <dt className={styles.term}>Tenant</dt>
        <dd className={styles.def}>
          <span className={styles.mono}>{info.tenant || '(empty)'}</span>
        </dd>
        <dt className={styles.term}>Client ID</dt>
        <dd className={styles.def}>
          <span className={styles.mono}>{info.clientId || '(empty)'}</span>
          {info.clientId ? <CopyButton label="client ID" copy={copy(info.clientId)} /> : null}
        </dd>
        {info.upn ? (
          <>
            <dt className={styles.term}>Account (login hint)</dt>
            <dd className={styles.def}>{info.upn}</dd>
          </>
        ) : null}
        <dt className={styles.term}>Redirect URI to register</dt>
        <dd className={styles.def} data-testid="redirect-to-register">
          <span className={styles.mono}>{info.redirects.confidential.uri}</span>
          <CopyButton label="redirect URI" copy={copy(info.redirects.confidential.uri)} />
          <Text size={200} className={styles.help}>
            {confidential
              ? `Platform “${info.redirects.confidential.platform}” for tests with the secret or certificate; `
              : ''}
            platform “{info.redirects.publicClient.platform}” for the public-client test. The port is chosen at test
            time and ignored by Entra.
          </Text>
        </dd>
        <dt className={styles.term}>Saved sign-in</dt>
        <dd className={styles.def}>
          {info.savedSignIn
            ? `${info.savedSignIn.account ?? 'An account'} (${info.savedSignIn.client === 'none' ? 'public client' : info.savedSignIn.client}), saved ${formatDateTime(info.savedSignIn.savedAt)}; kept encrypted in the OS keychain.`
            : 'None yet: a delegated sign-in keeps one (encrypted) for “Check connection”.'}
        </dd>
      </dl>
      {info.remarks.map((r) => (
        <MessageBar key={r} intent="info">
          <MessageBarBody>{r}</MessageBarBody>
        </MessageBar>
      ))}
    </section>
  );
}
