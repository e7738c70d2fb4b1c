import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { RecordFormat } from '../../../shared/records';
import type { AppError } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { useResult } from '../../lib/use-result';
import { downloadFile, inBrowser, openToPrint } from '../../lib/browser-files';
import { workbench } from '../../lib/workbench';
import { RecordSummary } from './record-summary';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const formatLabels: Record<RecordFormat, string> = { markdown: 'Markdown', html: 'HTML', pdf: 'PDF' };

/** The connection record of a profile: what it will say, and export as Markdown, HTML or PDF. On the sheet page and the wizard's finish step. */
export function RecordSection({ profileId, headingLevel }: { profileId: string; headingLevel: 2 | 3 }) {
  const styles = useStyles();
  const record = useResult(() => workbench().records.get({ profileId }), [profileId]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<RecordFormat | null>(null);

  const exportAs = async (format: RecordFormat) => {
    setBusy(format);
    setStatus(null);
    if (inBrowser()) {
      // A browser tab downloads Markdown and HTML; PDF is the HTML record printed by the browser (Save as PDF).
      const file = await workbench().records.render({ profileId, format: format === 'pdf' ? 'html' : format });
      setBusy(null);
      setError(file.ok ? null : file.error);
      if (!file.ok) return;
      if (format === 'pdf') {
        openToPrint(file.value.text ?? '');
        setStatus(
          'The record opened in a new tab: print it (Ctrl+P, or ⌘P on a Mac) and choose “Save as PDF”. The browser version cannot make the PDF itself.',
        );
      } else {
        downloadFile(file.value);
        setStatus(`Downloaded ${file.value.fileName} (your browser's downloads).`);
      }
      return;
    }
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
    <section aria-labelledby="connection-record" className={styles.section}>
      <Text as={headingLevel === 2 ? 'h2' : 'h3'} size={500} weight="semibold" id="connection-record">
        Connection record
      </Text>
      <Text as="p" block>
        For the change ticket: the settings, certificate and secret dates, permissions with their consent, the last
        successful test and open findings. It never holds a secret.
      </Text>
      {record.value ? (
        <RecordSummary record={record.value} />
      ) : record.error ? (
        <ErrorBar error={record.error} />
      ) : (
        <Spinner label="Building the record…" />
      )}
      <div className={styles.row}>
        {(Object.keys(formatLabels) as RecordFormat[]).map((f) => (
          <Button
            key={f}
            icon={<ArrowDownloadRegular />}
            appearance={f === 'pdf' ? 'primary' : 'secondary'}
            disabled={busy !== null}
            onClick={() => void exportAs(f)}
          >
            {f === 'pdf' && inBrowser()
              ? 'Print the connection record (Save as PDF)'
              : `Export the connection record (${formatLabels[f]})`}
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
  );
}
