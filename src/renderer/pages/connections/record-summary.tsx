import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ConnectionRecord } from '../../../shared/records';
import { formatDateTime } from '../../lib/dates';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(180px, max-content) 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  def: { margin: 0, wordBreak: 'break-word' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const consentColor = { granted: 'success', 'partly-granted': 'warning', 'not-verified': 'informative' } as const;

/** What the exported record will say, in short: consent, the last successful test and open findings. */
export function RecordSummary({ record }: { record: ConnectionRecord }) {
  const styles = useStyles();
  const v = record.verification;
  return (
    <dl className={styles.grid} data-testid="record-summary">
      <dt className={styles.term}>Consent status</dt>
      <dd className={styles.def}>
        <Badge appearance="tint" color={consentColor[record.consent.state]}>
          {record.consent.state === 'granted'
            ? 'Granted'
            : record.consent.state === 'partly-granted'
              ? 'Partly granted'
              : 'Not verified'}
        </Badge>{' '}
        <Text>{record.consent.summary}</Text>
      </dd>
      <dt className={styles.term}>Last successful test</dt>
      <dd className={styles.def}>
        <Text>
          {record.lastSuccessfulTest
            ? `${record.lastSuccessfulTest.test}, ${formatDateTime(record.lastSuccessfulTest.at)}: ${record.lastSuccessfulTest.summary}`
            : 'None yet.'}
        </Text>
      </dd>
      <dt className={styles.term}>Not proven yet</dt>
      <dd className={styles.def} data-testid="record-not-proven">
        {record.notProven.length === 0 ? (
          <Text>Nothing: the last test passed after the last edit, and the last manifest check found no errors.</Text>
        ) : (
          <ul className={styles.list}>
            {record.notProven.map((line) => (
              <li key={line}>
                <Text>{line}</Text>
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt className={styles.term}>Open findings</dt>
      <dd className={styles.def}>
        <Text>
          {v
            ? v.openFindings.length === 0
              ? 'None: the last manifest check found no errors or warnings.'
              : `${v.counts.error} error(s), ${v.counts.warning} warning(s) from the last verification.`
            : 'The manifest was not verified.'}
        </Text>
      </dd>
      {record.graphChanges && record.graphChanges.length > 0 ? (
        <>
          <dt className={styles.term}>Changes through Microsoft Graph</dt>
          <dd className={styles.def} data-testid="record-graph-changes">
            <ul className={styles.list}>
              {record.graphChanges.slice(0, 5).map((c) => (
                <li key={`${c.at}-${c.action}`}>
                  <Text>{`${formatDateTime(c.at)}: ${c.action}. ${c.result}`}</Text>
                </li>
              ))}
            </ul>
            {record.graphChanges.length > 5 ? (
              <Text>{`And ${record.graphChanges.length - 5} earlier; the exported record lists them all with every request.`}</Text>
            ) : null}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
