import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  SearchBox,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowUploadRegular, DismissRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ExpiryRow } from '../../../shared/connections';
import type { ProfileListItem } from '../../../shared/contract/profiles';
import type { AppError, Result } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { Page } from '../../components/page';
import { downloadFile, inBrowser } from '../../lib/browser-files';
import { workbench } from '../../lib/workbench';
import { ExpirySection } from './expiry-section';
import { ImportDialog } from './import-dialog';
import { NewConnection } from './new-connection';
import { ProfileGrid } from './profile-grid';
import { ProfileToolbar, type RowActions } from './profile-toolbar';
import { SheetDrawer } from './sheet-drawer';
import { href, type Href } from '../../../shared/routes';

const useStyles = makeStyles({
  commands: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  search: { flexGrow: 1, minWidth: '200px', maxWidth: '420px' },
  empty: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    alignItems: 'flex-start',
    padding: tokens.spacingVerticalXL,
  },
});

/** Connections as a console: commands, the grid with a toolbar for the selected row, the sheet in a panel (`?sheet=<id>`), expiry. */
export function ProfileList({ go, sheetId }: { go: (to: Href) => void; sheetId: string | null }) {
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<ProfileListItem[] | null>(null);
  const [total, setTotal] = useState(0);
  const [expiry, setExpiry] = useState<ExpiryRow[]>([]);
  const [selected, setSelected] = useState<string | null>(sheetId);
  const [error, setError] = useState<AppError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ id: string; name: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const [version, setVersion] = useState(0);
  const refresh = () => setVersion((v) => v + 1);

  useEffect(() => {
    let current = true;
    void Promise.all([
      workbench().profiles.list({ query }),
      workbench().profiles.list({}),
      workbench().profiles.expiry({}),
    ]).then(([filtered, all, rows]) => {
      if (!current) return;
      if (!filtered.ok) return setError(filtered.error);
      setItems(filtered.value);
      setTotal(all.ok ? all.value.length : filtered.value.length);
      if (rows.ok) setExpiry(rows.value);
    });
    return () => {
      current = false;
    };
  }, [query, version, sheetId]);

  const act = async <T,>(pending: Promise<Result<T>>, done: (value: T) => void) => {
    const r = await pending;
    if (!r.ok) {
      if (r.error.code !== 'dialog.cancelled') setError(r.error);
      return;
    }
    setError(null);
    done(r.value);
    refresh();
  };
  const on: RowActions = {
    sheet: (item) => go(href('connections', { sheet: item.entry.id })),
    test: (item) => go(href('signin', { profile: item.entry.id })),
    edit: (item) => go(href('connections', { edit: item.entry.id })),
    duplicate: (item) =>
      void act(workbench().profiles.duplicate({ id: item.entry.id }), (r) =>
        setMessage(
          `Created “${r.entry.name}”.${r.skippedSecrets.length ? ` Secrets that could not be read were not copied: ${r.skippedSecrets.join(', ')}.` : ''}`,
        ),
      ),
    // Without secrets: a file chosen in main's save dialog, or a download in a browser tab (gcw ui).
    exportFile: (item) =>
      void (inBrowser()
        ? act(workbench().profiles.exportText({ id: item.entry.id }), (r) => {
            downloadFile({ fileName: r.fileName, mediaType: 'application/json', text: r.text });
            setMessage(`Downloaded ${r.fileName} (no secrets).`);
          })
        : act(workbench().profiles.exportRedacted({ id: item.entry.id }), (r) =>
            setMessage(`Exported to ${r.path} (no secrets).`),
          )),
    remove: (item) =>
      void act(workbench().profiles.delete({ id: item.entry.id }), (d) => {
        setDeleted(d);
        setMessage(null);
        setSelected(null);
      }),
  };
  const undo = () =>
    deleted &&
    void act(workbench().profiles.restore({ id: deleted.id }), (e) => {
      setDeleted(null);
      setMessage(`Restored “${e.name}”.`);
    });
  const chosen = items?.find((i) => i.entry.id === selected) ?? null;
  const sheetName = items?.find((i) => i.entry.id === sheetId)?.entry.name ?? '';

  return (
    <Page
      title="Connections"
      description="Connection profiles for the three authentication options, with what the evidence says about each. Secrets stay in the OS keychain; exports never contain them."
      wide
    >
      <ErrorBar error={error} />
      <div role="status" aria-live="polite">
        {deleted ? (
          <MessageBar intent="info">
            <MessageBarBody>
              Deleted “{deleted.name}”. Its secrets are kept until the app quits, so you can undo.
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  aria-label="Dismiss"
                  appearance="transparent"
                  icon={<DismissRegular />}
                  onClick={() => setDeleted(null)}
                />
              }
            >
              <Button onClick={undo}>Undo</Button>
            </MessageBarActions>
          </MessageBar>
        ) : message ? (
          <MessageBar intent="success">
            <MessageBarBody>{message}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <div className={styles.commands}>
        <NewConnection go={go} primary />
        <Button icon={<ArrowUploadRegular />} onClick={() => setImporting(true)}>
          Import…
        </Button>
        <SearchBox
          className={styles.search}
          aria-label="Search connections"
          placeholder="Search name, client ID, tenant, UPN, domain…"
          value={query}
          onChange={(_e, d) => setQuery(d.value)}
        />
      </div>
      {items === null ? (
        <Spinner label="Loading connections…" />
      ) : total === 0 ? (
        <div className={styles.empty}>
          <Text as="h2" size={500} weight="semibold">
            No connections yet
          </Text>
          <Text>
            Create a profile for each connection you set up: choose its authentication option, fill the fields the
            connection page asks for, and keep the secrets in the OS keychain.
          </Text>
          <NewConnection go={go} primary />
        </div>
      ) : items.length === 0 ? (
        <Text as="p">
          No connection matches “{query}”. Clear the search to see all {total}.
        </Text>
      ) : (
        <>
          <ProfileToolbar item={chosen} on={on} />
          <ProfileGrid
            items={items}
            selected={selected}
            onSelect={setSelected}
            onOpen={(profileId) => {
              setSelected(profileId);
              go(href('connections', { sheet: profileId }));
            }}
          />
        </>
      )}
      <ExpirySection rows={expiry} open={(profileId) => go(href('connections', { edit: profileId }))} />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={(r) => {
          setImporting(false);
          const missing = Object.entries(r.entry.secrets)
            .filter(([, s]) => s === 'missing')
            .map(([n]) => n);
          setMessage(`Imported “${r.entry.name}”.${missing.length ? ' Open it to enter its secrets.' : ''}`);
          refresh();
        }}
      />
      <SheetDrawer id={sheetId} name={sheetName} go={go} version={version} />
    </Page>
  );
}
