import {
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { environmentIds, environmentLabels, type EnvironmentId } from '../../../shared/environments';
import type { AppError } from '../../../shared/result';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { ErrorBar } from '../../components/error-bar';
import { Page } from '../../components/page';
import { useResult } from '../../lib/use-result';
import { inBrowser } from '../../lib/browser-files';
import { workbench } from '../../lib/workbench';
import { SaveStatus } from '../../components/save-status';

type SavedKey = 'theme' | 'environment' | 'clipboard' | 'folder' | 'secrets';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '560px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  path: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

/** Settings: theme, default environment, clipboard clearing, default save folder, weak secret storage opt-in. */
export function SettingsPage({ onSettingsChanged }: { onSettingsChanged: (settings: Settings) => void }) {
  const styles = useStyles();
  const settings = useResult(() => workbench().settings.get({}));
  const about = useResult(() => workbench().app.about({}));
  const [error, setError] = useState<AppError | null>(null);
  // What was saved last, shown next to the control that saved it.
  const [saved, setSaved] = useState<{ key: SavedKey; text: string } | null>(null);
  const [seconds, setSeconds] = useState<string | null>(null);

  const apply = async (patch: SettingsPatch, what: string, key: SavedKey) => {
    const result = await workbench().settings.update(patch);
    if (!result.ok) {
      setError(result.error);
      setSaved(null);
      return;
    }
    setError(null);
    settings.setValue(result.value);
    onSettingsChanged(result.value);
    setSaved({ key, text: `${what} saved.` });
  };

  if (settings.loading && !settings.value) return <Spinner label="Loading settings…" />;
  if (!settings.value) return <ErrorBar error={settings.error} />;
  const value = settings.value;
  const secondsText = seconds ?? String(value.clipboardClearSeconds);
  const secondsNumber = Number(secondsText);
  const secondsInvalid = !Number.isInteger(secondsNumber) || secondsNumber < 5 || secondsNumber > 3600;
  const weakBackend = about.value?.secretStorage.backend === 'basic_text';

  return (
    <Page title="Settings" description="Changes are saved as soon as you make them.">
      <ErrorBar error={error} />
      <div className={styles.form}>
        <Field label="Theme" hint="System follows your operating system's light or dark mode.">
          <RadioGroup
            layout="horizontal"
            value={value.theme}
            onChange={(_e, d) => void apply({ theme: d.value as Settings['theme'] }, 'Theme', 'theme')}
          >
            <Radio value="system" label="System" />
            <Radio value="light" label="Light" />
            <Radio value="dark" label="Dark" />
          </RadioGroup>
        </Field>
        <SaveStatus dirty={false} saved={saved?.key === 'theme' ? saved.text : null} />
        <Field label="Default environment" hint="New connection profiles start in this cloud.">
          <Select
            value={value.defaultEnvironment}
            onChange={(_e, d) =>
              void apply({ defaultEnvironment: d.value as EnvironmentId }, 'Default environment', 'environment')
            }
          >
            {environmentIds.map((id) => (
              <option key={id} value={id}>
                {environmentLabels[id]}
              </option>
            ))}
          </Select>
        </Field>
        <SaveStatus dirty={false} saved={saved?.key === 'environment' ? saved.text : null} />
        <Field
          label="Clear copied secrets after (seconds)"
          hint="A copied client secret, password or certificate is removed from the clipboard after this many seconds (5–3600)."
          validationState={secondsInvalid ? 'error' : 'none'}
          validationMessage={secondsInvalid ? 'Enter a whole number of seconds from 5 to 3600.' : undefined}
        >
          <div className={styles.row}>
            <Input
              type="number"
              min={5}
              max={3600}
              value={secondsText}
              onChange={(_e, d) => setSeconds(d.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !secondsInvalid)
                  void apply({ clipboardClearSeconds: secondsNumber }, 'Clipboard timeout', 'clipboard');
              }}
            />
            <Button
              disabled={secondsInvalid || secondsNumber === value.clipboardClearSeconds}
              onClick={() =>
                void apply({ clipboardClearSeconds: secondsNumber }, 'Clipboard timeout', 'clipboard').then(() =>
                  setSeconds(null),
                )
              }
            >
              Save
            </Button>
            <SaveStatus
              dirty={seconds !== null && secondsNumber !== value.clipboardClearSeconds}
              saved={saved?.key === 'clipboard' ? saved.text : null}
            />
          </div>
        </Field>
        {inBrowser() ? (
          <Field label="Saved files">
            <Text>
              In the browser version, exports, certificates and reports are downloads: your browser saves them where its
              settings say (usually Downloads).
            </Text>
          </Field>
        ) : (
          <Field
            label="Default folder for saved files"
            hint="Exports, certificates and reports are offered in this folder first."
          >
            <div className={styles.row}>
              <Text className={styles.path}>
                {value.defaultSaveFolder ?? 'Not set (your Documents folder is used)'}
              </Text>
              <Button
                onClick={() =>
                  void (async () => {
                    const result = await workbench().settings.chooseSaveFolder({});
                    if (result.ok) {
                      settings.setValue(result.value);
                      onSettingsChanged(result.value);
                      setSaved({ key: 'folder', text: 'Default folder saved.' });
                      setError(null);
                    } else if (result.error.code !== 'dialog.cancelled') setError(result.error);
                  })()
                }
              >
                Choose folder…
              </Button>
              {value.defaultSaveFolder ? (
                <Button onClick={() => void apply({ defaultSaveFolder: null }, 'Default folder', 'folder')}>
                  Clear
                </Button>
              ) : null}
              <SaveStatus dirty={false} saved={saved?.key === 'folder' ? saved.text : null} />
            </div>
          </Field>
        )}
        {weakBackend || value.allowPlainTextSecrets ? (
          <Field
            label="Store secrets without a keyring"
            hint="No GNOME Keyring or KWallet was found. Off: secrets are kept in memory for this session only, and turning it off takes any written ones off the disk at once. On: they are written to disk obfuscated with a fixed key, which anyone with your files can read."
          >
            <Switch
              checked={value.allowPlainTextSecrets}
              onChange={(_e, d) => void apply({ allowPlainTextSecrets: d.checked }, 'Secret storage choice', 'secrets')}
              label={value.allowPlainTextSecrets ? 'On (weak)' : 'Off (session only)'}
            />
          </Field>
        ) : null}
        {weakBackend || value.allowPlainTextSecrets ? (
          <SaveStatus dirty={false} saved={saved?.key === 'secrets' ? saved.text : null} />
        ) : null}
      </div>
    </Page>
  );
}
