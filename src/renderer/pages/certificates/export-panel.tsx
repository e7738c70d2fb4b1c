import { Button, Field, Input, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowExportRegular, CopyRegular, SparkleRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { HeldCertificate, PfxProfile } from '../../../shared/certificates';
import type { CertificateExportResult } from '../../../shared/contract/certificates';
import type { DownloadFile } from '../../../shared/download';
import type { AppError } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { SecretInput } from '../../components/secret-input';
import { downloadFile, inBrowser } from '../../lib/browser-files';
import { workbench } from '../../lib/workbench';
import { errorTitle } from './error-text';
import { PasswordMeter } from './password-meter';
import { ReplaceDialog } from './replace-dialog';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  heading: { margin: 0 },
  files: { margin: 0, fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  downloads: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'start',
    gap: tokens.spacingVerticalXS,
  },
});

/** Export: password (with strength and a generator), protection profile, file name, folder; asks before replacing files. */
export function ExportPanel({
  held,
  onExported,
}: {
  held: HeldCertificate;
  onExported: (held: HeldCertificate) => void;
}) {
  const styles = useStyles();
  const [password, setPassword] = useState('');
  const [profile, setProfile] = useState<PfxProfile>('modern');
  const [name, setName] = useState(held.exportName);
  const [error, setError] = useState<AppError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [done, setDone] = useState<CertificateExportResult | null>(null);
  const [replace, setReplace] = useState<{ folder: string; files: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  /** In a browser tab (gcw ui): the files made, each downloaded by its own click (the browser saves them). */
  const [downloads, setDownloads] = useState<DownloadFile[] | null>(null);
  const [touched, setTouched] = useState(false);

  const suggest = async () => {
    const result = await workbench().certificates.suggestPassword({});
    if (!result.ok) return setError(result.error);
    setPassword(result.value.password);
    setStatus(
      'A strong password was filled in. Copy it and keep it with the connection settings: it is not saved anywhere.',
    );
  };
  const copyPassword = async () => {
    const result = await workbench().certificates.copyPassword({ password });
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setStatus(
        result.value.clearsInSeconds === null
          ? 'Password copied. This browser tab cannot clear the clipboard later: copy something else once you have pasted it.'
          : `Password copied; it is cleared from the clipboard in ${result.value.clearsInSeconds} seconds.`,
      );
    }
  };
  const runInBrowser = async () => {
    setBusy(true);
    setStatus('Making the files…');
    const result = await workbench().certificates.exportFiles({
      ref: held.ref,
      password,
      profile,
      name: name.trim() || held.exportName,
    });
    setBusy(false);
    if (!result.ok) {
      setStatus(null);
      return setError(result.error);
    }
    setPassword('');
    setTouched(false);
    setError(null);
    setDownloads(result.value.files);
    setStatus(
      `Made ${result.value.files.length} files; the new PFX opened again with the password. Download each one below: your browser saves it in its downloads folder.`,
    );
    onExported(result.value.certificate);
  };
  const run = async (overwrite: boolean) => {
    setTouched(true);
    setReplace(null);
    if (!password) return;
    if (inBrowser()) return runInBrowser();
    setBusy(true);
    setStatus(overwrite ? 'Replacing the files…' : 'Choose a folder for the files…');
    const result = await workbench().certificates.export({
      ref: held.ref,
      password,
      profile,
      name: name.trim() || held.exportName,
      overwrite,
    });
    setBusy(false);
    if (result.ok) {
      setPassword('');
      setTouched(false);
      setError(null);
      setDone(result.value);
      setStatus(`Exported ${result.value.files.length} files to ${result.value.folder}.`);
      onExported(result.value.certificate);
      return;
    }
    setStatus(null);
    if (result.error.code === 'dialog.cancelled') return setError(null);
    if (result.error.code === 'file.exists') {
      setError(null);
      setReplace({
        folder: String(result.error.details?.folder ?? ''),
        files: String(result.error.details?.files ?? '')
          .split('\n')
          .filter(Boolean),
      });
      return;
    }
    setError(result.error);
  };

  const passwordMissing = touched && !password;
  return (
    <section className={styles.card} aria-labelledby="certificate-export-title">
      <Text as="h2" block size={500} weight="semibold" id="certificate-export-title" className={styles.heading}>
        {held.details.origin === 'generated' ? 'Export' : 'Export a copy'}
      </Text>
      <Text>
        Writes NAME.pfx (certificate and private key, for the connection), NAME.cer and NAME.pem (upload one to the app
        registration), NAME.pfx.b64.txt (the base64 for the connection) and NAME.keycredentials.json (for the app
        manifest). Only you can read the files.
      </Text>
      <div className={styles.form}>
        <Field
          label="PFX password"
          required
          hint="Protects the private key in the PFX. The connection needs it together with the base64."
          validationState={passwordMissing ? 'error' : 'none'}
          validationMessage={passwordMissing ? 'Enter a password, or generate a strong one.' : undefined}
        >
          <SecretInput label="PFX password" value={password} onChange={(_e, d) => setPassword(d.value)} />
        </Field>
        <PasswordMeter password={password} />
        <div className={styles.row}>
          <Button icon={<SparkleRegular />} onClick={() => void suggest()}>
            Generate a strong password
          </Button>
          <Button icon={<CopyRegular />} disabled={!password} onClick={() => void copyPassword()}>
            Copy password
          </Button>
        </div>
        <Field
          label="Protection"
          hint="Modern is what OpenSSL 3 and current Windows use. Choose the compatible one only for Windows Server 2016 or older."
        >
          <RadioGroup value={profile} onChange={(_e, d) => setProfile(d.value as PfxProfile)}>
            <Radio value="modern" label="Modern: AES-256 with a SHA-256 integrity check (recommended)" />
            <Radio value="compat" label="Compatible with older Windows: 3DES with a SHA-1 integrity check" />
          </RadioGroup>
        </Field>
        <Field
          label="File name"
          hint="Without extension; the files are NAME.pfx, NAME.cer, NAME.pem, NAME.pfx.b64.txt and NAME.keycredentials.json."
        >
          <Input value={name} maxLength={80} onChange={(_e, d) => setName(d.value)} />
        </Field>
        <div>
          <Button appearance="primary" icon={<ArrowExportRegular />} disabled={busy} onClick={() => void run(false)}>
            {inBrowser() ? 'Export the files' : 'Choose folder and export…'}
          </Button>
        </div>
      </div>
      <div role="status" aria-live="polite">
        {status ? <Text>{status}</Text> : null}
      </div>
      {done ? (
        <ul className={styles.files} aria-label="Exported files">
          {done.files.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      ) : null}
      {downloads ? (
        <ul className={styles.downloads} aria-label="Files to download">
          {downloads.map((file) => (
            <li key={file.fileName}>
              <Button icon={<ArrowDownloadRegular />} onClick={() => downloadFile(file)}>
                Download {file.fileName}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorBar error={error} title={error ? errorTitle(error) : undefined} />
      <ReplaceDialog pending={replace} onReplace={() => void run(true)} onCancel={() => setReplace(null)} />
    </section>
  );
}
