import { Button, Checkbox, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ChecklistItem, WizardChecklist } from '../../../shared/contract/wizard';
import type { AppError } from '../../../shared/result';
import { CopyButton } from '../../components/copy-button';
import { ErrorBar } from '../../components/error-bar';
import { workbench } from '../../lib/workbench';
import { splitList } from '../connections/draft';
import { AudienceField, ClientIdField, TenantField } from '../connections/identity-fields';
import { DomainField } from './domain-field';
import { RegisterThroughGraph } from './register-graph';
import type { StepProps } from './step-props';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  head: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    flexWrap: 'wrap',
  },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  values: {
    display: 'grid',
    gridTemplateColumns: 'minmax(180px, 280px) 1fr',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    alignItems: 'start',
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  def: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  valueRow: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  note: { color: tokens.colorNeutralForeground2 },
  links: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
});

function ValueRows({ item }: { item: ChecklistItem }) {
  const styles = useStyles();
  if (item.values.length === 0) return null;
  return (
    <dl className={styles.values}>
      {item.values.map((v) => (
        <div key={`${v.label}-${v.value}`} style={{ display: 'contents' }} data-value={v.value}>
          <dt className={styles.term}>
            {v.label}
            {v.platform ? ` (platform: ${v.platform})` : ''}
          </dt>
          <dd className={styles.def}>
            <span className={styles.valueRow}>
              <span className={styles.mono}>{v.value || '—'}</span>
              {v.value ? (
                <CopyButton
                  label={`${v.label} ${v.value}`}
                  copy={() => workbench().clipboard.copyText({ text: v.value })}
                />
              ) : null}
              {v.kind ? (
                <Text size={200}>
                  {v.kind === 'delegated' ? 'Delegated' : 'Application'}
                  {v.adminConsentRequired ? ' · needs admin consent' : ''}
                </Text>
              ) : null}
            </span>
            {v.note ? (
              <Text size={200} className={styles.note}>
                {v.note}
              </Text>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Step 2: the app-registration checklist with the exact values for the option and cloud, copy buttons and admin-center links. */
export function RegisterStep(props: StepProps) {
  const { view, auth, update, kit } = props;
  const styles = useStyles();
  const d = view.state.draft;
  const [checklist, setChecklist] = useState<WizardChecklist | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const thumbprint = view.certificate?.thumbprintSha1 ?? '';

  useEffect(() => {
    let current = true;
    const timer = window.setTimeout(() => {
      void workbench()
        .wizard.checklist({
          auth,
          environment: d.environment,
          customHosts: d.environment === 'custom' ? { loginHost: d.loginHost, graphHost: d.graphHost } : null,
          domain: d.domain,
          audience: d.audience,
          clientId: d.clientId,
          tenant: d.tenant,
          scopes: splitList(d.scopes),
          appOnlyPermissions: splitList(d.appOnlyPermissions),
          thumbprint,
        })
        .then((r) => {
          if (!current) return;
          if (r.ok) setChecklist(r.value);
          setError(r.ok ? null : r.error);
        });
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [
    auth,
    d.environment,
    d.loginHost,
    d.graphHost,
    d.domain,
    d.audience,
    d.clientId,
    d.tenant,
    d.scopes,
    d.appOnlyPermissions,
    thumbprint,
  ]);

  const tick = (id: string, on: boolean) =>
    update((s) => ({
      ...s,
      checklistDone: on ? [...new Set([...s.checklistDone, id])] : s.checklistDone.filter((x) => x !== id),
    }));

  if (!checklist) return error ? <ErrorBar error={error} /> : <Spinner label="Building the checklist…" />;
  return (
    <>
      <Text>
        Do these on the app registration in the Microsoft Entra admin center ({checklist.cloudLabel}). Tick each one
        when it is done; the values are exactly what to enter. The permissions come from the Scopes step (step 4) — come
        back here after changing them.
      </Text>
      {auth === 'byo-app' ? (
        <div className={styles.fields}>
          <AudienceField kit={kit} />
          <DomainField kit={kit} />
        </div>
      ) : null}
      <ol className={styles.list} aria-label="App registration checklist">
        {checklist.items.map((item) => (
          <li key={item.id} className={styles.item} data-item={item.id}>
            <div className={styles.head}>
              <Text as="h3" size={400} weight="semibold" id={`check-${item.id}`}>
                {item.title}
                {item.requiredForConnection
                  ? ''
                  : item.id === 'consent'
                    ? ' (optional)'
                    : ' (for the Workbench’s tests)'}
              </Text>
              <Checkbox
                label="Done"
                aria-describedby={`check-${item.id}`}
                checked={view.state.checklistDone.includes(item.id)}
                onChange={(_e, data) => tick(item.id, data.checked === true)}
              />
            </div>
            <ol className={styles.steps}>
              {item.steps.map((s) => (
                <li key={s}>
                  <Text>{s}</Text>
                </li>
              ))}
            </ol>
            <ValueRows item={item} />
            {item.id === 'ids' ? (
              <div className={styles.fields}>
                <ClientIdField kit={kit} />
                <TenantField kit={kit} />
              </div>
            ) : null}
            <div className={styles.links}>
              {item.links.map((l) => (
                <Button
                  key={l.url}
                  size="small"
                  icon={<OpenRegular />}
                  onClick={() => void workbench().app.openLink({ url: l.url })}
                >
                  Open {l.label}
                </Button>
              ))}
            </div>
          </li>
        ))}
      </ol>
      <RegisterThroughGraph {...props} />
    </>
  );
}
