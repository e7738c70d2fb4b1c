import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { LockOpenRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { HeldCertificate } from '../../../shared/certificates';
import type { DecodedBase64 } from '../../../shared/contract/certificates';
import type { AppError } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { SecretInput } from '../../components/secret-input';
import { workbench } from '../../lib/workbench';
import { errorTitle, isPasswordError } from './error-text';
import { formatCount } from './format';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  unlock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'start' },
  grow: { alignSelf: 'stretch' },
  text: { fontFamily: tokens.fontFamilyMonospace },
});

/** Check pasted base64: say what it is, and open the PFX or certificate inside (asking for the PFX's password). */
export function DecodePanel({ onOpened }: { onOpened: (held: HeldCertificate) => void }) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [found, setFound] = useState<DecodedBase64 | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordField = useRef<HTMLInputElement>(null);

  const decode = async () => {
    setBusy(true);
    const result = await workbench().certificates.decodeBase64({ text });
    setBusy(false);
    if (!result.ok) {
      setFound(null);
      setError(result.error);
      return;
    }
    setError(null);
    setFound(result.value);
    // The pasted text may be a PFX: do not keep it on screen or in memory once it has been read.
    if (result.value.certificate || result.value.lockedRef) setText('');
    if (result.value.certificate) onOpened(result.value.certificate);
    if (result.value.lockedRef) window.setTimeout(() => passwordField.current?.focus(), 0);
  };

  const unlock = async () => {
    if (!found?.lockedRef) return;
    setBusy(true);
    const result = await workbench().certificates.unlock({ ref: found.lockedRef, password: password || null });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      if (isPasswordError(result.error)) passwordField.current?.select();
      return;
    }
    setPassword('');
    setError(null);
    setFound({ ...found, lockedRef: null, certificate: result.value });
    onOpened(result.value);
  };

  return (
    <div className={styles.panel}>
      <Field
        label="Pasted base64"
        hint="Paste the base64 text from a connection (or a .pfx.b64.txt file) to see what it holds. It stays on this computer."
      >
        <Textarea
          className={styles.text}
          value={text}
          onChange={(_e, d) => setText(d.value)}
          rows={4}
          resize="vertical"
          spellCheck={false}
        />
      </Field>
      <div>
        <Button appearance="primary" disabled={busy || text.trim().length === 0} onClick={() => void decode()}>
          Decode
        </Button>
      </div>
      {found ? (
        <MessageBar intent={found.certificate || found.lockedRef ? 'success' : 'warning'}>
          <MessageBarBody>
            This is {found.found.description} ({formatCount(found.byteLength)} bytes).
            {found.found.kind !== 'pkcs12' && !found.certificate
              ? ' The client-certificate connection needs the base64 of a PFX file.'
              : ''}
            {found.lockedRef ? ' Enter its password to see the details.' : ''}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {found?.lockedRef ? (
        <div className={styles.unlock}>
          <Field
            className={styles.grow}
            label="Password of the pasted PFX"
            hint="The password that goes with this base64 in the connection."
            validationState={isPasswordError(error) ? 'error' : 'none'}
          >
            <SecretInput
              label="password of the pasted PFX"
              value={password}
              input={{ ref: passwordField }}
              onChange={(_e, d) => setPassword(d.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void unlock();
              }}
            />
          </Field>
          <Button appearance="primary" icon={<LockOpenRegular />} disabled={busy} onClick={() => void unlock()}>
            Open
          </Button>
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {busy ? <Spinner size="tiny" label="Decoding…" labelPosition="after" /> : null}
      </div>
      <ErrorBar error={error} title={error ? errorTitle(error) : undefined} />
    </div>
  );
}
