// The native confirmation of the app with electron mocked: a warning message box on the main window whose default
// and Escape answer is the safe one; only the second button confirms.
import { describe, expect, it, vi } from 'vitest';

const shown: Array<{ window: unknown; options: Record<string, unknown> }> = [];
let response = 0;

vi.mock('electron', () => ({
  clipboard: {},
  shell: {},
  Notification: class {},
  dialog: {
    showMessageBox: async (a: unknown, b?: Record<string, unknown>) => {
      shown.push(b ? { window: a, options: b } : { window: null, options: a as Record<string, unknown> });
      return { response, checkboxChecked: false };
    },
  },
}));
const { electronConfirm } = await import('../../../src/main/adapters/os-adapters');

const question = {
  title: 'Keep?',
  message: 'Keep the secret?',
  detail: 'Saved for A, now B.',
  cancelLabel: 'Remove the secret',
  confirmLabel: 'Keep for b.example',
};

describe('native confirmation (Electron)', () => {
  it('shows a warning box on the window with the safe answer first, as default and as Escape', async () => {
    const win = { id: 1 };
    response = 0;
    expect(await electronConfirm(() => win as never).confirm(question)).toBe(false);
    expect(shown[0]?.window).toBe(win);
    expect(shown[0]?.options).toEqual({
      type: 'warning',
      title: 'Keep?',
      message: 'Keep the secret?',
      detail: 'Saved for A, now B.',
      buttons: ['Remove the secret', 'Keep for b.example'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
  });

  it('confirms only when the second button was chosen; works without a window', async () => {
    response = 1;
    expect(await electronConfirm(() => null).confirm(question)).toBe(true);
    expect(shown.at(-1)?.window).toBeNull();
  });
});
