import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular, EditRegular, ListRegular, OpenRegular, PersonKeyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ErrorBar } from '../../components/error-bar';
import { TransientDrawer } from '../../components/transient-drawer';
import { useLastNonNull } from '../../lib/use-last';
import { useResult } from '../../lib/use-result';
import { workbench } from '../../lib/workbench';
import { GraphPanel } from '../app-registration/graph-panel';
import { ConnectionSheetBody } from './connection-sheet';
import { RecordSection } from './record-section';
import { StatusSection } from './status-section';
import { href, type Href } from '../../../shared/routes';

const useStyles = makeStyles({
  drawer: { width: 'min(760px, 100vw)' },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalXXL,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  help: { color: tokens.colorNeutralForeground2 },
});

function SheetContent({ id, go, version }: { id: string; go: (to: Href) => void; version: number }) {
  const styles = useStyles();
  // A change through Graph (a new client ID, secret or certificate) reloads the sheet and the record.
  const [changed, setChanged] = useState(0);
  const sheet = useResult(() => workbench().profiles.connectionSheet({ id }), [id], `${version}:${changed}`);
  if (sheet.loading && !sheet.value) return <Spinner label="Loading the connection sheet…" />;
  if (!sheet.value) return <ErrorBar error={sheet.error} title="No connection sheet" />;
  const s = sheet.value;
  return (
    <>
      <Text className={styles.help}>
        {s.title}. The fields in the order the connection page asks for them. Secrets are copied only when you click,
        and cleared from the clipboard after {s.clipboardClearSeconds} seconds.
      </Text>
      <div className={styles.actions}>
        <Button icon={<EditRegular />} onClick={() => go(href('connections', { edit: id }))}>
          Edit profile
        </Button>
        <Button icon={<PersonKeyRegular />} onClick={() => go(href('signin', { profile: id }))}>
          Test the sign-in
        </Button>
        <Button icon={<ListRegular />} onClick={() => go(href('scopes', { profile: id }))}>
          Review the scopes
        </Button>
        {s.appRegistrationUrl ? (
          <Button
            icon={<OpenRegular />}
            onClick={() => void workbench().app.openLink({ url: s.appRegistrationUrl ?? '' })}
          >
            Open the app registration
          </Button>
        ) : null}
      </div>
      <StatusSection profileId={id} headingLevel={3} version={version} />
      <section aria-labelledby="sheet-fields" className={styles.body}>
        <Text as="h3" size={500} weight="semibold" id="sheet-fields">
          Connection page fields
        </Text>
        <ConnectionSheetBody id={id} sheet={s} headingLevel={3} />
      </section>
      <RecordSection key={changed} profileId={id} headingLevel={3} />
      <GraphPanel
        profileId={id}
        profileName={s.profileName}
        hasClientId={Boolean(s.fields.find((f) => f.key === 'clientId')?.value)}
        auth={s.auth}
        headingLevel={3}
        onChanged={() => setChanged((n) => n + 1)}
      />
    </>
  );
}

/** The connection sheet of a profile in a panel over the list (`?sheet=<id>`), so the list stays where it was. */
export function SheetDrawer({
  id,
  name,
  go,
  version,
}: {
  id: string | null;
  name: string;
  go: (to: Href) => void;
  version: number;
}) {
  const styles = useStyles();
  const close = () => go(href('connections'));
  // While the panel slides out, it keeps showing the profile it had.
  const shown = useLastNonNull(id);
  return (
    <TransientDrawer
      open={id !== null}
      inertTrapFocus
      position="end"
      size="medium"
      className={styles.drawer}
      onOpenChange={(_e, d) => !d.open && close()}
      aria-labelledby="sheet-drawer-title"
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          heading={{ id: 'sheet-drawer-title' }}
          action={
            <Button
              appearance="subtle"
              aria-label="Close the connection sheet"
              icon={<DismissRegular />}
              onClick={close}
            />
          }
        >
          Connection sheet: {name}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        {shown ? <SheetContent id={shown} go={go} version={version} /> : null}
      </DrawerBody>
    </TransientDrawer>
  );
}
