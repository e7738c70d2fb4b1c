import {
  Button,
  Caption1,
  CounterBadge,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { VerifyRun } from '../../../shared/contract/verify';
import { manifestFormatLabels, type AppRegistrationSummary, type FindingSeverity } from '../../../shared/registration';
import type { AppError, Result } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { useReveal } from '../../lib/use-reveal';
import { downloadFile, inBrowser } from '../../lib/browser-files';
import { workbench } from '../../lib/workbench';
import { FindingCard } from './finding-card';

const useStyles = makeStyles({
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  facts: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXL}` },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

const sections: Array<{ severity: FindingSeverity; title: string; color: 'danger' | 'important' | 'informative' }> = [
  { severity: 'error', title: 'Errors', color: 'danger' },
  { severity: 'warning', title: 'Warnings', color: 'important' },
  { severity: 'info', title: 'Notes', color: 'informative' },
];

const audienceWords: Record<string, string> = {
  AzureADMyOrg: 'Single tenant',
  AzureADMultipleOrgs: 'Multitenant',
  AzureADandPersonalMicrosoftAccount: 'Multitenant and personal accounts',
  PersonalMicrosoftAccount: 'Personal accounts only',
};

// Entra's values, matched without letter case as the verifier matches them (some tools write AzureADAndPersonal…).
function audienceWord(value: string): string {
  const key = Object.keys(audienceWords).find((k) => k.toLowerCase() === value.trim().toLowerCase());
  return key ? (audienceWords[key] ?? value) : value;
}

/** What a file that is not a whole registration was checked as (the finding cards say what that left out). */
function shapeWord(app: AppRegistrationSummary): string | null {
  if (app.template) return 'Teams Toolkit template';
  const sections = ['redirectUris', 'keyCredentials', 'passwordCredentials', 'requiredResourceAccess'] as const;
  const absent = sections.filter((s) => app.notInFile.includes(s));
  if (absent.length === 0) return null;
  return absent.length === 3 && !absent.includes('requiredResourceAccess') && app.appId === null
    ? 'Permissions only'
    : 'Part of a manifest';
}

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

function verdict(run: VerifyRun): { intent: 'error' | 'warning' | 'success'; title: string } {
  const { error, warning } = run.report.counts;
  if (error > 0) return { intent: 'error', title: 'Not ready: the connection will fail until the errors are fixed.' };
  if (warning > 0) return { intent: 'warning', title: 'No errors; review the warnings.' };
  return { intent: 'success', title: 'No errors or warnings.' };
}

/** The outcome of a check: verdict and counts, format and apps, findings grouped by severity, export and copy. `title` and `headingLevel` for a place under a lower heading (the connection sheet's Graph read-back). */
export function VerifyResults({
  run,
  title,
  headingLevel = 2,
}: {
  run: VerifyRun;
  title?: string;
  headingLevel?: 2 | 4;
}) {
  const styles = useStyles();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const { report } = run;
  const v = verdict(run);
  const Sub = headingLevel === 2 ? 'h3' : 'h5';
  const heading = useReveal<HTMLHeadingElement>();
  const act = async <T,>(pending: Promise<Result<T>>, done: (value: T) => string) => {
    setStatus(null);
    const result = await pending;
    if (!result.ok) {
      if (result.error.code !== 'dialog.cancelled') setError(result.error);
      return;
    }
    setError(null);
    setStatus(done(result.value));
  };
  const open = (url: string) => void act(workbench().app.openLink({ url }), () => 'Opened in your browser.');
  const exportAs = (format: 'markdown' | 'html') =>
    inBrowser()
      ? void act(workbench().verify.renderReport({ reportId: run.reportId, format }), (file) => {
          downloadFile(file);
          return `Downloaded ${file.fileName} (your browser's downloads).`;
        })
      : void act(
          workbench().verify.exportReport({ reportId: run.reportId, format }),
          (value) => `Saved to ${value.path}`,
        );
  return (
    <section className={styles.results} aria-labelledby="results-title" data-testid="verify-results">
      <Text
        as={headingLevel === 2 ? 'h2' : 'h4'}
        size={500}
        weight="semibold"
        id="results-title"
        tabIndex={-1}
        ref={heading}
      >
        {title ?? `Result${report.fileName ? ` for ${report.fileName}` : ''}`}
      </Text>
      <MessageBar intent={v.intent} data-testid="verdict">
        <MessageBarBody>
          <MessageBarTitle>{v.title}</MessageBarTitle>
          {report.counts.error} errors, {report.counts.warning} warnings, {report.counts.info} notes.
        </MessageBarBody>
      </MessageBar>
      <div className={styles.facts}>
        <Text>
          <strong>Format:</strong> {manifestFormatLabels[report.format]}
        </Text>
        <Text>
          <strong>Checked against:</strong>{' '}
          {run.profileName ? `the profile “${run.profileName}”` : 'the manifest alone'}
        </Text>
        {run.certificate ? (
          <Text>
            <strong>Certificate:</strong> <span className={styles.mono}>{run.certificate.thumbprintSha1}</span>
            {run.certificate.source === 'profile-thumbprint'
              ? ' (thumbprint saved in the profile; add the PFX to check its key)'
              : run.certificate.source === 'profile-pfx'
                ? ' (the profile’s PFX)'
                : ` (${run.certificate.fileName ?? 'PFX file'})`}
          </Text>
        ) : null}
      </div>
      {run.notes.map((note) => (
        <MessageBar key={note} intent="info">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ))}
      <Table size="small" aria-label="App registrations in the file">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>App</TableHeaderCell>
            <TableHeaderCell>Client ID</TableHeaderCell>
            <TableHeaderCell>Supported account types</TableHeaderCell>
            <TableHeaderCell>Redirect URIs</TableHeaderCell>
            <TableHeaderCell>Certificates</TableHeaderCell>
            <TableHeaderCell>Secrets</TableHeaderCell>
            <TableHeaderCell>API permissions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.apps.map((app) => (
            <TableRow key={app.index}>
              <TableCell>
                {app.displayName ?? 'Unnamed'}
                {shapeWord(app) ? (
                  <Caption1 block data-testid="app-shape">
                    {shapeWord(app)}
                  </Caption1>
                ) : null}
              </TableCell>
              <TableCell className={styles.mono}>{app.appId ?? '—'}</TableCell>
              <TableCell>{app.signInAudience ? audienceWord(app.signInAudience) : '—'}</TableCell>
              <TableCell>{app.redirectUris.length}</TableCell>
              <TableCell>{app.keyCredentials.length}</TableCell>
              <TableCell>{app.passwordCredentials.length}</TableCell>
              <TableCell>
                {app.requiredResourceAccess.length}
                {app.requiredResourceAccess.some((p) => p.resourceAppId !== GRAPH_APP_ID)
                  ? ` (${app.requiredResourceAccess.filter((p) => p.resourceAppId !== GRAPH_APP_ID).length} of other APIs, not checked)`
                  : ''}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.actions}>
        <Button icon={<ArrowDownloadRegular />} onClick={() => exportAs('markdown')}>
          {inBrowser() ? 'Download Markdown' : 'Export Markdown…'}
        </Button>
        <Button icon={<ArrowDownloadRegular />} onClick={() => exportAs('html')}>
          {inBrowser() ? 'Download HTML' : 'Export HTML…'}
        </Button>
        <Button
          icon={<CopyRegular />}
          onClick={() =>
            void act(workbench().verify.copyReport({ reportId: run.reportId }), () => 'Report copied as Markdown.')
          }
        >
          Copy as Markdown
        </Button>
        <Text role="status" aria-live="polite" data-testid="verify-status">
          {status ?? ''}
        </Text>
      </div>
      <ErrorBar error={error} />
      {sections.map((s) => {
        const findings = report.findings.filter((f) => f.severity === s.severity);
        return (
          <section
            key={s.severity}
            className={styles.section}
            aria-labelledby={`findings-${s.severity}`}
            data-testid={`findings-${s.severity}`}
          >
            <Sub className={styles.heading} id={`findings-${s.severity}`}>
              <Text size={400} weight="semibold">
                {s.title}
              </Text>
              <CounterBadge
                count={findings.length}
                showZero
                color={s.color}
                aria-label={`${findings.length} ${s.title.toLowerCase()}`}
              />
            </Sub>
            {findings.length === 0 ? (
              <Text>None.</Text>
            ) : (
              <ul className={styles.list}>
                {findings.map((f, i) => (
                  <FindingCard key={`${f.code}-${i}`} finding={f} onOpen={open} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </section>
  );
}
