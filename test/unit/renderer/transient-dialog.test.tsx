// @vitest-environment jsdom
// TransientDialog: a Fluent dialog that is in the page only while open or closing, and that gives focus back to the
// control that opened it (keyboard and screen-reader users continue where they were) and lifts the aria-hidden the
// dialog put on the app.
import {
  Button,
  DialogActions,
  DialogBody,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  webLightTheme,
} from '@fluentui/react-components';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TransientDialog } from '../../../src/renderer/components/transient-dialog';

afterEach(cleanup);

function Screen({ moveFocus = false }: { moveFocus?: boolean }) {
  const [open, setOpen] = useState(false);
  const cancel = () => {
    // As an action that opens another page does: the new page's heading takes focus.
    if (moveFocus) document.getElementById('next-heading')?.focus();
    setOpen(false);
  };
  return (
    <FluentProvider theme={webLightTheme}>
      <h1 id="next-heading" tabIndex={-1}>
        Connections
      </h1>
      <Button onClick={() => setOpen(true)}>Delete profile…</Button>
      <TransientDialog open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Delete Contoso?</DialogTitle>
            <DialogActions>
              <Button onClick={cancel}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </TransientDialog>
    </FluentProvider>
  );
}

describe('TransientDialog', () => {
  it('opens on its opener, and once closed is gone, with focus back on the opener and nothing left aria-hidden', async () => {
    render(<Screen />);
    const opener = screen.getByRole('button', { name: 'Delete profile…' });
    opener.focus();
    fireEvent.click(opener);
    await screen.findByRole('dialog');
    expect(screen.getByText('Delete Contoso?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
    expect([...document.body.children].filter((e) => e.getAttribute('aria-hidden') === 'true')).toEqual([]);
  });

  it('leaves focus where the dialog’s action moved it (a new page’s heading), not on the opener', async () => {
    render(<Screen moveFocus />);
    const opener = screen.getByRole('button', { name: 'Delete profile…' });
    opener.focus();
    fireEvent.click(opener);
    await screen.findByRole('dialog');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Give restore (a timer after the exit) its chance to run.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Connections' }));
  });
});
