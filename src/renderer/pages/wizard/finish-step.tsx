import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { ErrorBar } from '../../components/error-bar';
import { useResult } from '../../lib/use-result';
import { workbench } from '../../lib/workbench';
import { ConnectionSheetBody } from '../connections/connection-sheet';
import { RecordSection } from '../connections/record-section';
import { NeedsProfile } from './needs-profile';
import { ProofSection } from './proof-section';
import type { StepProps } from './step-props';
import { href } from '../../../shared/routes';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Finish: the connection sheet to fill the connection page from, and the connection record to export for the change ticket. */
export function FinishStep(props: StepProps) {
  const { view, openStep, go } = props;
  const styles = useStyles();
  const profileId = view.state.profileId;
  const sheet = useResult(
    () =>
      profileId
        ? workbench().profiles.connectionSheet({ id: profileId })
        : Promise.resolve({ ok: true as const, value: null }),
    [profileId],
  );
  if (!profileId) return <NeedsProfile what="The connection sheet" onOpen={() => openStep('details')} />;

  return (
    <div className={styles.group}>
      {view.status ? <ProofSection status={view.status} openStep={openStep} /> : null}
      <section aria-labelledby="finish-sheet" className={styles.section}>
        <Text as="h3" size={500} weight="semibold" id="finish-sheet">
          Connection sheet
        </Text>
        <Text as="p" block>
          Fill the connection page with these, in this order. Secrets are copied only when you click, and cleared from
          the clipboard afterwards.
        </Text>
        {sheet.value ? (
          <ConnectionSheetBody id={profileId} sheet={sheet.value} headingLevel={3} />
        ) : sheet.error ? (
          <ErrorBar error={sheet.error} />
        ) : (
          <Spinner label="Loading the connection sheet…" />
        )}
      </section>
      <RecordSection profileId={profileId} headingLevel={3} />
      <div className={styles.row}>
        <Button icon={<OpenRegular />} onClick={() => go(href('connections', { sheet: profileId }))}>
          Open in Connections
        </Button>
        {sheet.value?.appRegistrationUrl ? (
          <Button
            icon={<OpenRegular />}
            onClick={() => void workbench().app.openLink({ url: sheet.value?.appRegistrationUrl ?? '' })}
          >
            Open the app registration
          </Button>
        ) : null}
      </div>
    </div>
  );
}
