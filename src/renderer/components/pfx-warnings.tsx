import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { CertificateWarning } from '../../shared/certificates';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** What main found when it read a PFX (legacy protection, no password, an EC key, expiry, …), wherever a PFX enters. */
export function PfxWarnings({ warnings, testId }: { warnings: readonly CertificateWarning[]; testId?: string }) {
  const styles = useStyles();
  if (warnings.length === 0) return null;
  return (
    <div className={styles.list} data-testid={testId}>
      {warnings.map((w) => (
        <MessageBar key={w.code} intent={w.severity} data-warning={w.code} layout="multiline">
          <MessageBarBody>{w.message}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
