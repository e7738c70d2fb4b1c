import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ErrorBar } from '../../components/error-bar';
import { StatusBadge, StatusFacts } from '../../components/status-badge';
import { useResult } from '../../lib/use-result';
import { workbench } from '../../lib/workbench';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** What the evidence says about a profile: the badge and every fact with its date (on the sheet). */
export function StatusSection({
  profileId,
  headingLevel,
  version = 0,
}: {
  profileId: string;
  headingLevel: 2 | 3;
  version?: number;
}) {
  const styles = useStyles();
  const details = useResult(() => workbench().profiles.get({ id: profileId }), [profileId], version);
  const status = details.value?.status;
  return (
    <section aria-labelledby="profile-status" className={styles.section} data-testid="status-section">
      <div className={styles.head}>
        <Text as={headingLevel === 2 ? 'h2' : 'h3'} size={500} weight="semibold" id="profile-status">
          Status
        </Text>
        {status ? <StatusBadge status={status} /> : null}
      </div>
      {status ? (
        <StatusFacts status={status} label="What is known about this connection" />
      ) : details.error ? (
        <ErrorBar error={details.error} />
      ) : (
        <Spinner size="tiny" label="Reading the status…" />
      )}
    </section>
  );
}
