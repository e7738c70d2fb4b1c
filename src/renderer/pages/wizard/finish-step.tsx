import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, OpenRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { RecordFormat } from '../../../shared/records';
import type { AppError } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { useResult } from '../../lib/use-result';
import { workbench } from '../../lib/workbench';
import { ConnectionSheetBody } from '../connections/connection-sheet';
import { NeedsProfile } from './needs-profile';
import { RecordSummary } from './record-summary';
import type { StepProps } from './step-props';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const formatLabels: Record<RecordFormat, string> = { markdown: 'Markdown', html: 'HTML', pdf: 'PDF' };

/** Finish: the connection sheet to fill the connection page from, and the connection record to export for the change ticket. */
export function FinishStep(props: StepProps) {
  const { view, openStep, go } = props;
  const styles = useStyles();
  const profileId = view.state.profileId;
  const sheet = useResult(() => (profileId ? workbench().profiles.connectionSheet({ id: profileId }) : Promise.resolve({ ok: true as const, value: null })), [profileId]);
  const record = useResult(() => (profileId ? workbench().records.get({ profileId }) : Promise.resolve({ ok: true as const, value: null })), [profileId]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<RecordFormat | null>(null);
  props.beforeNext.current = null;
  if (!profileId) return <NeedsProfile what="The connection sheet" onOpen={() => openStep('details')} />;

  const exportAs = async (format: RecordFormat) => {
    setBusy(format);
    setStatus(null);
    const result = await workbench().records.export({ profileId, format });
    setBusy(null);
    if (!result.ok) {
      setError(result.error.code === 'dialog.cancelled' ? null : result.error);
      return;
    }
    setError(null);
    setStatus(`Saved the connection record (${formatLabels[format]}) to ${result.value.path}.`);
  };

  return (
    <div className={styles.group}>
      <section aria-labelledby="finish-sheet" className={styles.section}>
        <Text as="h3" size={500} weight="semibold" id="finish-sheet">
          Connection sheet
        </Text>
        <Text as="p" block>Fill the connection page with these, in this order. Secrets are copied only when you click, and cleared from the clipboard afterwards.</Text>
        {sheet.value ? <ConnectionSheetBody id={profileId} sheet={sheet.value} headingLevel={3} /> : sheet.error ? <ErrorBar error={sheet.error} /> : <Spinner label="Loading the connection sheet…" />}
      </section>
      <section aria-labelledby="finish-record" className={styles.section}>
        <Text as="h3" size={500} weight="semibold" id="finish-record">
          Connection record
        </Text>
        <Text as="p" block>For the change ticket: the settings, certificate and secret dates, permissions with their consent, the last successful test and open findings. It never holds a secret.</Text>
        {record.value ? <RecordSummary record={record.value} /> : record.error ? <ErrorBar error={record.error} /> : <Spinner label="Building the record…" />}
        <div className={styles.row}>
          {(Object.keys(formatLabels) as RecordFormat[]).map((f) => (
            <Button key={f} icon={<ArrowDownloadRegular />} appearance={f === 'pdf' ? 'primary' : 'secondary'} disabled={busy !== null} onClick={() => void exportAs(f)}>
              Export the connection record ({formatLabels[f]})
            </Button>
          ))}
          {busy ? <Spinner size="tiny" label={`Writing the ${formatLabels[busy]} record…`} /> : null}
        </div>
        <div role="status" aria-live="polite" data-testid="record-status">
          {status ? (
            <MessageBar intent="success">
              <MessageBarBody>{status}</MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
        <ErrorBar error={error} title="The record was not saved" />
      </section>
      <div className={styles.row}>
        <Button icon={<OpenRegular />} onClick={() => go(`connections?sheet=${encodeURIComponent(profileId)}`)}>
          Open in Connections
        </Button>
        {sheet.value?.appRegistrationUrl ? (
          <Button icon={<OpenRegular />} onClick={() => void workbench().app.openLink({ url: sheet.value?.appRegistrationUrl ?? '' })}>
            Open the app registration
          </Button>
        ) : null}
      </div>
    </div>
  );
}
