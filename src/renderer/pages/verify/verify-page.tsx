import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ProfileListItem } from '../../../shared/contract/profiles';
import type { VerifyRun } from '../../../shared/contract/verify';
import type { AppError } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { Page } from '../../components/page';
import { bytesToBase64 } from '../../lib/bytes';
import { workbench } from '../../lib/workbench';
import { ManifestHelp } from './manifest-help';
import { VerifyInputs, type VerifyChoices } from './verify-inputs';
import { VerifyResults } from './verify-results';

const useStyles = makeStyles({
  run: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

const initialChoices: VerifyChoices = {
  profileId: '',
  manifest: null,
  certificateMode: 'none',
  pfx: null,
  pfxPassword: '',
  loopbackTest: false,
  appOnly: false,
};

function errorTitle(error: AppError): string {
  if (error.code.startsWith('manifest.')) return 'The manifest could not be checked';
  if (error.code.startsWith('pfx.')) return 'The PFX could not be opened';
  if (error.code.startsWith('profile.') || error.code.startsWith('vault.')) return 'The profile could not be used';
  return 'The check did not run';
}

/** Verify: an app registration's manifest against a connection profile (and a PFX), findings with fixes, reports. */
export function VerifyPage({ query }: { query: string }) {
  const styles = useStyles();
  const [profiles, setProfiles] = useState<ProfileListItem[] | null>(null);
  const [choices, setChoices] = useState<VerifyChoices>(initialChoices);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [run, setRun] = useState<VerifyRun | null>(null);

  useEffect(() => {
    void workbench()
      .profiles.list({ query: '' })
      .then((result) => {
        if (!result.ok) {
          setError(result.error);
          setProfiles([]);
          return;
        }
        setProfiles(result.value);
        const wanted = new URLSearchParams(query).get('profile');
        const item = result.value.find((p) => p.entry.id === wanted && p.entry.profile);
        if (item) {
          const hasPfx = item.entry.auth === 'certificate' && item.entry.secrets.pfx === 'stored';
          setChoices((c) => ({
            ...c,
            profileId: item.entry.id,
            certificateMode: hasPfx ? 'profile' : 'none',
            appOnly: (item.entry.profile?.appOnlyPermissions.length ?? 0) > 0,
          }));
        }
      });
  }, [query]);

  const missing = !choices.manifest
    ? 'Choose a manifest first.'
    : choices.certificateMode === 'file' && !choices.pfx
      ? 'Choose the PFX file, or set “Certificate to compare” to None.'
      : null;

  const verify = async () => {
    if (!choices.manifest) return;
    setRunning(true);
    setError(null);
    const pfx =
      choices.certificateMode === 'profile'
        ? ('profile' as const)
        : choices.certificateMode === 'file' && choices.pfx
          ? { fileName: choices.pfx.name, bytesBase64: bytesToBase64(choices.pfx.bytes), password: choices.pfxPassword }
          : null;
    const result = await workbench().verify.run({
      profileId: choices.profileId || null,
      manifest: { fileName: choices.manifest.name, bytesBase64: bytesToBase64(choices.manifest.bytes) },
      pfx,
      loopbackTest: choices.loopbackTest,
      ...(choices.profileId ? { appOnly: choices.appOnly } : {}),
    });
    setRunning(false);
    if (result.ok) setRun(result.value);
    else {
      // The chosen files stay chosen, so the admin can fix the password or pick another file and run again.
      setRun(null);
      setError(result.error);
    }
  };

  return (
    <Page
      title="Verify"
      description="Check an app registration against a connection before it fails: drop its manifest, pick the profile, optionally add the PFX. Nothing is sent anywhere; the check runs on this computer."
    >
      {profiles === null ? (
        <Spinner label="Loading profiles…" />
      ) : (
        <VerifyInputs profiles={profiles} value={choices} onChange={setChoices} />
      )}
      <div className={styles.run}>
        <Button
          appearance="primary"
          icon={<ShieldCheckmarkRegular />}
          disabled={running || missing !== null}
          onClick={() => void verify()}
        >
          Verify manifest
        </Button>
        {running ? <Spinner size="tiny" label="Checking the manifest…" /> : missing ? <span>{missing}</span> : null}
      </div>
      <ErrorBar error={error} title={error ? errorTitle(error) : undefined} />
      {run ? <VerifyResults key={run.reportId} run={run} /> : <ManifestHelp />}
    </Page>
  );
}
