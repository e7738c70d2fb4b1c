import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CopyRegular, SaveRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { HeldCertificate } from '../../../shared/certificates';
import type { AppError } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { downloadFile, inBrowser } from '../../lib/browser-files';
import { workbench } from '../../lib/workbench';
import { errorTitle } from './error-text';
import { formatCount } from './format';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

/** The base64 of the PFX: its length, copy (cleared from the clipboard later) and save as .txt. The text itself stays in main. */
export function Base64Block({ held }: { held: HeldCertificate }) {
  const styles = useStyles();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const length = held.details.base64Length;
  if (length === null) {
    return (
      <Text>
        {held.details.origin === 'generated'
          ? 'Export the certificate (below) to get its PFX; the base64 the connection takes is that of the exported file.'
          : 'A certificate file has no private key, so there is no base64 for a connection. Open the .pfx instead.'}
      </Text>
    );
  }
  const copy = async () => {
    const result = await workbench().certificates.copyBase64({ ref: held.ref });
    setError(result.ok ? null : result.error);
    if (result.ok)
      setStatus(
        `Copied ${formatCount(result.value.length)} characters. ${result.value.clearsInSeconds ? `They are cleared from the clipboard in ${result.value.clearsInSeconds} seconds.` : ''}`,
      );
  };
  const save = async () => {
    if (inBrowser()) {
      const file = await workbench().certificates.base64File({ ref: held.ref });
      setError(file.ok ? null : file.error);
      if (file.ok) {
        downloadFile(file.value);
        setStatus(`Downloaded ${file.value.fileName} (your browser's downloads).`);
      }
      return;
    }
    const result = await workbench().certificates.saveBase64({ ref: held.ref });
    if (!result.ok && result.error.code === 'dialog.cancelled') return;
    setError(result.ok ? null : result.error);
    if (result.ok) setStatus(`Saved to ${result.value.path}`);
  };
  return (
    <div className={styles.block}>
      <Text>
        The base64 of the PFX is one line of <strong>{formatCount(length)}</strong> characters: paste it into the
        client-certificate connection together with the password.
      </Text>
      <div className={styles.row}>
        <Button icon={<CopyRegular />} onClick={() => void copy()}>
          Copy base64
        </Button>
        <Button icon={<SaveRegular />} onClick={() => void save()}>
          {inBrowser() ? 'Download as .txt' : 'Save as .txt…'}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {status ? <Text>{status}</Text> : null}
      </div>
      <ErrorBar error={error} title={error ? errorTitle(error) : undefined} />
    </div>
  );
}
