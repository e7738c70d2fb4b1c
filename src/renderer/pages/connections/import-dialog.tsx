import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { SavedProfileResult } from '../../../shared/contract/profiles';
import type { AppError } from '../../../shared/result';
import { ErrorBar } from '../../components/error-bar';
import { TransientDialog } from '../../components/transient-dialog';
import { inBrowser, pickFile } from '../../lib/browser-files';
import { workbench } from '../../lib/workbench';

/** Import a profile file: pick it with the open dialog, or paste its text. */
export function ImportDialog({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (result: SavedProfileResult) => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const run = async (input: { text?: string }) => {
    const r = await workbench().profiles.import(input);
    if (!r.ok) {
      if (r.error.code !== 'dialog.cancelled') setError(r.error);
      return;
    }
    setText('');
    setError(null);
    onImported(r.value);
  };
  /** In a browser tab (gcw ui): the browser's file picker; the text goes to main as pasted text would. */
  const chooseInBrowser = async () => {
    const file = await pickFile('.json,application/json');
    if (!file) return;
    if (file.size > 1_000_000)
      return setError({
        code: 'file.too_large',
        message: `${file.name} is ${Math.ceil(file.size / 1024)} KB; a profile file is at most 1,000 KB. Check that you picked the right file.`,
      });
    await run({ text: await file.text() });
  };
  return (
    <TransientDialog open={open} onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Import a connection profile</DialogTitle>
          <DialogContent>
            <ErrorBar error={error} title="Not imported" />
            <p>
              Choose a profile file exported by the Workbench or written by “gcw profile new”, or paste its text. It
              becomes a new profile; enter its secrets afterwards.
            </p>
            <Field label="Profile file text" hint="The JSON of the profile file. It never holds a secret.">
              <Textarea value={text} onChange={(_e, d) => setText(d.value)} rows={8} resize="vertical" />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={text.trim() === ''} onClick={() => void run({ text })}>
              Import pasted text
            </Button>
            <Button onClick={() => void (inBrowser() ? chooseInBrowser() : run({}))}>Choose file…</Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </TransientDialog>
  );
}
