import {
  Badge,
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { SigninClientUsed, SigninHistoryEntry, SigninTestFlow } from '../../../shared/contract/signin';
import { formatDateTime } from '../../lib/dates';

const useStyles = makeStyles({
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM },
  when: { width: '190px' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  details: { width: '44%' },
});

/** Names of the tests as the page calls them. */
export const flowNames: Record<SigninTestFlow, string> = {
  interactive: 'Delegated sign-in',
  'public-client': 'Delegated sign-in (public client)',
  'client-credentials': 'App-only test',
  'admin-consent': 'Admin consent',
  refresh: 'Check connection',
  'graph-probe': 'Graph probe',
};

const clientNames: Record<SigninClientUsed, string> = {
  secret: 'client secret',
  certificate: 'certificate',
  none: '—',
};

/** The profile's last tests: when, which, with what credential, the outcome and what it proved (never a token). */
export function HistoryTable({ entries, onClear }: { entries: SigninHistoryEntry[]; onClear: () => void }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="signin-history">
      <div className={styles.head}>
        <Text as="h2" size={500} weight="semibold" id="signin-history">
          Test history
        </Text>
        {entries.length > 0 ? <Button onClick={onClear}>Clear history</Button> : null}
      </div>
      {entries.length === 0 ? (
        <Text as="p">
          No tests of this profile yet. Run one above; the last 20 are kept here (no tokens, no secrets).
        </Text>
      ) : (
        <Table aria-label="Test history of this profile" size="small" data-testid="signin-history">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.when}>When</TableHeaderCell>
              <TableHeaderCell>Test</TableHeaderCell>
              <TableHeaderCell>Credential</TableHeaderCell>
              <TableHeaderCell>Outcome</TableHeaderCell>
              <TableHeaderCell className={styles.details}>Details</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((e) => (
              <TableRow key={e.runId} data-ok={e.ok}>
                <TableCell>{formatDateTime(e.at)}</TableCell>
                <TableCell>{flowNames[e.flow]}</TableCell>
                <TableCell>{clientNames[e.client]}</TableCell>
                <TableCell>
                  <Badge
                    appearance="tint"
                    color={e.ok ? 'success' : e.code === 'signin.cancelled' ? 'informative' : 'danger'}
                  >
                    {e.ok
                      ? 'Passed'
                      : e.code === 'signin.cancelled'
                        ? 'Cancelled'
                        : e.aadsts
                          ? `AADSTS${e.aadsts}`
                          : (e.code ?? 'Failed')}
                  </Badge>
                </TableCell>
                <TableCell>
                  <Text size={200}>{e.summary}</Text>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
