// @vitest-environment jsdom
// useWizard: what the admin types in the New connection wizard reaches main a moment later (one save for a burst of
// typing), is never replaced by an older answer from main, and is saved when the page closes or is left.
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useWizard } from '../../../src/renderer/pages/wizard/use-wizard';
import { ok } from '../../../src/shared/result';
import type { WizardInput, WizardView } from '../../../src/shared/wizard';
import { wizardInputSchema } from '../../../src/shared/wizard-schema';
import { deferred, installWorkbench, type Deferred } from './support/dom';

function view(state: WizardInput): WizardView {
  return {
    state,
    certificate: null,
    secrets: { clientSecret: 'missing', certificate: 'missing' },
    refs: { clientSecret: null, certificate: null },
    profile: null,
    status: null,
    checklistRequired: [],
    updatedAt: null,
  };
}

const named =
  (name: string) =>
  (state: WizardInput): WizardInput => ({ ...state, draft: { ...state.draft, name } });

let saves: Array<{ state: WizardInput; answer: Deferred<unknown> }>;
let stored: WizardInput;

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  stored = wizardInputSchema.parse({ auth: 'client-credentials' });
  saves = [];
  installWorkbench({
    'wizard.get': () => ok(view(stored)),
    'wizard.save': ({ state }: { state: WizardInput }) => {
      const answer = deferred<unknown>();
      saves.push({ state, answer });
      return answer.promise;
    },
    'wizard.reset': () => ok(view(wizardInputSchema.parse({}))),
  });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function loaded() {
  const hook = renderHook(() => useWizard());
  await waitFor(() => expect(hook.result.current.view).not.toBeNull());
  return hook;
}

describe('useWizard', () => {
  it('loads the wizard main keeps', async () => {
    stored = wizardInputSchema.parse({ auth: 'byo-app', step: 'scopes' });
    const { result } = await loaded();
    expect(result.current.view?.state).toMatchObject({ auth: 'byo-app', step: 'scopes' });
    expect(result.current.saving).toBe('idle');
  });

  it('shows a change at once and sends one save, with the last state, a moment after a burst of typing', async () => {
    const { result } = await loaded();
    act(() => result.current.update(named('C')));
    act(() => result.current.update(named('Co')));
    act(() => result.current.update(named('Contoso')));
    expect(result.current.view?.state.draft.name).toBe('Contoso');
    expect(result.current.saving).toBe('pending');
    expect(saves).toHaveLength(0);
    await act(async () => vi.advanceTimersByTimeAsync(400));
    expect(saves.map((s) => s.state.draft.name)).toEqual(['Contoso']);
    await act(async () => saves[0]!.answer.resolve(ok(view(saves[0]!.state))));
    expect(result.current.saving).toBe('saved');
  });

  it('keeps what was typed while a save was on its way, when main answers that save', async () => {
    const { result } = await loaded();
    act(() => result.current.update(named('Contoso')));
    await act(async () => vi.advanceTimersByTimeAsync(400));
    act(() => result.current.update(named('Contoso sync')));
    await act(async () =>
      saves[0]!.answer.resolve(
        ok({ ...view(saves[0]!.state), secrets: { clientSecret: 'held', certificate: 'missing' } }),
      ),
    );
    expect(result.current.view?.state.draft.name).toBe('Contoso sync');
    expect(result.current.view?.secrets.clientSecret).toBe('held');
    expect(result.current.saving).toBe('pending');
  });

  it('saves what is pending before an action (act), and shows main’s answer to it', async () => {
    const { result } = await loaded();
    act(() => result.current.update(named('Contoso')));
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = result.current.act(() => window.workbench.wizard.reset({}));
    });
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(saves[0]!.state.draft.name).toBe('Contoso');
    await act(async () => {
      saves[0]!.answer.resolve(ok(view(saves[0]!.state)));
      await done;
    });
    expect(result.current.view?.state.draft.name).toBe('');
  });

  it('saves what was typed in the last moment when the page is left or the window closes', async () => {
    const left = await loaded();
    act(() => left.result.current.update(named('Left')));
    left.unmount();
    expect(saves.map((s) => s.state.draft.name)).toEqual(['Left']);
    const closed = await loaded();
    act(() => closed.result.current.update(named('Closed')));
    window.dispatchEvent(new Event('beforeunload'));
    expect(saves.map((s) => s.state.draft.name)).toEqual(['Left', 'Closed']);
    // Nothing is saved twice: the timer and the unmount find nothing pending.
    await act(async () => vi.advanceTimersByTimeAsync(400));
    closed.unmount();
    expect(saves).toHaveLength(2);
  });

  it('shows main’s refusal as the error', async () => {
    const { result } = await loaded();
    act(() => result.current.update(named('Contoso')));
    await act(async () => vi.advanceTimersByTimeAsync(400));
    await act(async () =>
      saves[0]!.answer.resolve({
        ok: false,
        error: { code: 'storage.write_failed', message: 'The wizard could not be saved.' },
      }),
    );
    expect(result.current.error?.message).toBe('The wizard could not be saved.');
  });
});
