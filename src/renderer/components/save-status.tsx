import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, WarningRegular } from '@fluentui/react-icons';

const useStyles = makeStyles({
  status: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minHeight: '32px' },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

/** Next to a Save button: "Unsaved changes", or what the last save did (announced). */
export function SaveStatus({
  dirty,
  saved,
  problem = false,
}: {
  dirty: boolean;
  saved: string | null;
  problem?: boolean;
}) {
  const styles = useStyles();
  const text = dirty ? 'Unsaved changes' : saved;
  const Icon = problem ? WarningRegular : CheckmarkCircleRegular;
  return (
    <span className={styles.status} role="status" aria-live="polite" data-testid="save-status">
      {text && !dirty ? <Icon className={problem ? styles.warn : styles.ok} aria-hidden /> : null}
      {text ? <Text>{text}</Text> : null}
    </span>
  );
}
