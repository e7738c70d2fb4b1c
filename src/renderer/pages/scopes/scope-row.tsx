import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ScopeRow } from '../../../shared/permissions';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(200px, 240px) 1fr',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    alignItems: 'start',
  },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  id: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** What the row says about app-only access: the application permission, none (with the nearest), or a sign-in scope. */
export function counterpartText(row: ScopeRow): string {
  if (row.kind === 'application') return 'Application permission (app-only access).';
  if (row.signInScope) return 'App-only: none — sign-in scope.';
  if (row.application) return `App-only: ${row.application.value} (application permission, admin consent required).`;
  return row.applicationSuggestion
    ? `App-only: none — nearest application permission is ${row.applicationSuggestion} (broader).`
    : 'App-only: none — no application permission exists.';
}

/** One permission: the control (checkbox or radio) on the left; id, consent, description and app-only counterpart on the right. */
export function ScopeRowView({ row, control, extra }: { row: ScopeRow; control: ReactNode; extra?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.row} data-scope={`${row.kind}:${row.value}`}>
      <div>{control}</div>
      <div className={styles.details}>
        <div className={styles.line}>
          <Text weight="semibold">{row.displayName}</Text>
          <Badge
            appearance="tint"
            color={row.adminConsentRequired ? 'warning' : 'success'}
            aria-label={row.adminConsentRequired ? 'Admin consent required' : 'Users can consent'}
          >
            {row.adminConsentRequired ? 'Admin consent' : 'User consent'}
          </Badge>
          <Badge appearance="outline" color="informative">
            {row.kind === 'delegated' ? 'Delegated' : 'Application'}
          </Badge>
        </div>
        <Text className={styles.id}>ID {row.id}</Text>
        <Text>{row.description}</Text>
        <Text size={200} className={styles.muted}>
          {counterpartText(row)}
        </Text>
        {extra}
      </div>
    </div>
  );
}
