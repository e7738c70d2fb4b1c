import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { ProfileFinding } from '../../../shared/connections';
import type { AppError } from '../../../shared/result';
import { wizardStepLabels } from '../../../shared/wizard';
import { stepOfField } from '../../../shared/wizard-steps';
import { ErrorBar } from '../../components/error-bar';
import { workbench } from '../../lib/workbench';
import {
  EnvironmentFields,
  ClientIdField,
  NameField,
  TenantField,
  UpnField,
  AudienceField,
} from '../connections/identity-fields';
import { NotesField } from '../connections/scope-fields';
import { DomainField } from './domain-field';
import type { StepProps } from './step-props';
import { useBeforeNext } from './use-before-next';
import { toProfileInput } from './wizard-draft';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Step 5: the profile's own fields, checked as they are typed, saved as a connection profile (secrets go to the vault). */
export function DetailsStep(props: StepProps) {
  const { view, auth, kit, findings, update, act, openStep, markDone, revealFindings } = props;
  const styles = useStyles();
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<{ name: string; errors: ProfileFinding[]; hostNote: string | null } | null>(null);
  const continueAnyway = useRef(false);

  const save = async (): Promise<boolean> => {
    revealFindings();
    const id = view.state.profileId;
    const input = toProfileInput(view, auth);
    const result = id
      ? await workbench().profiles.update({ id, profile: input })
      : await workbench().profiles.create(input);
    if (!result.ok) {
      // Nothing typed is lost: the fields stay as they are.
      setError(result.error);
      return false;
    }
    setError(null);
    const profileId = result.value.entry.id;
    update((s) => ({ ...s, profileId }));
    await act(() => workbench().wizard.get({}));
    const errors = result.value.findings.filter((f) => f.severity === 'error');
    setSaved({ name: result.value.entry.name, errors, hostNote: result.value.hostChange?.message ?? null });
    if (errors.length > 0 && !continueAnyway.current) return false;
    return true;
  };
  useBeforeNext(props.setBeforeNext, save);

  const elsewhere = findings.filter((f) => f.severity !== 'info' && stepOfField(f.field) !== 'details');
  return (
    <div className={styles.form}>
      <Text>
        These are the fields the connection page asks for. Each is checked as you type; Next saves the profile (its
        secrets go to the OS keychain, never into the profile).
      </Text>
      <ErrorBar error={error} title="Not saved — what you typed is still here" />
      <div role="status" aria-live="polite">
        {saved ? (
          <MessageBar
            intent={saved.errors.length === 0 ? 'success' : 'warning'}
            layout="multiline"
            data-testid="profile-saved"
          >
            <MessageBarBody>
              <MessageBarTitle>
                {saved.errors.length === 0
                  ? `Saved “${saved.name}”.`
                  : `Saved “${saved.name}” as a draft with ${saved.errors.length} error${saved.errors.length === 1 ? '' : 's'}.`}
              </MessageBarTitle>
              {saved.errors.length > 0
                ? 'The connection will not work until they are fixed. Fix them, or continue and come back later.'
                : 'It is in Connections now.'}
              {saved.hostNote ? ` ${saved.hostNote}` : null}
            </MessageBarBody>
            {saved.errors.length > 0 ? (
              <MessageBarActions>
                <Button
                  onClick={() => {
                    continueAnyway.current = true;
                    markDone('details');
                    openStep('verify');
                  }}
                >
                  Continue anyway
                </Button>
              </MessageBarActions>
            ) : null}
          </MessageBar>
        ) : null}
      </div>
      {elsewhere.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="findings-elsewhere">
          <MessageBarBody>
            <MessageBarTitle>Also check</MessageBarTitle>
            <ul className={styles.list}>
              {elsewhere.map((f) => (
                <li key={`${f.code}-${f.field}`}>
                  {f.message}{' '}
                  <Button appearance="transparent" size="small" onClick={() => openStep(stepOfField(f.field))}>
                    Open “{wizardStepLabels[stepOfField(f.field)]}”
                  </Button>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <NameField kit={kit} />
      {auth === 'byo-app' ? <AudienceField kit={kit} /> : null}
      <ClientIdField kit={kit} />
      <TenantField kit={kit} />
      {auth === 'byo-app' ? <DomainField kit={kit} /> : null}
      <EnvironmentFields kit={kit} />
      {auth === 'certificate' ? <UpnField kit={kit} /> : null}
      <NotesField kit={kit} />
      <div className={styles.row}>
        <Button icon={<SaveRegular />} onClick={() => void save()}>
          {view.state.profileId ? 'Save the profile' : 'Save as a profile'}
        </Button>
        {view.profile ? <Text>Saved as “{view.profile.name}” in Connections.</Text> : <Text>Not saved yet.</Text>}
      </div>
    </div>
  );
}
