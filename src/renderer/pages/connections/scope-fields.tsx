import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ListRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { TransientDialog } from '../../components/transient-dialog';
import { useLastNonNull } from '../../lib/use-last';
import { ScopePicker } from '../scopes/scope-picker';
import type { ScopeSelection } from '../scopes/selection';
import { splitList } from './draft';
import type { FieldKit } from './field-kit';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  grow: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
  surface: { maxWidth: 'min(1100px, 95vw)', width: '1100px' },
  content: { maxHeight: '70vh', overflowY: 'auto' },
});

const noScopes: ScopeSelection = { delegated: [], application: [] };

/** Delegated scopes and app-only application permissions, typed or chosen from the checklists in a dialog. */
export function ScopeFields({ kit }: { kit: FieldKit }) {
  const styles = useStyles();
  const [picking, setPicking] = useState<ScopeSelection | null>(null);
  const { draft } = kit;
  // The choice stays on screen while the dialog animates closed.
  const shown = useLastNonNull(picking) ?? noScopes;
  const hint =
    draft.auth === 'certificate'
      ? 'Delegated permissions the app registration grants, separated by spaces. The certificate connection page does not ask for them, but the account needs them.'
      : 'Delegated permissions for the connection page’s Scopes field, separated by spaces.';
  return (
    <>
      <Field label="Scopes" hint={hint} {...kit.show(['scopes'], 'scopes')}>
        <div className={styles.row}>
          <Input
            className={styles.grow}
            value={draft.scopes}
            maxLength={10_000}
            spellCheck={false}
            onChange={(_e, d) => kit.set({ scopes: d.value }, 'scopes')}
          />
          <Button
            icon={<ListRegular />}
            onClick={() =>
              setPicking({ delegated: splitList(draft.scopes), application: splitList(draft.appOnlyPermissions) })
            }
          >
            Choose scopes…
          </Button>
        </div>
      </Field>
      <Field
        label="Application permissions for an app-only test (optional)"
        hint="Only if you also want app-only access (client credentials grant), e.g. Sites.Selected. Separated by spaces."
        {...kit.show(['appOnlyPermissions'], 'appOnlyPermissions')}
      >
        <Input
          className={styles.grow}
          value={draft.appOnlyPermissions}
          maxLength={10_000}
          spellCheck={false}
          onChange={(_e, d) => kit.set({ appOnlyPermissions: d.value }, 'appOnlyPermissions')}
        />
      </Field>
      <TransientDialog open={picking !== null} onOpenChange={(_e, d) => !d.open && setPicking(null)}>
        <DialogSurface className={styles.surface}>
          <DialogBody>
            <DialogTitle>Choose scopes</DialogTitle>
            <DialogContent className={styles.content}>
              <ScopePicker
                auth={draft.auth}
                value={shown}
                onChange={setPicking}
                environment={draft.environment}
                customHosts={
                  draft.environment === 'custom' ? { loginHost: draft.loginHost, graphHost: draft.graphHost } : null
                }
              />
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  kit.set(
                    { scopes: shown.delegated.join(' '), appOnlyPermissions: shown.application.join(' ') },
                    'scopes',
                  );
                  setPicking(null);
                }}
              >
                Use these scopes
              </Button>
              <Button onClick={() => setPicking(null)}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </TransientDialog>
    </>
  );
}

/** Free notes about the connection. */
export function NotesField({ kit }: { kit: FieldKit }) {
  return (
    <Field
      label="Notes (optional)"
      hint="Anything worth remembering: who owns the app registration, which automation uses it. Never put a secret here."
    >
      <Textarea
        value={kit.draft.notes}
        maxLength={10_000}
        resize="vertical"
        onChange={(_e, d) => kit.set({ notes: d.value }, 'notes')}
      />
    </Field>
  );
}
