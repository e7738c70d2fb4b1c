import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { FolderOpenRegular } from '@fluentui/react-icons';
import { CopyButton } from '../../components/copy-button';
import { ErrorBar } from '../../components/error-bar';
import { Page } from '../../components/page';
import { useResult } from '../../lib/use-result';
import { workbench } from '../../lib/workbench';

const useStyles = makeStyles({
  label: { width: '220px', fontWeight: tokens.fontWeightSemibold },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

/** About: versions, secret storage backend and where data is kept. */
export function AboutPage() {
  const styles = useStyles();
  const about = useResult(() => workbench().app.about({}));
  if (about.loading && !about.value) return <Spinner label="Loading…" />;
  if (!about.value) return <ErrorBar error={about.error} />;
  const a = about.value;
  const rows: Array<[string, string, boolean?]> = [
    ['Version', a.appVersion],
    ['Electron', a.electronVersion ?? 'not running in Electron (test host)'],
    ['Chromium', a.chromeVersion ?? 'not running in Electron (test host)'],
    ['Node.js', a.nodeVersion],
    ['Platform', a.platform],
    ['Secret storage', `${a.secretStorage.description}${a.secretStorage.persistent ? '' : ' — session only'}`],
    ['Data folder', a.dataDirectory, true],
    ['Log file', a.logFile, true],
  ];
  return (
    <Page title={`About ${a.appName}`} description="Versions, where your data is kept and how secrets are protected.">
      {a.secretStorage.warning ? (
        <MessageBar intent="warning">
          <MessageBarBody>{a.secretStorage.warning}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Table aria-label="About this installation" size="small">
        <TableBody>
          {rows.map(([label, value, copyable]) => (
            <TableRow key={label}>
              <TableCell className={styles.label}>{label}</TableCell>
              <TableCell className={copyable ? styles.mono : undefined}>
                {value}{' '}
                {copyable ? (
                  <CopyButton
                    label={label.toLowerCase()}
                    copy={() => workbench().clipboard.copyText({ text: value })}
                  />
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div>
        <Button icon={<FolderOpenRegular />} onClick={() => void workbench().app.openDataFolder({})}>
          Open data folder
        </Button>
      </div>
    </Page>
  );
}
