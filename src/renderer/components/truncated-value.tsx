import { makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { workbench } from '../lib/workbench';
import { CopyButton } from './copy-button';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, minWidth: 0, maxWidth: '100%' },
  value: {
    fontFamily: tokens.fontFamilyMonospace,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    minWidth: 0,
  },
});

/** An ID, tenant or URL on one line: never broken inside a word, cut with "…" when narrow, the whole value in a tooltip and copied by a button. */
export function TruncatedValue({ value, label, empty = '—' }: { value: string; label: string; empty?: string }) {
  const styles = useStyles();
  if (!value) return <span>{empty}</span>;
  return (
    <span className={styles.row}>
      <Tooltip content={value} relationship="description">
        <span className={styles.value} data-value={value}>
          {value}
        </span>
      </Tooltip>
      <CopyButton label={`${label} ${value}`} copy={() => workbench().clipboard.copyText({ text: value })} />
    </span>
  );
}
