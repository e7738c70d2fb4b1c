import { useCallback, useState } from 'react';
import type { DelegatedClient } from '../../../shared/contract/signin';
import { ok } from '../../../shared/result';
import { useResult } from '../../lib/use-result';
import { workbench } from '../../lib/workbench';
import type { TestHandlers } from './test-actions';
import { useSigninRun } from './use-signin-run';

/** Everything a page needs to run sign-in tests for one profile: its test info, history, the running test and handlers. */
export function useProfileTests(profileId: string | null) {
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const info = useResult(
    () => (profileId ? workbench().signin.profileInfo({ profileId }) : Promise.resolve(ok(null))),
    [profileId],
    version,
  );
  const history = useResult(
    () => (profileId ? workbench().signin.history({ profileId }) : Promise.resolve(ok([]))),
    [profileId],
    version,
  );
  const { state, start, cancel } = useSigninRun(profileId, refresh);
  const on: TestHandlers | null = profileId
    ? {
        delegated: (client: DelegatedClient) =>
          void start(
            'Delegated sign-in',
            () => workbench().signin.interactive({ profileId, client }),
            (outcome) => ({ kind: 'signin', outcome }),
          ),
        appOnly: (credential) =>
          void start(
            'App-only test',
            () => workbench().signin.appOnly({ profileId, credential }),
            (outcome) => ({ kind: 'signin', outcome }),
          ),
        consent: (v, verify) =>
          void start(
            'Admin consent',
            () => workbench().signin.adminConsent({ profileId, version: v, verify }),
            (outcome) => ({ kind: 'consent', outcome }),
          ),
        check: () =>
          void start(
            'Check connection',
            () => workbench().signin.checkConnection({ profileId }),
            (outcome) => ({ kind: 'signin', outcome }),
          ),
        probe: (target, token) =>
          void start(
            'Graph probe',
            () => workbench().signin.graphProbe({ profileId, target, token }),
            (outcome) => ({ kind: 'probe', outcome }),
          ),
        forget: () => void workbench().signin.forgetSignIn({ profileId }).then(refresh),
      }
    : null;
  const busy = state.running !== null || Boolean(info.value?.running);
  const signInAgain =
    info.value && on
      ? () =>
          on.delegated(info.value?.savedSignIn?.client === 'none' ? 'public' : (info.value?.delegated[0] ?? 'public'))
      : null;
  return { profileId, info, history, state, cancel, refresh, on, busy, signInAgain };
}

/** What useProfileTests returns. */
export type ProfileTests = ReturnType<typeof useProfileTests>;
