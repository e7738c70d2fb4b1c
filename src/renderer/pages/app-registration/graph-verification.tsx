import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { FetchView } from '../../../shared/contract/graph';
import { VerifyResults } from '../verify/verify-results';
import { SecretMonthsField } from './secret-months-field';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const SECRET_CODES = ['secret.none_registered', 'secret.expired', 'secret.expiring', 'secret.hint_mismatch'];

/** The app as read back through Graph, verified against the profile and shown as the Verify page shows a manifest, with the repair of what Graph can fix. */
export function GraphVerification({
  view,
  profileId,
  profileName,
  disabled,
  onPreviewRepair,
}: {
  view: FetchView;
  profileId: string;
  profileName: string;
  disabled: boolean;
  onPreviewRepair: (secretMonths: number | null) => void;
}) {
  const styles = useStyles();
  const [months, setMonths] = useState('6');
  const fixable = view.report.findings.filter((f) => f.severity !== 'info' && view.fixable.includes(f.code));
  const needsSecret = view.fixable.some((c) => SECRET_CODES.includes(c));
  return (
    <div className={styles.box} data-testid="graph-verification">
      {view.reportId ? (
        <VerifyResults
          key={view.reportId}
          headingLevel={4}
          title={`Read back from Microsoft Graph: ${view.report.apps[0]?.displayName ?? 'app'} (${view.appId})`}
          run={{
            reportId: view.reportId,
            report: view.report,
            profileId,
            profileName,
            certificate: null,
            notes: [
              'Read through Microsoft Graph (GET /applications(appId=…)) just now and checked against the profile.',
            ],
          }}
        />
      ) : (
        <Text as="h4" weight="semibold">
          Read back {view.appId}: {view.report.counts.error} errors, {view.report.counts.warning} warnings.
        </Text>
      )}
      <div className={styles.box} role="group" aria-labelledby="graph-repair-heading" data-testid="graph-repair">
        <Text as="h4" weight="semibold" id="graph-repair-heading">
          Repair through Microsoft Graph
        </Text>
        {fixable.length === 0 ? (
          <Text>
            Nothing to repair: no finding above is one Graph can fix
            {view.report.counts.error + view.report.counts.warning > 0
              ? ' (the others say how to fix them in the admin center)'
              : ''}
            .
          </Text>
        ) : (
          <>
            <Text>
              Graph can fix {fixable.length === 1 ? 'this finding' : `these ${fixable.length} findings`}. The repair
              merges whole collections: nothing you have is dropped; the preview shows the difference before anything is
              sent.
            </Text>
            <ul className={styles.list}>
              {fixable.map((f, i) => (
                <li key={`${f.code}-${i}`}>
                  <span className={styles.mono}>{f.code}</span>: {f.message}
                </li>
              ))}
            </ul>
            <div className={styles.row}>
              {needsSecret ? (
                <SecretMonthsField label="New client secret valid for (months)" months={months} onChange={setMonths} />
              ) : null}
              <Button
                appearance="primary"
                disabled={disabled}
                onClick={() => onPreviewRepair(needsSecret ? Number(months) : null)}
              >
                Preview the repair
              </Button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
