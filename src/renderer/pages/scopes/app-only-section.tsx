import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ScopeBuild } from '../../../shared/contract/scopes';
import { includes, toggled, type ScopeSelection } from './selection';
import { SiteGrantPanel } from './site-grant';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(160px, 200px) 1fr',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
  },
  muted: { color: tokens.colorNeutralForeground2 },
  suggested: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** For each chosen delegated permission, its application counterpart to pick for app-only access, or why there is none. */
export function AppOnlySection({
  build,
  value,
  onChange,
}: {
  build: ScopeBuild;
  value: ScopeSelection;
  onChange: (value: ScopeSelection) => void;
}) {
  const styles = useStyles();
  const pick = (permission: string, on: boolean) =>
    onChange({ ...value, application: toggled(value.application, permission, on) });
  const offered = new Set<string>();
  return (
    <section className={styles.section} aria-labelledby="app-only-title">
      <Text weight="semibold" id="app-only-title" as="h2" size={400}>
        Application permissions for app-only access
      </Text>
      <Text>
        App-only access has no signed-in user: it uses application permissions, which always need admin consent and
        reach the whole tenant — except Sites.Selected, which reaches only the sites granted to the app.
      </Text>
      <div
        role="group"
        aria-labelledby="app-only-suggested"
        className={styles.suggested}
        data-testid="app-only-suggestions"
      >
        <Text weight="semibold" id="app-only-suggested">
          Suggested for OneDrive and SharePoint
        </Text>
        {build.appOnlySuggestions.map((s) => {
          offered.add(s.value.toLowerCase());
          return (
            <div key={s.value} className={styles.row}>
              <Checkbox
                label={`${s.value} (application)`}
                checked={includes(value.application, s.value)}
                onChange={(_e, d) => pick(s.value, d.checked === true)}
              />
              <Text size={200}>{s.why}</Text>
            </div>
          );
        })}
      </div>
      {build.siteGrant ? <SiteGrantPanel grant={build.siteGrant} /> : null}
      {build.delegatedRows.map((row) => {
        const target = row.application?.value ?? row.applicationSuggestion;
        const shown = target !== null && target !== undefined && offered.has(target.toLowerCase());
        if (target) offered.add(target.toLowerCase());
        return (
          <div key={row.value} className={styles.row}>
            <Text>{row.value}</Text>
            {shown ? (
              <Text className={styles.muted}>{target} (application) — suggested above.</Text>
            ) : target ? (
              <Checkbox
                label={row.application ? `${target} (application)` : `${target} (application, nearest — broader)`}
                checked={includes(value.application, target)}
                onChange={(_e, d) => pick(target, d.checked === true)}
              />
            ) : (
              <Text className={styles.muted}>
                {row.signInScope ? 'None: sign-in scope.' : 'None: no application permission exists.'}
              </Text>
            )}
          </div>
        );
      })}
      {build.applicationRows
        .filter((row) => !offered.has(row.value.toLowerCase()))
        .map((row) => (
          <div key={row.value} className={styles.row}>
            <Text className={styles.muted}>(from search)</Text>
            <Checkbox
              label={`${row.value} (application)`}
              checked
              onChange={(_e, d) => pick(row.value, d.checked === true)}
            />
          </div>
        ))}
    </section>
  );
}
