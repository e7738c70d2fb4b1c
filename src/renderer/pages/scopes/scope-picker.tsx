import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { AuthKind } from '../../../shared/connections';
import type { ScopeBuild } from '../../../shared/contract/scopes';
import type { EnvironmentId } from '../../../shared/environments';
import { triggerKinds, triggerLabels, type ChecklistLine, type ScopeChecklist } from '../../../shared/permissions';
import { ErrorBar } from '../../components/error-bar';
import { useResult } from '../../lib/use-result';
import { workbench } from '../../lib/workbench';
import { AppOnlySection } from './app-only-section';
import { ChosenTags } from './chosen-tags';
import { PermissionSearch } from './permission-search';
import { ScopeOutputs } from './scope-outputs';
import { ScopeRowView } from './scope-row';
import { chosen, covering, includes, toggled, type ScopeSelection } from './selection';

const useStyles = makeStyles({
  picker: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  reason: { color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalS },
  switches: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

type TabId = 'minimum' | 'triggers' | 'full' | 'search';

const tabLabels: Record<TabId, string> = {
  minimum: 'Minimum',
  triggers: 'Triggers',
  full: 'Full set',
  search: 'Search all permissions',
};

/** The scope checklists of an option, a search over every Graph permission, the app-only choice and the outputs. */
export function ScopePicker(props: {
  auth: AuthKind;
  value: ScopeSelection;
  onChange: (value: ScopeSelection) => void;
  environment?: EnvironmentId;
  customHosts?: { loginHost: string; graphHost: string } | null;
  /** Fill an empty choice with the option's minimum once the checklist has loaded. */
  startFromMinimum?: boolean;
  /** The checklist shown first (the wizard opens Triggers when the admin said triggers are needed). */
  initialTab?: 'minimum' | 'triggers' | 'full';
  /** The app the permissions are for, to fill in the Sites.Selected grant. */
  app?: { clientId: string; name: string };
}) {
  const { auth, value, onChange } = props;
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>(props.initialTab ?? 'minimum');
  const [appOnly, setAppOnly] = useState(value.application.length > 0);
  const checklist = useResult(() => workbench().scopes.checklist({ auth }), [auth]);
  const [build, setBuild] = useState<ScopeBuild | null>(null);
  const environment = props.environment ?? 'office365';
  const customHosts = props.customHosts ?? null;
  const clientId = props.app?.clientId ?? '';
  const appName = props.app?.name ?? '';

  useEffect(() => {
    let current = true;
    void workbench()
      .scopes.build({
        auth,
        delegated: value.delegated,
        application: value.application,
        environment,
        customHosts,
        clientId: clientId.slice(0, 100),
        appName: appName.slice(0, 200),
      })
      .then((r) => current && r.ok && setBuild(r.value));
    return () => {
      current = false;
    };
  }, [auth, value, environment, customHosts, clientId, appName]);

  const loaded = checklist.value;
  const startFromMinimum = props.startFromMinimum ?? false;
  // Only when a checklist arrives: an admin who later clears every box keeps an empty choice.
  const filledFrom = useRef<ScopeChecklist | null>(null);
  useEffect(() => {
    if (!loaded || filledFrom.current === loaded) return;
    filledFrom.current = loaded;
    if (startFromMinimum && value.delegated.length === 0 && value.application.length === 0)
      onChange({ delegated: minimumOf(loaded), application: [] });
  }, [loaded, startFromMinimum, value, onChange]);

  const setDelegated = (delegated: string[]) => onChange({ ...value, delegated });

  const line = (l: ChecklistLine, key: string) => {
    if (l.options.length === 1) {
      const row = l.options[0]!;
      return (
        <div key={key}>
          <Text size={200} className={styles.reason} as="p">
            {l.reason}
          </Text>
          <ScopeRowView
            row={row}
            control={
              <Checkbox
                label={row.value}
                checked={includes(value.delegated, row.value)}
                onChange={(_e, d) => setDelegated(toggled(value.delegated, row.value, d.checked === true))}
              />
            }
          />
        </div>
      );
    }
    const picked = l.options.find((o) => includes(value.delegated, o.value))?.value ?? '';
    return (
      <div key={key}>
        <Text size={200} className={styles.reason} as="p">
          Choose one: {l.reason}
        </Text>
        <RadioGroup
          aria-label={`Choose one: ${l.options.map((o) => o.value).join(' or ')}`}
          value={picked}
          onChange={(_e, d) => setDelegated(chosen(value.delegated, l, d.value))}
        >
          {l.options.map((o) => (
            <ScopeRowView key={o.value} row={o} control={<Radio value={o.value} label={o.value} />} />
          ))}
        </RadioGroup>
      </div>
    );
  };

  if (checklist.loading && !checklist.value) return <Spinner label="Loading the permission checklists…" />;
  if (!checklist.value) return <ErrorBar error={checklist.error} />;
  const c = checklist.value;
  const minimumValues = minimumOf(c);

  return (
    <div className={styles.picker}>
      <ChosenTags value={value} onChange={onChange} />
      {/* A radio group rather than Fluent's TabList, whose focus sentinels axe reports as focusable hidden elements. */}
      <Field
        label="Checklist"
        hint="The documented minimum, what triggers add, the connector’s full set, or any Microsoft Graph permission."
      >
        <RadioGroup layout="horizontal" value={tab} onChange={(_e, d) => setTab(d.value as TabId)}>
          {(Object.keys(tabLabels) as TabId[]).map((t) => (
            <Radio key={t} value={t} label={tabLabels[t]} />
          ))}
        </RadioGroup>
      </Field>
      <section aria-label={tabLabels[tab]} className={styles.panel}>
        {tab === 'minimum' ? (
          <>
            <div>
              <Button onClick={() => setDelegated(minimumValues)}>Reset to the minimum</Button>
            </div>
            {c.minimum.map((l, i) => line(l, `min-${i}`))}
          </>
        ) : null}
        {tab === 'triggers' ? (
          <>
            <Text>
              Triggers need openid, offline_access and User.Read (or User.Read.All), plus one permission per kind of
              event.
            </Text>
            <div className={styles.switches}>
              {triggerKinds.map((t) => {
                const scope = c.triggers[t].options[0]!.value;
                return (
                  <Switch
                    key={t}
                    label={`${triggerLabels[t]} (${scope})`}
                    checked={includes(value.delegated, scope)}
                    onChange={(_e, d) =>
                      setDelegated(
                        d.checked
                          ? covering(toggled(value.delegated, scope, true), c.triggers.base)
                          : toggled(value.delegated, scope, false),
                      )
                    }
                  />
                );
              })}
            </div>
            {c.triggers.base.map((l, i) => line(l, `base-${i}`))}
            {triggerKinds.map((t) => line(c.triggers[t], `trigger-${t}`))}
          </>
        ) : null}
        {tab === 'full' ? (
          <>
            <div>
              <Button
                onClick={() =>
                  setDelegated([
                    ...c.full.map((l) => l.options[0]!.value),
                    ...value.delegated.filter((v) => !c.full.some((l) => includes([l.options[0]!.value], v))),
                  ])
                }
              >
                Choose the full set
              </Button>
            </div>
            {c.full.map((l, i) => line(l, `full-${i}`))}
          </>
        ) : null}
        {tab === 'search' ? (
          <PermissionSearch
            value={value}
            appOnly={appOnly}
            onChange={(next) => {
              if (next.application.length > 0) setAppOnly(true);
              onChange(next);
            }}
          />
        ) : null}
      </section>
      <Field hint="Only for access without a signed-in user, e.g. the Workbench’s app-only test. Application permissions always need admin consent and reach the whole tenant.">
        <Switch
          label="I also want app-only access (client credentials grant): pick application permissions"
          checked={appOnly}
          onChange={(_e, d) => {
            setAppOnly(d.checked);
            if (!d.checked && value.application.length > 0) onChange({ ...value, application: [] });
          }}
        />
      </Field>
      {appOnly && build ? <AppOnlySection build={build} value={value} onChange={onChange} /> : null}
      {build ? <ScopeOutputs build={build} selection={value} /> : <Spinner size="tiny" label="Building the outputs…" />}
    </div>
  );
}

/** The documented minimum of an option with the least-privileged choice of each line. */
export function minimumOf(checklist: ScopeChecklist): string[] {
  return checklist.minimum.map((l) => l.options[0]?.value).filter((v): v is string => v !== undefined);
}
