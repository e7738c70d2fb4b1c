import { Button, Card, CardHeader, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ExpiryRow } from '../../../shared/connections';
import type { ProfileListItem } from '../../../shared/contract/profiles';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, formatDateTime } from '../../lib/dates';

const useStyles = makeStyles({
  card: { minWidth: 0 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0, textAlign: 'left' },
  meta: { color: tokens.colorNeutralForeground2 },
  stack: { display: 'flex', flexDirection: 'column', minWidth: 0 },
});

type Open = (profileId: string) => void;

/** The saved connections with their status badges, worst first. */
export function ConnectionsCard({ items, open, all }: { items: ProfileListItem[]; open: Open; all: () => void }) {
  const styles = useStyles();
  const rank = { danger: 0, warning: 1, informative: 2, success: 3 } as const;
  const shown = [...items].sort((a, b) => rank[a.status.headline.tone] - rank[b.status.headline.tone]).slice(0, 8);
  return (
    <Card className={styles.card} data-testid="dashboard-connections">
      <CardHeader
        header={
          <Text as="h2" size={500} weight="semibold">
            Connections ({items.length})
          </Text>
        }
        action={<Button onClick={all}>Open Connections</Button>}
      />
      <ul className={styles.list}>
        {shown.map((item) => (
          <li key={item.entry.id} className={styles.row} data-profile={item.entry.name}>
            <Link as="button" className={styles.name} onClick={() => open(item.entry.id)}>
              {item.entry.name}
            </Link>
            <StatusBadge status={item.status} />
          </li>
        ))}
      </ul>
      {items.length > shown.length ? (
        <Text className={styles.meta}>{items.length - shown.length} more in Connections.</Text>
      ) : null}
    </Card>
  );
}

/** The next certificate and secret expiries. */
export function ExpiriesCard({ rows, open }: { rows: ExpiryRow[]; open: Open }) {
  const styles = useStyles();
  const next = rows.slice(0, 5);
  return (
    <Card className={styles.card} data-testid="dashboard-expiries">
      <CardHeader
        header={
          <Text as="h2" size={500} weight="semibold">
            Next expiries
          </Text>
        }
      />
      {next.length === 0 ? (
        <Text>No certificate or secret dates are recorded yet.</Text>
      ) : (
        <ul className={styles.list}>
          {next.map((r) => (
            <li key={`${r.profileId}:${r.what}`} className={styles.row}>
              <span className={styles.stack}>
                <Link as="button" className={styles.name} onClick={() => open(r.profileId)}>
                  {r.profileName}
                </Link>
                <Text size={200} className={styles.meta}>
                  {r.what === 'certificate' ? 'Certificate' : 'Secret'}, {formatDate(r.expiresAt)}
                </Text>
              </span>
              <Text weight={r.status === 'ok' ? 'regular' : 'semibold'}>
                {r.status === 'expired' ? 'Expired' : `${r.daysLeft} day${r.daysLeft === 1 ? '' : 's'} left`}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

const testWords = { working: 'Passed', changed: 'Passed, then edited', failed: 'Failed', 'not-tested': '' } as const;

/** The newest sign-in tests, one per profile. */
export function TestsCard({ items, open }: { items: ProfileListItem[]; open: Open }) {
  const styles = useStyles();
  const tested = items
    .filter((i) => i.status.test.at)
    .sort((a, b) => (b.status.test.at ?? '').localeCompare(a.status.test.at ?? ''))
    .slice(0, 5);
  const untested = items.filter((i) => !i.status.test.at).length;
  return (
    <Card className={styles.card} data-testid="dashboard-tests">
      <CardHeader
        header={
          <Text as="h2" size={500} weight="semibold">
            Last tests
          </Text>
        }
      />
      {tested.length === 0 ? <Text>No sign-in test has run yet.</Text> : null}
      <ul className={styles.list}>
        {tested.map((i) => (
          <li key={i.entry.id} className={styles.row}>
            <span className={styles.stack}>
              <Link as="button" className={styles.name} onClick={() => open(i.entry.id)}>
                {i.entry.name}
              </Link>
              <Text size={200} className={styles.meta}>
                {i.status.test.name}, {formatDateTime(i.status.test.at)}
              </Text>
            </span>
            <Text weight="semibold">{testWords[i.status.test.state]}</Text>
          </li>
        ))}
      </ul>
      {untested > 0 ? (
        <Text className={styles.meta}>
          {untested === 1 ? '1 connection has' : `${untested} connections have`} never been tested.
        </Text>
      ) : null}
    </Card>
  );
}
