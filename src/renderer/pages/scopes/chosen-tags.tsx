import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { toggled, type ScopeSelection } from './selection';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  chips: {
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
    flexWrap: 'wrap',
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
});

/** The chosen permissions as removable chips, delegated and application apart (plain buttons: Fluent's TagGroup adds focus sentinels axe reports). */
export function ChosenTags({ value, onChange }: { value: ScopeSelection; onChange: (value: ScopeSelection) => void }) {
  const styles = useStyles();
  const group = (kind: 'delegated' | 'application', label: string) => (
    <div className={styles.box}>
      <Text weight="semibold" id={`chosen-${kind}`}>
        {label} ({value[kind].length})
      </Text>
      {value[kind].length === 0 ? (
        <Text>None chosen.</Text>
      ) : (
        <ul className={styles.chips} aria-labelledby={`chosen-${kind}`}>
          {value[kind].map((v) => (
            <li key={v}>
              <Button
                size="small"
                shape="circular"
                icon={<DismissRegular />}
                iconPosition="after"
                aria-label={`Remove ${v}`}
                onClick={() => onChange({ ...value, [kind]: toggled(value[kind], v, false) })}
              >
                {v}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
  return (
    <div className={styles.box}>
      {group('delegated', 'Chosen delegated permissions')}
      {value.application.length > 0 ? group('application', 'Chosen application permissions') : null}
    </div>
  );
}
