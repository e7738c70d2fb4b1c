import { Button, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CopyRegular, DismissCircleFilled } from '@fluentui/react-icons';
import { useState } from 'react';
import { ok, type AppError } from '../../../shared/result';
import { CopyButton } from '../../components/copy-button';
import { useResult } from '../../lib/use-result';
import { useReveal } from '../../lib/use-reveal';
import { workbench } from '../../lib/workbench';
import { failureTitle } from './failure-title';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}`,
  },
  bad: { color: tokens.colorPaletteRedForeground1 },
  grid: {
    display: 'grid',
    gridTemplateColumns: '180px 1fr',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  def: { margin: 0, wordBreak: 'break-word' },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const text = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** A failed test: the code (and AADSTS name), our message, Microsoft's message, the fix, the IDs, and "Copy diagnostics". */
export function FailureCard({
  error,
  profileId,
  testName,
  onSignInAgain,
}: {
  error: AppError;
  profileId: string;
  testName: string | null;
  onSignInAgain: (() => void) | null;
}) {
  const styles = useStyles();
  const [copied, setCopied] = useState<string | null>(null);
  const copyDiagnostics = async () => {
    const r = await workbench().signin.copyDiagnostics({ profileId });
    setCopied(r.ok ? 'Diagnostics copied to the clipboard (secrets and tokens masked).' : r.error.message);
  };
  const d = error.details ?? {};
  const aadsts = typeof d.aadsts === 'number' ? d.aadsts : null;
  const lookup = useResult(
    () => (aadsts === null ? Promise.resolve(ok(null)) : workbench().signin.aadstsLookup({ code: aadsts })),
    [aadsts],
  );
  const entry = lookup.loading ? null : lookup.value;
  // Another error code: "copied" was said of the failure before.
  const [copiedFor, setCopiedFor] = useState(aadsts);
  if (copiedFor !== aadsts) {
    setCopiedFor(aadsts);
    setCopied(null);
  }
  const traceId = text(d.traceId);
  const correlationId = text(d.correlationId);
  const heading = useReveal<HTMLHeadingElement>();
  return (
    <Card
      className={styles.card}
      role="alert"
      aria-labelledby="signin-failure-title"
      data-testid="signin-failure"
      data-error-code={error.code}
    >
      <CardHeader
        image={<DismissCircleFilled className={styles.bad} fontSize={28} aria-hidden />}
        header={
          <Text as="h2" size={500} weight="semibold" id="signin-failure-title" tabIndex={-1} ref={heading}>
            {failureTitle(testName, error, entry?.category ?? null)}
          </Text>
        }
      />
      <Text>{error.message}</Text>
      <dl className={styles.grid}>
        {aadsts !== null ? (
          <>
            <dt className={styles.term}>Microsoft Entra error</dt>
            <dd className={`${styles.def} ${styles.mono}`}>
              AADSTS{aadsts}
              {entry ? ` — ${entry.name}` : ''}
            </dd>
          </>
        ) : null}
        <dt className={styles.term}>Code</dt>
        <dd className={`${styles.def} ${styles.mono}`}>{error.code}</dd>
        {text(d.microsoftMessage) ? (
          <>
            <dt className={styles.term}>Microsoft’s message</dt>
            <dd className={styles.def}>{text(d.microsoftMessage)}</dd>
          </>
        ) : null}
        {error.hint ? (
          <>
            <dt className={styles.term}>What to do</dt>
            <dd className={styles.def} data-testid="failure-fix">
              {error.hint}
            </dd>
          </>
        ) : null}
        {traceId ? (
          <>
            <dt className={styles.term}>Trace ID</dt>
            <dd className={`${styles.def} ${styles.row}`}>
              <span className={styles.mono}>{traceId}</span>
              <CopyButton label="trace ID" copy={() => workbench().clipboard.copyText({ text: traceId })} />
            </dd>
          </>
        ) : null}
        {correlationId ? (
          <>
            <dt className={styles.term}>Correlation ID</dt>
            <dd className={`${styles.def} ${styles.row}`}>
              <span className={styles.mono}>{correlationId}</span>
              <CopyButton label="correlation ID" copy={() => workbench().clipboard.copyText({ text: correlationId })} />
            </dd>
          </>
        ) : null}
      </dl>
      <div className={styles.row}>
        <Button icon={<CopyRegular />} onClick={() => void copyDiagnostics()}>
          Copy diagnostics
        </Button>
        <Text role="status" aria-live="polite" size={200}>
          {copied ?? 'A plain-text report for a ticket; secrets and tokens are masked.'}
        </Text>
        {onSignInAgain && d.signInAgain === true ? (
          <Button appearance="primary" onClick={onSignInAgain}>
            Sign in again
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
