import { Button, Checkbox, Field, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { VerifyRun } from '../../../shared/contract/verify';
import { MANIFEST_MAX_BYTES } from '../../../shared/registration';
import type { AppError } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { FileDrop, type PickedFile } from '../../components/file-drop';
import { bytesToBase64 } from '../../lib/bytes';
import { workbench } from '../../lib/workbench';
import { splitList } from '../connections/draft';
import { ManifestHelp } from '../verify/manifest-help';
import { VerifyResults } from '../verify/verify-results';
import { NeedsProfile } from './needs-profile';
import type { StepProps } from './step-props';
import { useBeforeNext } from './use-before-next';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
});

/** Step 6 (optional): drop the app registration's manifest and check it against the saved profile, offline. */
export function VerifyStep(props: StepProps) {
  const { view, auth, update, markDone, openStep, act } = props;
  const styles = useStyles();
  const [manifest, setManifest] = useState<PickedFile | null>(null);
  const [loopback, setLoopback] = useState(true);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [run, setRun] = useState<VerifyRun | null>(null);
  const profileId = view.state.profileId;
  useBeforeNext(props.setBeforeNext, () => {
    if (!run) update((s) => ({ ...s, verifySkipped: true }));
    return Promise.resolve(true);
  });
  if (!profileId) return <NeedsProfile what="Verifying the manifest" onOpen={() => openStep('details')} />;

  const verify = async () => {
    if (!manifest) return;
    setRunning(true);
    const result = await workbench().verify.run({
      profileId,
      manifest: { fileName: manifest.name, bytesBase64: bytesToBase64(manifest.bytes) },
      pfx: auth === 'certificate' && view.secrets.certificate === 'stored' ? 'profile' : null,
      loopbackTest: loopback,
      appOnly: splitList(view.state.draft.appOnlyPermissions).length > 0,
    });
    setRunning(false);
    if (!result.ok) {
      setRun(null);
      setError(result.error);
      return;
    }
    setError(null);
    setRun(result.value);
    update((s) => ({ ...s, verifySkipped: false }));
    markDone('verify');
    // The verification is evidence now: the step list and Finish read it from the wizard's status.
    void act(() => workbench().wizard.get({}));
  };

  return (
    <div className={styles.group}>
      <Text>
        Optional, and offline: download the app registration’s manifest (Manifest page → Download) and drop it here. It
        is compared with the profile{auth === 'certificate' ? ' and its certificate' : ''}; the findings say what to fix
        and where. The connection record lists the open ones.
      </Text>
      <FileDrop
        label="Drop the downloaded manifest here, or choose the file."
        accept=".json,application/json"
        maxBytes={MANIFEST_MAX_BYTES}
        onFile={setManifest}
        testId="wizard-manifest-drop"
      />
      {manifest ? <Text data-testid="wizard-manifest-chosen">Chosen: {manifest.name}</Text> : null}
      <Field hint="Leave it on if you run the sign-in test in the next step: it needs http://localhost registered as a Web redirect URI.">
        <Checkbox
          checked={loopback}
          onChange={(_e, d) => setLoopback(d.checked === true)}
          label="Check for the Workbench’s sign-in test too (http://localhost as a Web redirect URI)"
        />
      </Field>
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<ShieldCheckmarkRegular />}
          disabled={!manifest || running}
          onClick={() => void verify()}
        >
          Verify manifest
        </Button>
        {running ? <Spinner size="tiny" label="Checking the manifest…" /> : null}
      </div>
      <ErrorBar error={error} title="The manifest could not be checked" />
      {run ? <VerifyResults key={run.reportId} run={run} /> : <ManifestHelp />}
      {!run ? (
        <Text>
          No manifest at hand? Press Next to skip this step; the record then says the registration was not verified.
        </Text>
      ) : null}
    </div>
  );
}
