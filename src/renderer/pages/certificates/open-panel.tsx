import { Button, Field, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { DismissRegular, LockOpenRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { MAX_PFX_BYTES, type HeldCertificate } from '../../../shared/certificates';
import type { AppError, Result } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { FileDrop, type PickedFile } from '../../components/file-drop';
import { SecretInput } from '../../components/secret-input';
import { bytesToBase64 } from '../../lib/bytes';
import { workbench } from '../../lib/workbench';
import { errorTitle, isPasswordError, lockedRef } from './error-text';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  unlock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'start' },
  grow: { alignSelf: 'stretch' },
  busy: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** Open: drop or choose a PFX (or a .cer/.pem, or a .txt with base64); the password is asked for when the file needs one. */
export function OpenPanel({ onOpened }: { onOpened: (held: HeldCertificate) => void }) {
  const styles = useStyles();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [locked, setLocked] = useState<{ ref: string; name: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const passwordField = useRef<HTMLInputElement>(null);

  const settle = (result: Result<HeldCertificate>, name: string) => {
    setBusy(null);
    // Cancelled by the user: leave the page as it was before the open.
    if (!result.ok && result.error.code === 'pfx.cancelled') return;
    if (result.ok) {
      setPassword('');
      setError(null);
      setLocked(null);
      onOpened(result.value);
      return;
    }
    setError(result.error.code === 'dialog.cancelled' ? null : result.error);
    const ref = lockedRef(result.error);
    setLocked(ref ? { ref, name } : null);
    if (isPasswordError(result.error)) {
      // Keep the user in the password field: select what was typed so the next try replaces it.
      window.setTimeout(() => {
        passwordField.current?.focus();
        passwordField.current?.select();
      }, 0);
    }
  };

  const openDropped = async (file: PickedFile) => {
    setBusy(`Opening ${file.name}…`);
    settle(
      await workbench().certificates.inspect({
        fileName: file.name,
        bytesBase64: bytesToBase64(file.bytes),
        password: password || null,
      }),
      file.name,
    );
  };
  const chooseFile = async () => {
    setBusy('Opening…');
    settle(await workbench().certificates.inspectFile({ password: password || null }), 'the file');
  };
  const unlock = async () => {
    if (!locked) return;
    setBusy(`Opening ${locked.name}…`);
    settle(await workbench().certificates.unlock({ ref: locked.ref, password: password || null }), locked.name);
  };

  const passwordInvalid = isPasswordError(error);
  return (
    <div className={styles.panel}>
      <FileDrop
        label="Drop a .pfx or .p12 file here — or a .cer, .crt or .pem certificate, or a .txt with the base64 of a PFX."
        accept=".pfx,.p12,.cer,.pem,.crt,.txt"
        maxBytes={MAX_PFX_BYTES}
        onFile={(file) => void openDropped(file)}
        onChoose={() => void chooseFile()}
        disabled={busy !== null}
        testId="certificate-drop"
      />
      <div className={styles.unlock}>
        <Field
          className={styles.grow}
          label="PFX password"
          hint="Leave it empty for a file without a password: an empty and an absent password are both tried."
          // The error itself is announced once, by the message bar below; the field only turns red.
          validationState={passwordInvalid ? 'error' : 'none'}
        >
          <SecretInput
            label="PFX password"
            value={password}
            input={{ ref: passwordField }}
            onChange={(_e, d) => setPassword(d.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && locked) void unlock();
            }}
          />
        </Field>
        {locked ? (
          <Button
            appearance="primary"
            icon={<LockOpenRegular />}
            disabled={busy !== null}
            onClick={() => void unlock()}
          >
            Open {locked.name}
          </Button>
        ) : null}
      </div>
      <div className={styles.busy}>
        <div role="status" aria-live="polite">
          {busy ? <Spinner size="tiny" label={busy} labelPosition="after" /> : null}
        </div>
        {busy ? (
          <Button size="small" icon={<DismissRegular />} onClick={() => void workbench().certificates.cancelOpen({})}>
            Cancel
          </Button>
        ) : null}
      </div>
      <ErrorBar error={error} title={error ? errorTitle(error) : undefined} />
    </div>
  );
}
