import { Button, Field, Input, makeStyles, Switch, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SigninPreferences } from '../../../shared/contract/signin';
import type { AppError, Result } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { inBrowser, pickFile } from '../../lib/browser-files';
import { workbench } from '../../lib/workbench';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

/** The browser timeout and the root CAs the sign-in tests trust beyond Node's own: the OS store, a PEM file. */
export function TestSettings({
  prefs,
  onChange,
}: {
  prefs: SigninPreferences;
  onChange: (p: SigninPreferences) => void;
}) {
  const styles = useStyles();
  const [seconds, setSeconds] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const text = seconds ?? String(prefs.timeoutSeconds);
  const n = Number(text);
  const invalid = !Number.isInteger(n) || n < 30 || n > 1800;
  const apply = async (pending: Promise<Result<SigninPreferences>>, what: string) => {
    const r = await pending;
    if (!r.ok) {
      if (r.error.code !== 'dialog.cancelled') setError(r.error);
      return;
    }
    setError(null);
    setSeconds(null);
    setSaved(what);
    onChange(r.value);
  };
  /** In a browser tab (gcw ui): the browser's file picker; main keeps a copy of the PEM in the data folder. */
  const trustPickedCa = async () => {
    const file = await pickFile('.pem,.crt,.cer');
    if (!file) return;
    if (file.size > 1024 * 1024)
      return setError({
        code: 'signin.extra_ca_invalid',
        message: `${file.name} is larger than 1 MB; a root CA file is a few KB. Check that you picked the right file.`,
      });
    await apply(
      workbench().signin.trustExtraCaPem({ fileName: file.name, pem: await file.text() }),
      'Root CA file saved.',
    );
  };
  return (
    <section className={styles.box} aria-labelledby="signin-settings">
      <Text as="h2" size={500} weight="semibold" id="signin-settings">
        Test settings
      </Text>
      <ErrorBar error={error} />
      <div role="status" aria-live="polite">
        {saved ? <Text>{saved}</Text> : null}
      </div>
      <Field
        label="Browser timeout (seconds)"
        hint="How long a sign-in or admin consent waits for the browser to come back (30–1800; default 300). Cancel stops it sooner."
        validationState={invalid ? 'error' : 'none'}
        validationMessage={invalid ? 'Enter a whole number of seconds from 30 to 1800.' : undefined}
      >
        <div className={styles.row}>
          <Input type="number" min={30} max={1800} value={text} onChange={(_e, d) => setSeconds(d.value)} />
          <Button
            disabled={invalid || n === prefs.timeoutSeconds}
            onClick={() =>
              void apply(workbench().signin.setPreferences({ timeoutSeconds: n }), 'Browser timeout saved.')
            }
          >
            Save timeout
          </Button>
        </div>
      </Field>
      <Field
        label="Operating system's certificate store"
        hint={
          prefs.systemCaCount === null
            ? 'This runtime cannot read the operating system’s certificate store; choose the root CA file below instead.'
            : `For networks that inspect TLS: trust the root CAs your organisation deploys to this computer (${prefs.systemCaCount} in the store now) for sign-in tests, as your browser does.`
        }
      >
        <Switch
          checked={prefs.useSystemCa}
          disabled={prefs.systemCaCount === null}
          onChange={(_e, d) =>
            void apply(
              workbench().signin.setPreferences({ useSystemCa: d.checked }),
              d.checked
                ? 'The operating system’s certificate store is trusted.'
                : 'The operating system’s certificate store is no longer trusted.',
            )
          }
          label={prefs.useSystemCa ? 'Trusted' : 'Not trusted'}
        />
      </Field>
      <Field
        label="Extra root CA"
        hint="Or trust the proxy's root certificate from a PEM file. The installed app ignores NODE_EXTRA_CA_CERTS (Electron removes it at start-up); gcw and npm start honour it."
      >
        <div className={styles.row}>
          <Text className={styles.mono}>{prefs.extraCaFile ?? 'None'}</Text>
          <Button
            onClick={() =>
              void (inBrowser() ? trustPickedCa() : apply(workbench().signin.chooseExtraCa({}), 'Root CA file saved.'))
            }
          >
            Choose root CA file…
          </Button>
          {prefs.extraCaFile ? (
            <Button
              onClick={() =>
                void apply(
                  workbench().signin.setPreferences({ extraCaFile: null }),
                  'The extra root CA is no longer trusted.',
                )
              }
            >
              Stop trusting it
            </Button>
          ) : null}
        </div>
      </Field>
      {prefs.extraCaSubjects.length ? <Text size={200}>Trusted: {prefs.extraCaSubjects.join('; ')}</Text> : null}
      {prefs.nodeExtraCaCerts ? <Text size={200}>NODE_EXTRA_CA_CERTS: {prefs.nodeExtraCaCerts}</Text> : null}
    </section>
  );
}
