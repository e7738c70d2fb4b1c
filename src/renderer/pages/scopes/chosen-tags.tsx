import { makeStyles, Tag, TagGroup, Text, tokens } from '@fluentui/react-components';
import { toggled, type ScopeSelection } from './selection';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** The chosen permissions as removable tags, delegated and application apart. */
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
        <TagGroup aria-labelledby={`chosen-${kind}`} onDismiss={(_e, d) => onChange({ ...value, [kind]: toggled(value[kind], String(d.value), false) })}>
          {value[kind].map((v) => (
            <Tag key={v} value={v} dismissible dismissIcon={{ 'aria-label': `Remove ${v}` }}>
              {v}
            </Tag>
          ))}
        </TagGroup>
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
