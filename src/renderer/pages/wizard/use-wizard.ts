import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../../shared/result';
import type { WizardInput, WizardView } from '../../../shared/wizard';
import { workbench } from '../../lib/workbench';

/** How long after the last keystroke the wizard's state is sent to main. */
const SAVE_DELAY_MS = 300;

/** The wizard's state, kept in main: loaded when the page opens, saved a moment after each change and when the page closes. */
export function useWizard() {
  const [view, setView] = useState<WizardView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState<'idle' | 'pending' | 'saved'>('idle');
  const pending = useRef<WizardInput | null>(null);
  const timer = useRef<number | null>(null);
  // The newest state known, updated at once (not at the next render), so changes made right after a call build on it.
  const latest = useRef<WizardInput | null>(null);

  const accept = useCallback((result: Result<WizardView>) => {
    if (!result.ok) {
      setError(result.error);
      return null;
    }
    setError(null);
    // Answers typed while a save was on its way stay on screen: only main's part (secrets, profile) is taken from the answer.
    const typed = pending.current;
    latest.current = typed ?? result.value.state;
    setView(typed ? { ...result.value, state: typed } : result.value);
    return result.value;
  }, []);

  const flush = useCallback(async () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const state = pending.current;
    if (!state) return;
    pending.current = null;
    const result = await workbench().wizard.save({ state });
    accept(result);
    setSaving(pending.current ? 'pending' : 'saved');
  }, [accept]);

  useEffect(() => {
    void workbench().wizard.get({}).then(accept);
    // Whatever was typed in the last moment is still kept: when the page is left in the app, and when the window
    // reloads or closes. There is no unmount then, so save on beforeunload: it comes before the navigation starts,
    // while the page is still the app's (main checks the sender's frame), and main finishes the save on its own.
    const saveNow = () => {
      if (pending.current) void workbench().wizard.save({ state: pending.current });
      pending.current = null;
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
    window.addEventListener('beforeunload', saveNow);
    return () => {
      window.removeEventListener('beforeunload', saveNow);
      saveNow();
    };
  }, [accept]);

  /** Change the state now on screen and in main a moment later. */
  const update = useCallback(
    (change: (state: WizardInput) => WizardInput) => {
      const base = pending.current ?? latest.current;
      if (!base) return;
      const state = change(base);
      pending.current = state;
      latest.current = state;
      setView((old) => (old ? { ...old, state } : old));
      setSaving('pending');
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  /** Run a contract call that answers with the wizard (hold a secret, use a certificate, start over), after saving what is pending. */
  const act = useCallback(
    async (call: () => Promise<Result<WizardView>>) => {
      await flush();
      return accept(await call());
    },
    [flush, accept],
  );

  return { view, error, saving, update, flush, act, setError };
}
