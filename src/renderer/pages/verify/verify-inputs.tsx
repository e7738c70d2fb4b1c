import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular, DocumentCheckmarkRegular } from '@fluentui/react-icons';
import { authLabels } from '../../../shared/connections';
import type { ProfileListItem } from '../../../shared/contract/profiles';
import { MANIFEST_MAX_BYTES } from '../../../shared/registration';
import { FileDrop, type PickedFile } from '../../components/file-drop';
import { SecretInput } from '../../components/secret-input';

/** Which certificate the check compares with the registered ones. */
export type CertificateMode = 'none' | 'profile' | 'file';

/** Everything the admin chooses before running a check. */
export interface VerifyChoices {
  profileId: string;
  manifest: PickedFile | null;
  certificateMode: CertificateMode;
  pfx: PickedFile | null;
  pfxPassword: string;
  loopbackTest: boolean;
  appOnly: boolean;
}

const PFX_MAX_BYTES = 10 * 1024 * 1024;

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  groupLabel: { fontWeight: tokens.fontWeightSemibold },
  chosen: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  fileName: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A chosen file's name and size with a button to clear it. */
function ChosenFile({ file, what, onClear }: { file: PickedFile; what: string; onClear: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.chosen} data-testid={`chosen-${what}`}>
      <DocumentCheckmarkRegular aria-hidden />
      <Text>
        Chosen: <span className={styles.fileName}>{file.name}</span> ({size(file.bytes.length)})
      </Text>
      <Button
        size="small"
        appearance="subtle"
        icon={<DismissRegular />}
        aria-label={`Remove the chosen ${what}`}
        onClick={onClear}
      />
    </div>
  );
}

/** The profile to check against, the manifest, the certificate and the tests planned. */
export function VerifyInputs({
  profiles,
  value,
  onChange,
}: {
  profiles: ProfileListItem[];
  value: VerifyChoices;
  onChange: (next: VerifyChoices) => void;
}) {
  const styles = useStyles();
  const set = (patch: Partial<VerifyChoices>) => onChange({ ...value, ...patch });
  const selected = profiles.find((p) => p.entry.id === value.profileId) ?? null;
  const storedPfx = selected?.entry.auth === 'certificate' && selected.entry.secrets.pfx === 'stored';
  const onProfile = (id: string) => {
    const item = profiles.find((p) => p.entry.id === id);
    const hasPfx = item?.entry.auth === 'certificate' && item.entry.secrets.pfx === 'stored';
    const mode: CertificateMode = value.certificateMode === 'file' ? 'file' : hasPfx ? 'profile' : 'none';
    set({ profileId: id, certificateMode: mode, appOnly: (item?.entry.profile?.appOnlyPermissions.length ?? 0) > 0 });
  };
  return (
    <div className={styles.grid}>
      <div className={styles.group}>
        <Field
          label="Connection profile"
          hint="The manifest is compared with this profile’s client ID, tenant, redirect URI, scopes and secret or certificate. Without a profile only the manifest itself is checked."
        >
          <Select value={value.profileId} onChange={(_e, d) => onProfile(d.value)}>
            <option value="">No profile: check the manifest alone</option>
            {profiles.map((p) => (
              <option key={p.entry.id} value={p.entry.id} disabled={!p.entry.profile}>
                {p.entry.name || 'Unnamed profile'}
                {p.entry.auth ? ` — ${authLabels[p.entry.auth]}` : ''}
              </option>
            ))}
          </Select>
        </Field>
        <div role="group" aria-labelledby="manifest-drop-label" className={styles.group}>
          <Text id="manifest-drop-label" className={styles.groupLabel}>
            App manifest (.json, up to 5 MB)
          </Text>
          <FileDrop
            label="Drop the downloaded manifest here, or choose the file."
            accept=".json,application/json"
            maxBytes={MANIFEST_MAX_BYTES}
            onFile={(f) => set({ manifest: f })}
            testId="manifest-drop"
          />
          {value.manifest ? (
            <ChosenFile file={value.manifest} what="manifest" onClear={() => set({ manifest: null })} />
          ) : null}
        </div>
      </div>
      <div className={styles.group}>
        <Field
          label="Certificate to compare"
          hint="The PFX’s certificate is looked up among the registered certificates by thumbprint; its dates and private key are checked too."
        >
          <RadioGroup
            value={value.certificateMode}
            onChange={(_e, d) => set({ certificateMode: d.value as CertificateMode })}
          >
            <Radio
              value="none"
              label={
                selected?.entry.auth === 'certificate' ? 'No PFX: only the thumbprint saved in the profile' : 'None'
              }
            />
            <Radio value="profile" label="Use the profile’s certificate" disabled={!storedPfx} />
            <Radio value="file" label="A PFX file" />
          </RadioGroup>
        </Field>
        {value.certificateMode === 'file' ? (
          <>
            <div role="group" aria-labelledby="pfx-drop-label" className={styles.group}>
              <Text id="pfx-drop-label" className={styles.groupLabel}>
                PFX file (.pfx or .p12)
              </Text>
              <FileDrop
                label="Drop the PFX here, or choose the file."
                accept=".pfx,.p12"
                maxBytes={PFX_MAX_BYTES}
                onFile={(f) => set({ pfx: f })}
                testId="pfx-drop"
              />
              {value.pfx ? <ChosenFile file={value.pfx} what="PFX" onClear={() => set({ pfx: null })} /> : null}
            </div>
            <Field label="PFX password" hint="Used only to open the file for this check; it is not stored.">
              <SecretInput
                label="PFX password"
                value={value.pfxPassword}
                onChange={(_e, d) => set({ pfxPassword: d.value })}
              />
            </Field>
          </>
        ) : null}
        <div role="group" aria-labelledby="tests-label" aria-describedby="tests-hint" className={styles.group}>
          <Text id="tests-label" className={styles.groupLabel}>
            Tests planned
          </Text>
          <Text id="tests-hint" size={200}>
            What else the registration must allow.
          </Text>
          <Checkbox
            checked={value.loopbackTest}
            onChange={(_e, d) => set({ loopbackTest: d.checked === true })}
            label="The Workbench’s sign-in test (needs http://localhost as a redirect URI)"
          />
          <Checkbox
            checked={value.appOnly}
            disabled={!selected}
            onChange={(_e, d) => set({ appOnly: d.checked === true })}
            label="App-only access (application permissions, admin consent)"
          />
        </div>
      </div>
    </div>
  );
}
