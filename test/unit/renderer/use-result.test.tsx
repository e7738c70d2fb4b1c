// @vitest-environment jsdom
// useResult: only the newest load answers. A slow answer for what was asked before (a search typed over, the profile
// shown before) must never replace the answer for what is on screen now.
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useResult } from '../../../src/renderer/lib/use-result';
import { HelpPage } from '../../../src/renderer/pages/help/help-page';
import { useProfileTests } from '../../../src/renderer/pages/signin/use-profile-tests';
import { ok, type Result } from '../../../src/shared/result';
import { deferred, installWorkbench, type Deferred } from './support/dom';

afterEach(cleanup);

describe('useResult', () => {
  it('keeps the answer for the newest deps when an older load answers last', async () => {
    const pending = new Map<string, Deferred<Result<string>>>();
    const load = (q: string) => {
      const d = deferred<Result<string>>();
      pending.set(q, d);
      return d.promise;
    };
    const { result, rerender } = renderHook(({ q }) => useResult(() => load(q), [q]), { initialProps: { q: 'a' } });
    rerender({ q: 'ab' });
    await act(async () => pending.get('ab')!.resolve(ok('answer for ab')));
    expect(result.current).toMatchObject({ value: 'answer for ab', loading: false });
    await act(async () => pending.get('a')!.resolve(ok('answer for a')));
    expect(result.current.value).toBe('answer for ab');
  });

  it('says loading while the deps on screen have no answer yet, keeping the value it has', async () => {
    const pending: Array<Deferred<Result<number>>> = [];
    const { result, rerender } = renderHook(
      ({ id }) =>
        useResult(() => {
          const d = deferred<Result<number>>();
          pending.push(d);
          return d.promise;
        }, [id]),
      { initialProps: { id: 1 } },
    );
    expect(result.current).toMatchObject({ value: null, loading: true });
    await act(async () => pending[0]!.resolve(ok(1)));
    rerender({ id: 2 });
    expect(result.current).toMatchObject({ value: 1, loading: true });
    await act(async () => pending[1]!.resolve(ok(2)));
    expect(result.current).toMatchObject({ value: 2, loading: false });
  });

  it('loads again when `again` changes, and a value set by the page is not overwritten by a load that started before', async () => {
    const pending: Array<Deferred<Result<string>>> = [];
    const { result, rerender } = renderHook(
      ({ version }) =>
        useResult(
          () => {
            const d = deferred<Result<string>>();
            pending.push(d);
            return d.promise;
          },
          [],
          version,
        ),
      { initialProps: { version: 0 } },
    );
    rerender({ version: 1 });
    expect(pending).toHaveLength(2);
    act(() => result.current.setValue('saved'));
    await act(async () => {
      pending[1]!.resolve(ok('loaded before the save'));
      pending[0]!.resolve(ok('older still'));
    });
    expect(result.current).toMatchObject({ value: 'saved', loading: false });
  });
});

describe('where the admin would see it', () => {
  it('Help: a search typed over shows the codes for the last words typed, whichever answer arrives last', async () => {
    const answers = new Map<string, Deferred<unknown>>();
    installWorkbench({
      'signin.aadstsSearch': ({ query }: { query: string }) => {
        const d = deferred<unknown>();
        answers.set(query, d);
        return d.promise;
      },
    });
    render(<HelpPage query="" go={() => undefined} />);
    const entry = (code: number, name: string) => ({
      code,
      name,
      meaning: 'm',
      fix: 'f',
      category: 'protocol',
      signInAgain: false,
    });
    await waitFor(() => expect(answers.has('')).toBe(true));
    await act(async () => answers.get('')!.resolve(ok([])));
    const box = screen.getByRole('searchbox');
    fireEvent.change(box, { target: { value: 'redirect' } });
    await waitFor(() => expect(answers.has('redirect')).toBe(true));
    fireEvent.change(box, { target: { value: 'expired' } });
    await waitFor(() => expect(answers.has('expired')).toBe(true));
    await act(async () =>
      answers.get('expired')!.resolve(ok([entry(7000222, 'InvalidClientSecretExpiredKeysProvided')])),
    );
    await act(async () => answers.get('redirect')!.resolve(ok([entry(50011, 'InvalidReplyTo')])));
    expect(screen.getByText(/1 code match “expired”/)).toBeTruthy();
    expect(screen.queryByText(/InvalidReplyTo/)).toBeNull();
    expect(screen.getByText(/InvalidClientSecretExpiredKeysProvided/)).toBeTruthy();
  });

  it('Sign-in tests: after switching profiles, the first profile’s late answers do not replace the second’s', async () => {
    const info = new Map<string, Deferred<unknown>>();
    const history = new Map<string, Deferred<unknown>>();
    installWorkbench({
      'signin.profileInfo': ({ profileId }: { profileId: string }) => {
        const d = deferred<unknown>();
        info.set(profileId, d);
        return d.promise;
      },
      'signin.history': ({ profileId }: { profileId: string }) => {
        const d = deferred<unknown>();
        history.set(profileId, d);
        return d.promise;
      },
    });
    const { result, rerender } = renderHook(({ id }) => useProfileTests(id), { initialProps: { id: 'contoso' } });
    await waitFor(() => expect(info.has('contoso')).toBe(true));
    rerender({ id: 'fabrikam' });
    await waitFor(() => expect(info.has('fabrikam')).toBe(true));
    await act(async () => {
      info.get('fabrikam')!.resolve(ok({ profileId: 'fabrikam', profileName: 'Fabrikam', delegated: [] }));
      history.get('fabrikam')!.resolve(ok([{ runId: 'f1', summary: 'Fabrikam signed in' }]));
    });
    await act(async () => {
      info.get('contoso')!.resolve(ok({ profileId: 'contoso', profileName: 'Contoso', delegated: [] }));
      history.get('contoso')!.resolve(ok([{ runId: 'c1', summary: 'Contoso failed' }]));
    });
    expect(result.current.info.value).toMatchObject({ profileName: 'Fabrikam' });
    expect(result.current.history.value).toEqual([{ runId: 'f1', summary: 'Fabrikam signed in' }]);
  });

  it('Sign-in tests: a test of the profile shown before that ends after the switch does not show as this profile’s outcome', async () => {
    const run = deferred<unknown>();
    installWorkbench({
      'signin.profileInfo': ({ profileId }: { profileId: string }) =>
        ok({ profileId, profileName: profileId, delegated: ['public'] }),
      'signin.history': () => ok([]),
      'signin.checkConnection': () => run.promise,
    });
    const { result, rerender } = renderHook(({ id }) => useProfileTests(id), { initialProps: { id: 'contoso' } });
    act(() => result.current.on!.check());
    expect(result.current.state.running).toBe('Check connection');
    rerender({ id: 'fabrikam' });
    expect(result.current.state.running).toBeNull();
    await act(async () =>
      run.resolve({ ok: false, error: { code: 'signin.cancelled', message: 'Contoso’s check was cancelled.' } }),
    );
    expect(result.current.state).toMatchObject({ running: null, error: null, outcome: null, last: null });
  });
});
