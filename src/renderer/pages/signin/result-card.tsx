import {
  Button,
  Card,
  CardHeader,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, EyeRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AppError } from '../../../shared/result';
import type { SignInResult, TokenClaimsSummary } from '../../../shared/signin';
import { ErrorBar } from '../../components/error-bar';
import { useReveal } from '../../lib/use-reveal';
import { workbench } from '../../lib/workbench';
import { PermissionTable } from './permission-table';
import type { TestOutcome } from './use-signin-run';
import { formatDateTime } from '../../lib/dates';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  claim: { width: '170px', fontFamily: tokens.fontFamilyMonospace },
  value: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  help: { color: tokens.colorNeutralForeground2 },
  token: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', fontSize: tokens.fontSizeBase200 },
});

/** The claims that matter, with what each means. */
function claimRows(c: TokenClaimsSummary): Array<[string, string, string]> {
  const app = c.roles.length > 0 || c.tokenKind === 'app';
  return [
    ['aud', c.aud ?? '—', 'Audience: the API the token is for (Microsoft Graph of this cloud).'],
    ['tid', c.tid ?? '—', 'Tenant ID the token was issued in.'],
    [c.ver === '2.0' ? 'azp' : 'appid', c.appId ?? '—', 'Application (client) ID that got the token.'],
    [
      c.ver === '2.0' ? 'azpacr' : 'appidacr',
      c.appIdAcr === null ? '—' : `${c.appIdAcr} — ${c.credentialUsed}`,
      'How the app proved itself: 0 public client, 1 client secret, 2 certificate.',
    ],
    app
      ? ['roles', c.roles.join(' ') || '(none)', 'Application permissions granted by admin consent.']
      : ['scp', c.scopes.join(' ') || '(none)', 'Delegated permissions the user (or an admin) consented to.'],
    ['upn', c.user ?? '—', 'The signed-in user (upn, preferred_username); empty for app-only tokens.'],
    [
      'exp',
      c.expiresAt
        ? `${formatDateTime(c.expiresAt)}${c.minutesLeft === null ? '' : ` (${c.minutesLeft} min left)`}`
        : '—',
      'When the access token expires; refresh tokens last longer.',
    ],
    ['ver', c.ver ?? '—', 'Token version (1.0 or 2.0), set by the API’s registration.'],
  ];
}

function headline(o: TestOutcome, result: SignInResult | null): string {
  if (o.kind === 'consent')
    return o.outcome.consent.verification ? 'Admin consent granted and verified' : 'Admin consent granted';
  if (o.kind === 'probe')
    return `Microsoft Graph answered GET /${o.outcome.probe.target} with HTTP ${o.outcome.probe.status}`;
  const user = result?.claims?.user ?? result?.account?.username;
  if (o.outcome.flow === 'client-credentials') return 'App-only token received';
  if (o.outcome.flow === 'refresh') return `The saved sign-in still works${user ? ` (${user})` : ''}`;
  return `Signed in${user ? ` as ${user}` : ''}`;
}

/** The result of a successful test: headline, claims, granted vs required permissions, notes, and the token only on request. */
export function ResultCard({ outcome, profileId }: { outcome: TestOutcome; profileId: string }) {
  const styles = useStyles();
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const result: SignInResult | null =
    outcome.kind === 'signin'
      ? outcome.outcome.result
      : outcome.kind === 'consent'
        ? outcome.outcome.consent.verification
        : null;
  const claims = outcome.kind === 'probe' ? outcome.outcome.claims : (result?.claims ?? null);
  const heading = useReveal<HTMLHeadingElement>();
  const reveal = async () => {
    if (token) return setToken(null);
    const r = await workbench().signin.revealAccessToken({ profileId });
    if (r.ok) setToken(r.value.accessToken);
    else setError(r.error);
  };
  return (
    <Card className={styles.card} aria-labelledby="signin-result-title" data-testid="signin-result">
      <CardHeader
        image={<CheckmarkCircleFilled className={styles.ok} fontSize={28} aria-hidden />}
        header={
          <Text as="h2" size={500} weight="semibold" id="signin-result-title" tabIndex={-1} ref={heading}>
            {headline(outcome, result)}
          </Text>
        }
        description={
          <Text
            className={styles.help}
          >{`Took ${(outcome.outcome.durationMs / 1000).toFixed(1)} s. The token itself is not shown or stored; only its claims are.`}</Text>
        }
      />
      {outcome.kind === 'consent' && outcome.outcome.consent.verificationNote ? (
        <MessageBar intent="warning">
          <MessageBarBody>{outcome.outcome.consent.verificationNote}</MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome.kind === 'probe' ? (
        <Text>
          {outcome.outcome.probe.name ? `${outcome.outcome.probe.name} — ` : ''}
          <span className={styles.value}>{outcome.outcome.probe.webUrl ?? outcome.outcome.probe.url}</span>
        </Text>
      ) : null}
      {claims ? (
        <Table aria-label="Token claims" size="small" data-testid="claims-table">
          <TableBody>
            {claimRows(claims).map(([name, value, help]) => (
              <TableRow key={name} data-claim={name}>
                <TableCell className={styles.claim}>{name}</TableCell>
                <TableCell>
                  <div>
                    <Text className={styles.value}>{value}</Text>
                  </div>
                  <Text size={200} className={styles.help}>
                    {help}
                  </Text>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : outcome.kind !== 'consent' ? (
        <Text>The access token is not a readable JWT, so its claims cannot be shown.</Text>
      ) : null}
      {result ? (
        <section aria-labelledby="signin-permissions">
          <Text as="h3" size={400} weight="semibold" id="signin-permissions">
            Permissions: required by the profile vs granted
          </Text>
          <PermissionTable permissions={result.permissions} />
        </section>
      ) : null}
      {result?.notes.length ? (
        <ul>
          {result.notes.map((n) => (
            <li key={n}>
              <Text>{n}</Text>
            </li>
          ))}
        </ul>
      ) : null}
      {outcome.kind === 'consent' && !outcome.outcome.consent.verification ? null : (
        <div>
          <Button icon={<EyeRegular />} onClick={() => void reveal()} aria-pressed={token !== null}>
            {token ? 'Hide access token' : 'Show access token'}
          </Button>
        </div>
      )}
      <ErrorBar error={error} />
      {token ? (
        <Text className={styles.token} data-testid="revealed-token">
          {token}
        </Text>
      ) : null}
    </Card>
  );
}
