import {
  Button,
  Field,
  Input,
  makeStyles,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { GenerationStage, HeldCertificate, KeyAlgorithmChoice } from '../../../shared/certificates';
import type { AppError } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { workbench } from '../../lib/workbench';
import { errorTitle } from './error-text';
import { stageProgress, stageText } from './format';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
});

const KEYS: Array<[KeyAlgorithmChoice, string]> = [
  ['rsa-2048', 'RSA 2048 — works everywhere (recommended)'],
  ['rsa-3072', 'RSA 3072'],
  ['rsa-4096', 'RSA 4096 — slower to generate'],
  ['ec-p256', 'EC P-256 — Entra documents RSA for certificate sign-in; only if your platform accepts EC'],
  ['ec-p384', 'EC P-384 — as EC P-256'],
];

/** Generate a self-signed certificate for app-only sign-in, with progress. */
export function GeneratePanel({ onGenerated }: { onGenerated: (held: HeldCertificate) => void }) {
  const styles = useStyles();
  const [commonName, setCommonName] = useState('');
  const [organization, setOrganization] = useState('');
  const [unit, setUnit] = useState('');
  const [years, setYears] = useState('1');
  const [key, setKey] = useState<KeyAlgorithmChoice>('rsa-2048');
  const [stage, setStage] = useState<GenerationStage | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [touched, setTouched] = useState(false);
  const operation = useRef<string | null>(null);

  useEffect(
    () =>
      workbench().onEvent('certificates.progress', (p) => {
        if (p.operationId !== null && p.operationId === operation.current) setStage(p.stage);
      }),
    [],
  );

  const cnMissing = commonName.trim().length === 0;
  const generate = async () => {
    setTouched(true);
    if (cnMissing) return;
    operation.current = `generate-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    setError(null);
    setStage('generating-key');
    const result = await workbench().certificates.generate({
      commonName: commonName.trim(),
      organization: organization.trim() || undefined,
      organizationalUnit: unit.trim() || undefined,
      validityYears: Number(years),
      key,
      operationId: operation.current,
    });
    operation.current = null;
    setStage(null);
    if (!result.ok) setError(result.error);
    else onGenerated(result.value);
  };

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void generate();
      }}
    >
      <Field
        label="Subject name (CN)"
        required
        hint="Usually the app registration's name, e.g. contoso-sharepoint-sync. The Entra admin center shows it next to the thumbprint."
        validationState={touched && cnMissing ? 'error' : 'none'}
        validationMessage={touched && cnMissing ? 'Enter a subject name for the certificate.' : undefined}
      >
        <Input value={commonName} maxLength={64} onChange={(_e, d) => setCommonName(d.value)} />
      </Field>
      <Field label="Organization (O)" hint="Optional, e.g. your company's name.">
        <Input value={organization} maxLength={64} onChange={(_e, d) => setOrganization(d.value)} />
      </Field>
      <Field label="Organizational unit (OU)" hint="Optional, e.g. the team that runs the automation.">
        <Input value={unit} maxLength={64} onChange={(_e, d) => setUnit(d.value)} />
      </Field>
      <Field
        label="Validity"
        hint="Shorter is safer: a leaked key is useful to an attacker for less time. Put a reminder to renew before it expires."
      >
        <RadioGroup layout="horizontal" value={years} onChange={(_e, d) => setYears(d.value)}>
          <Radio value="1" label="1 year" />
          <Radio value="2" label="2 years" />
          <Radio value="3" label="3 years" />
        </RadioGroup>
      </Field>
      <Field label="Key" hint="The key is generated on this computer and never leaves it except in the PFX you export.">
        <Select value={key} onChange={(_e, d) => setKey(d.value as KeyAlgorithmChoice)}>
          {KEYS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabled={stage !== null}>
          Generate certificate
        </Button>
      </div>
      {stage ? (
        <Field label="Progress" validationMessage={stageText[stage]} validationState="none">
          <ProgressBar value={stageProgress[stage]} thickness="large" aria-valuetext={stageText[stage]} />
        </Field>
      ) : null}
      <div role="status" aria-live="polite" className="visually-hidden">
        {stage ? stageText[stage] : ''}
      </div>
      <ErrorBar error={error} title={error ? errorTitle(error) : undefined} />
    </form>
  );
}
