import { Badge, Button, Field, Input, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { CertificateWarning, HeldCertificate } from '../../../shared/certificates';
import type { WizardSecretState } from '../../../shared/wizard';
import { PfxWarnings } from '../../components/pfx-warnings';
import { SecretInput } from '../../components/secret-input';
import { formatDate } from '../../lib/dates';
import { workbench } from '../../lib/workbench';
import { ExportPanel } from '../certificates/export-panel';
import { GeneratePanel } from '../certificates/generate-panel';
import { OpenPanel } from '../certificates/open-panel';
import type { StepProps } from './step-props';
import { useBeforeNext } from './use-before-next';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  def: { margin: 0, fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const stateText: Record<WizardSecretState, string> = {
  held: 'Held in memory until the profile is saved (step 5)',
  stored: 'Stored in the OS keychain with the profile',
  missing: 'Not given yet',
  lost: 'Typed before the app restarted and not saved: enter it again',
};

/** Where a secret is, as a badge. */
export function SecretBadge({ state, what }: { state: WizardSecretState; what: string }) {
  const color = state === 'stored' || state === 'held' ? 'success' : state === 'lost' ? 'danger' : 'informative';
  return (
    <Badge appearance="tint" color={color} data-testid={`${what}-state`} data-state={state}>
      {stateText[state]}
    </Badge>
  );
}

/** Step 3 for a secret option: the client secret (sent to main at once, never kept here) and its expiry date. */
function SecretPart(props: StepProps) {
  const { view, act, kit } = props;
  const styles = useStyles();
  const [typed, setTyped] = useState('');
  const kept = useRef<string | null>(null);
  const keep = async () => {
    // Blur and Next may both ask: hand each typed value to main once.
    if (!typed || typed === kept.current) return true;
    kept.current = typed;
    const result = await act(() => workbench().wizard.holdSecret({ clientSecret: typed }));
    if (!result) {
      kept.current = null;
      return false;
    }
    setTyped('');
    return true;
  };
  // Next keeps a secret typed but not yet handed to main.
  useBeforeNext(props.setBeforeNext, keep);
  return (
    <div className={styles.group}>
      <Field
        label="Client secret"
        hint="The secret’s Value from Certificates & secrets (shown once, right after it is created) — not its Secret ID. It goes to main at once: held in memory until the profile is saved, then kept in the OS keychain. It is never written to the wizard’s file."
        required={view.secrets.clientSecret !== 'stored' && view.secrets.clientSecret !== 'held'}
      >
        <SecretInput
          label="client secret"
          value={typed}
          maxLength={200_000}
          placeholder={
            view.secrets.clientSecret === 'missing' || view.secrets.clientSecret === 'lost'
              ? undefined
              : 'Kept — type a new one to replace it'
          }
          onChange={(_e, d) => setTyped(d.value)}
          onBlur={() => void keep()}
        />
      </Field>
      <div className={styles.row}>
        <Button disabled={!typed} onClick={() => void keep()}>
          Keep this secret
        </Button>
        <SecretBadge state={view.secrets.clientSecret} what="client-secret" />
      </div>
      <Field
        label="Client secret expires on"
        hint="The Expires date under Certificates & secrets. The Workbench reminds you 30 and 7 days before, and the connection record shows it."
        {...kit.show(['secretExpiresAt'], 'secretExpiresAt')}
      >
        <Input
          type="date"
          value={kit.draft.secretExpiresAt}
          onChange={(_e, d) => kit.set({ secretExpiresAt: d.value }, 'secretExpiresAt')}
        />
      </Field>
    </div>
  );
}

/** Step 3 for the certificate option: import a PFX or generate one (and export it with a password), then use it. */
function CertificatePart(props: StepProps) {
  const { view, act, setDraft } = props;
  const styles = useStyles();
  const [how, setHow] = useState<'import' | 'generate'>(
    view.certificate?.source === 'generated' ? 'generate' : 'import',
  );
  const [generated, setGenerated] = useState<HeldCertificate | null>(null);
  const [warnings, setWarnings] = useState<CertificateWarning[]>([]);
  const use = async (held: HeldCertificate, source: 'imported' | 'generated') => {
    const used = await act(() => workbench().wizard.useCertificate({ ref: held.ref, source }));
    if (!used) return;
    setWarnings(held.details.warnings);
    // The certificate's end date is the connection's expiry date (reminders and the record).
    setDraft({ secretExpiresAt: held.details.certificate.notAfter.slice(0, 10) });
  };
  const c = view.certificate;
  return (
    <div className={styles.group}>
      {c ? (
        <section aria-labelledby="chosen-certificate" data-testid="chosen-certificate">
          <Text as="h3" size={400} weight="semibold" id="chosen-certificate">
            Certificate for this connection
          </Text>
          <dl className={styles.facts}>
            <dt className={styles.term}>Subject</dt>
            <dd className={styles.def}>{c.subject}</dd>
            <dt className={styles.term}>Thumbprint (SHA-1)</dt>
            <dd className={styles.def}>{c.thumbprintSha1}</dd>
            <dt className={styles.term}>Thumbprint (SHA-256)</dt>
            <dd className={styles.def}>{c.thumbprintSha256}</dd>
            <dt className={styles.term}>Valid until</dt>
            <dd className={styles.def}>{formatDate(c.notAfter)}</dd>
          </dl>
          <div className={styles.row}>
            <SecretBadge state={view.secrets.certificate} what="certificate" />
          </div>
          <PfxWarnings warnings={warnings} testId="pfx-warnings" />
        </section>
      ) : null}
      <Field
        label={c ? 'Use another certificate' : 'Certificate'}
        hint="Import the PFX you already have (with its private key), or generate a new self-signed one here and export it with a password."
      >
        <RadioGroup layout="horizontal" value={how} onChange={(_e, d) => setHow(d.value as 'import' | 'generate')}>
          <Radio value="import" label="Import a PFX" />
          <Radio value="generate" label="Generate a new certificate" />
        </RadioGroup>
      </Field>
      {how === 'import' ? <OpenPanel onOpened={(held) => void use(held, 'imported')} /> : null}
      {how === 'generate' ? (
        generated ? (
          <>
            <Text>
              Generated {generated.details.certificate.subject}. Export it now: the connection needs the PFX file and
              its password, and the app registration the .cer file.
            </Text>
            <ExportPanel key={generated.ref} held={generated} onExported={(held) => void use(held, 'generated')} />
          </>
        ) : (
          <GeneratePanel onGenerated={setGenerated} />
        )
      ) : null}
    </div>
  );
}

/** Step 3: the certificate (import or generate) or the client secret and its expiry. */
export function CredentialStep(props: StepProps) {
  return props.auth === 'certificate' ? <CertificatePart {...props} /> : <SecretPart {...props} />;
}
