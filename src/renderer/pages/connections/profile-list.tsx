import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  SearchBox,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, ArrowDownloadRegular, ArrowUploadRegular, CopyAddRegular, DeleteRegular, DismissRegular, DocumentTextRegular, EditRegular, PersonKeyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { authKinds, authLabels, type AuthKind, type ExpiryRow } from '../../../shared/connections';
import type { ProfileListItem } from '../../../shared/contract/profiles';
import { environmentLabels } from '../../../shared/environments';
import type { AppError } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { Page } from '../../components/page';
import { downloadFile, inBrowser } from '../../lib/browser-files';
import { workbench } from '../../lib/workbench';
import { ExpirySection } from './expiry-section';
import { ImportDialog } from './import-dialog';
import { StatusBadges } from './status-badges';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  search: { minWidth: '280px', flexGrow: 1, maxWidth: '420px' },
  empty: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start', padding: tokens.spacingVerticalXL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  stack: { display: 'flex', flexDirection: 'column', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  nameColumn: { width: '30%' },
  problem: { color: tokens.colorPaletteDarkOrangeForeground1 },
  actionColumn: { width: '290px' },
  options: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', gap: tokens.spacingHorizontalS, flexBasis: '100%', width: '100%', order: 10 },
  option: { justifyContent: 'flex-start', textAlign: 'left', height: 'auto', padding: tokens.spacingHorizontalM },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

/** The "New connection" button: it opens the choice of the three options (inline, no popup menu). */
function NewConnection({ go, primary }: { go: (target: string) => void; primary?: boolean }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button appearance={primary ? 'primary' : 'secondary'} icon={<AddRegular />} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        New connection
      </Button>
      {open ? (
        <div role="group" aria-label="Choose the authentication option" className={styles.options}>
          <Button className={styles.option} appearance="primary" onClick={() => go('wizard')}>
            <span>
              <Text weight="semibold" block>
                Guided setup
              </Text>
              <Text size={200} block>
                Not sure which option? Step by step, from the app registration to a tested connection.
              </Text>
            </span>
          </Button>
          {authKinds.map((k) => (
            <Button key={k} className={styles.option} onClick={() => go(`connections?new=${k}`)}>
              <span>
                <Text weight="semibold" block>
                  {authLabels[k]}
                </Text>
                <Text size={200} block>
                  {optionSummaries[k]}
                </Text>
              </span>
            </Button>
          ))}
        </div>
      ) : null}
    </>
  );
}

const optionSummaries: Record<AuthKind, string> = {
  certificate: 'A certificate (PFX) and the account UPN the connection signs in as.',
  'client-credentials': 'A client secret; a service account signs in.',
  'byo-app': 'Your own app registration with a redirect URI on your domain.',
};

/** The Connections list: search, badges, actions, delete with undo, import and export, and the expiry view. */
export function ProfileList({ go }: { go: (target: string) => void }) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<ProfileListItem[] | null>(null);
  const [total, setTotal] = useState(0);
  const [expiry, setExpiry] = useState<ExpiryRow[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ id: string; name: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);

  useEffect(() => {
    let current = true;
    void Promise.all([workbench().profiles.list({ query }), workbench().profiles.list({}), workbench().profiles.expiry({})]).then(([filtered, all, rows]) => {
      if (!current) return;
      if (!filtered.ok) return setError(filtered.error);
      setItems(filtered.value);
      setTotal(all.ok ? all.value.length : filtered.value.length);
      if (rows.ok) setExpiry(rows.value);
    });
    return () => {
      current = false;
    };
  }, [query, version]);

  /** Export without secrets: a file chosen in main's save dialog, or a download in a browser tab (gcw ui). */
  const exportProfile = (id: string) =>
    inBrowser()
      ? act(workbench().profiles.exportText({ id }), (r) => {
          downloadFile({ fileName: r.fileName, mediaType: 'application/json', text: r.text });
          setMessage(`Downloaded ${r.fileName} (no secrets).`);
        })
      : act(workbench().profiles.exportRedacted({ id }), (r) => setMessage(`Exported to ${r.path} (no secrets).`));
  const act = async <T,>(pending: Promise<{ ok: true; value: T } | { ok: false; error: AppError }>, done: (value: T) => void) => {
    const r = await pending;
    if (!r.ok) {
      if (r.error.code !== 'dialog.cancelled') setError(r.error);
      return;
    }
    setError(null);
    done(r.value);
    refresh();
  };

  const remove = (item: ProfileListItem) => void act(workbench().profiles.delete({ id: item.entry.id }), (d) => { setDeleted(d); setMessage(null); });
  const undo = () => deleted && void act(workbench().profiles.restore({ id: deleted.id }), (e) => { setDeleted(null); setMessage(`Restored “${e.name}”.`); });

  return (
    <Page title="Connections" description="Connection profiles for the three authentication options. Secrets stay in the OS keychain; exports never contain them.">
      <ErrorBar error={error} />
      <div role="status" aria-live="polite">
        {deleted ? (
          <MessageBar intent="info">
            <MessageBarBody>Deleted “{deleted.name}”. Its secrets are kept until the app quits, so you can undo.</MessageBarBody>
            <MessageBarActions containerAction={<Button aria-label="Dismiss" appearance="transparent" icon={<DismissRegular />} onClick={() => setDeleted(null)} />}>
              <Button onClick={undo}>Undo</Button>
            </MessageBarActions>
          </MessageBar>
        ) : message ? (
          <MessageBar intent="success">
            <MessageBarBody>{message}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <div className={styles.toolbar}>
        <NewConnection go={go} primary />
        <Button icon={<ArrowUploadRegular />} onClick={() => setImporting(true)}>
          Import…
        </Button>
        <SearchBox className={styles.search} aria-label="Search connections" placeholder="Search name, client ID, tenant, UPN, domain…" value={query} onChange={(_e, d) => setQuery(d.value)} />
      </div>
      {items === null ? (
        <Spinner label="Loading connections…" />
      ) : total === 0 ? (
        <div className={styles.empty}>
          <Text as="h2" size={500} weight="semibold">
            No connections yet
          </Text>
          <Text>Create a profile for each connection you set up: choose its authentication option, fill the fields the connection page asks for, and keep the secrets in the OS keychain.</Text>
          <NewConnection go={go} primary />
        </div>
      ) : items.length === 0 ? (
        <Text as="p">No connection matches “{query}”. Clear the search to see all {total}.</Text>
      ) : (
        <Table aria-label="Connection profiles">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.nameColumn}>Name and option</TableHeaderCell>
              <TableHeaderCell>Tenant and environment</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell className={styles.actionColumn}>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => {
              const p = item.entry.profile;
              const name = item.entry.name;
              return (
                <TableRow key={item.entry.id} data-profile={name}>
                  <TableCell>
                    <div className={styles.stack}>
                      <Text weight="semibold">{name}</Text>
                      <Text size={200}>{item.entry.auth ? authLabels[item.entry.auth] : 'Unknown option'}</Text>
                      {item.entry.problems.length > 0 ? (
                        <Text size={200} className={styles.problem}>
                          {item.entry.problems.join(' ')}
                        </Text>
                      ) : null}
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className={styles.stack}>
                      <Text className={styles.mono}>{p?.tenant || '(no tenant)'}</Text>
                      <Text size={200}>{p ? environmentLabels[p.environment] : ''}</Text>
                    </div>
                  </TableCell>
                  <TableCell>
                    <StatusBadges item={item} />
                  </TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      {p ? (
                        <Button size="small" icon={<DocumentTextRegular />} onClick={() => go(`connections?sheet=${encodeURIComponent(item.entry.id)}`)} aria-label={`Connection sheet of ${name}`}>
                          Sheet
                        </Button>
                      ) : null}
                      {p ? (
                        <Button size="small" icon={<PersonKeyRegular />} onClick={() => go(`signin?profile=${encodeURIComponent(item.entry.id)}`)} aria-label={`Test ${name}`}>
                          Test
                        </Button>
                      ) : null}
                      {item.entry.editable ? (
                        <Button size="small" icon={<EditRegular />} onClick={() => go(`connections?edit=${encodeURIComponent(item.entry.id)}`)} aria-label={`Edit ${name}`}>
                          Edit
                        </Button>
                      ) : null}
                      {p ? (
                        <Button
                          size="small"
                          icon={<CopyAddRegular />}
                          aria-label={`Duplicate ${name}`}
                          title="Duplicate"
                          onClick={() => void act(workbench().profiles.duplicate({ id: item.entry.id }), (r) => setMessage(`Created “${r.entry.name}”.${r.skippedSecrets.length ? ` Secrets that could not be read were not copied: ${r.skippedSecrets.join(', ')}.` : ''}`))}
                        />
                      ) : null}
                      {p ? (
                        <Button
                          size="small"
                          icon={<ArrowDownloadRegular />}
                          aria-label={`Export ${name} without secrets`}
                          title="Export (no secrets)"
                          onClick={() => void exportProfile(item.entry.id)}
                        />
                      ) : null}
                      <Button size="small" icon={<DeleteRegular />} aria-label={`Delete ${name}`} title="Delete" onClick={() => remove(item)} />
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <ExpirySection rows={expiry} open={(id) => go(`connections?edit=${encodeURIComponent(id)}`)} />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(r) => {
          setImporting(false);
          const missing = Object.entries(r.entry.secrets).filter(([, s]) => s === 'missing').map(([n]) => n);
          setMessage(`Imported “${r.entry.name}”.${missing.length ? ' Open it to enter its secrets.' : ''}`);
          refresh();
        }}
      />
    </Page>
  );
}
