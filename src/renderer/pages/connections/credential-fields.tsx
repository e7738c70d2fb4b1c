import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CertificateWarning } from '../../../shared/certificates';
import type { SecretName, SecretState } from '../../../shared/connections';
import { FileDrop } from '../../components/file-drop';
import { PfxWarnings } from '../../components/pfx-warnings';
import { SecretInput } from '../../components/secret-input';
import { bytesToBase64 } from '../../lib/bytes';
import { formatDate } from '../../lib/dates';
import type { CertificateChosenHandler } from './certificate-seam';
import type { FieldKit } from './field-kit';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

const unreadable =
  'The stored value cannot be decrypted: the OS keychain or user account has changed since it was saved. Enter it again.';

function stateOf(kit: FieldKit, name: SecretName): SecretState | undefined {
  return kit.entry?.secrets[name];
}

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${Math.round(bytes / 1024)} KB`;
}

/** A secret input that says when a value is stored already ("leave empty to keep"). */
function StoredSecretInput(props: {
  kit: FieldKit;
  name: SecretName;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
}) {
  const stored = stateOf(props.kit, props.name) === 'stored';
  return (
    <SecretInput
      label={props.label}
      value={props.value}
      placeholder={stored ? 'Stored — leave empty to keep' : undefined}
      maxLength={200_000}
      onChange={(_e, d) => props.onChange(d.value)}
      onBlur={props.onBlur}
    />
  );
}

/** Validation props, with the unreadable-secret message when the vault cannot decrypt what is stored. */
function secretShow(kit: FieldKit, name: SecretName, fields: string[], touched: string, typed: string) {
  const shown = kit.show(fields, touched);
  if (stateOf(kit, name) === 'unreadable' && typed === '')
    return {
      validationState: 'warning' as const,
      validationMessage: [unreadable, shown.validationMessage].filter(Boolean).join(' '),
    };
  return shown;
}

/** The client secret's Value (client credentials and bring-your-own app). */
export function ClientSecretField({ kit }: { kit: FieldKit }) {
  return (
    <Field
      label="Client secret"
      hint="The secret’s Value from Certificates & secrets (shown once, right after it is created) — not its Secret ID. Kept in the OS keychain, never in the profile."
      required={stateOf(kit, 'clientSecret') !== 'stored'}
      {...secretShow(kit, 'clientSecret', ['secrets.clientSecret'], 'secrets.clientSecret', kit.draft.clientSecret)}
    >
      <StoredSecretInput
        kit={kit}
        name="clientSecret"
        label="client secret"
        value={kit.draft.clientSecret}
        onChange={(v) => kit.set({ clientSecret: v }, 'secrets.clientSecret')}
      />
    </Field>
  );
}

/** The certificate: a PFX file or pasted base64, its password, and the facts the Certificates feature reads. */
export function CertificateFields({
  kit,
  onCertificateChosen,
}: {
  kit: FieldKit;
  onCertificateChosen: CertificateChosenHandler;
}) {
  const styles = useStyles();
  const [reading, setReading] = useState(false);
  const [warnings, setWarnings] = useState<CertificateWarning[]>([]);
  const { draft } = kit;
  const choose = async (pfx: string, fileName: string | null, password = draft.pfxPassword) => {
    kit.set({ pfx, pfxFileName: fileName, certificateRef: null }, 'certificate');
    setWarnings([]);
    if (!pfx) return;
    setReading(true);
    const read = await onCertificateChosen({ pfxBase64: pfx, password, fileName });
    setReading(false);
    if (!read) return;
    setWarnings(read.warnings);
    // The certificate's end date fills the expiry field, unless the admin wrote another date there.
    const previous = draft.certificate?.notAfter.slice(0, 10) ?? '';
    const expiry =
      draft.secretExpiresAt === '' || draft.secretExpiresAt === previous
        ? { secretExpiresAt: read.certificate.notAfter.slice(0, 10) }
        : {};
    kit.set({ pfx, pfxFileName: fileName, certificate: read.certificate, ...expiry }, 'certificate');
  };
  const stored = stateOf(kit, 'pfx') === 'stored';
  const storedCertificate = kit.entry?.profile?.auth === 'certificate' ? kit.entry.profile.certificate : null;
  const chosenNow =
    draft.pfx !== ''
      ? `New certificate chosen: ${draft.pfxFileName ?? 'pasted base64'} (${sizeText(Math.floor((draft.pfx.length * 3) / 4))}). It is stored when you save.`
      : draft.certificateRef
        ? `Certificate from the Certificates page: ${draft.pfxFileName ?? 'new certificate'}. It and its password are stored when you save.`
        : null;
  const c = draft.certificate;
  const hasFacts = c && (c.thumbprintSha1 || c.subject || c.notAfter);
  return (
    <div className={styles.group}>
      <Field
        label="Certificate (PFX)"
        hint="The .pfx or .p12 file with the private key, as uploaded to the connection page. Kept in the OS keychain, never in the profile."
        {...secretShow(kit, 'pfx', ['certificate', 'certificate.notAfter', 'secrets.pfx'], 'certificate', draft.pfx)}
      >
        <div className={styles.group}>
          {chosenNow ? (
            <Text role="status">{chosenNow}</Text>
          ) : stored ? (
            <Text>
              A certificate is stored{c?.fileName ? ` (${c.fileName})` : ''}. Choose another file to replace it.
            </Text>
          ) : null}
          <FileDrop
            label="Drop the .pfx file here"
            accept=".pfx,.p12"
            maxBytes={10 * 1024 * 1024}
            testId="pfx-drop"
            onFile={(file) => void choose(bytesToBase64(file.bytes), file.name)}
          />
          {draft.pfx !== '' || draft.certificateRef ? (
            <div>
              <Button
                size="small"
                onClick={() =>
                  kit.set(
                    { pfx: '', pfxFileName: null, certificateRef: null, certificate: storedCertificate },
                    'certificate',
                  )
                }
              >
                Forget the chosen file
              </Button>
            </div>
          ) : null}
        </div>
      </Field>
      <Field
        label="…or paste the PFX as base64"
        hint="The whole file as one base64 text (what the connection page’s Certificate field takes). Hidden like a password."
      >
        <SecretInput
          label="PFX as base64"
          value={draft.pfxFileName === null ? draft.pfx : ''}
          maxLength={14_000_000}
          onChange={(_e, d) => void choose(d.value.replace(/\s+/g, ''), null)}
        />
      </Field>
      {reading ? <Text role="status">Reading the certificate…</Text> : null}
      <PfxWarnings warnings={warnings} testId="pfx-warnings" />
      {hasFacts && c ? (
        <div className={styles.facts} aria-label="Certificate facts">
          <Text weight="semibold">Subject</Text>
          <Text>{c.subject}</Text>
          <Text weight="semibold">Thumbprint (SHA-1)</Text>
          <Text className={styles.mono}>{c.thumbprintSha1}</Text>
          <Text weight="semibold">Valid until</Text>
          <Text>{c.notAfter ? formatDate(c.notAfter) : ''}</Text>
        </div>
      ) : null}
      <Field
        label="Certificate password"
        hint="The PFX password, which the connection page also asks for. Kept in the OS keychain."
        {...secretShow(kit, 'pfxPassword', ['secrets.pfxPassword'], 'secrets.pfxPassword', draft.pfxPassword)}
      >
        <StoredSecretInput
          kit={kit}
          name="pfxPassword"
          label="certificate password"
          value={draft.pfxPassword}
          onChange={(v) => kit.set({ pfxPassword: v }, 'secrets.pfxPassword')}
          // The certificate's facts can only be read with its password: read again once it is typed.
          onBlur={() => draft.pfx && void choose(draft.pfx, draft.pfxFileName, draft.pfxPassword)}
        />
      </Field>
    </div>
  );
}

/** When the secret expires, for reminders at 30 and 7 days. */
export function SecretExpiryField({ kit }: { kit: FieldKit }) {
  const label =
    kit.draft.auth === 'certificate' ? 'Credential expiry date (optional)' : 'Client secret expires on (optional)';
  return (
    <Field
      label={label}
      hint="The Expires date under Certificates & secrets. The Expiry section warns 30 and 7 days before."
      {...kit.show(['secretExpiresAt'], 'secretExpiresAt')}
    >
      <Input
        type="date"
        value={kit.draft.secretExpiresAt}
        onChange={(_e, d) => kit.set({ secretExpiresAt: d.value }, 'secretExpiresAt')}
      />
    </Field>
  );
}
