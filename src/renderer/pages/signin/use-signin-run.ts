import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AdminConsentOutcome,
  GraphProbeOutcome,
  SigninProgressEvent,
  SigninTestOutcome,
} from '../../../shared/contract/signin';
import type { AppError, Result } from '../../../shared/result';
import { workbench } from '../../lib/workbench';

/** What a finished test showed: a sign-in (or refresh) result, an admin consent, or a Graph probe. */
export type TestOutcome =
  | { kind: 'signin'; outcome: SigninTestOutcome }
  | { kind: 'consent'; outcome: AdminConsentOutcome }
  | { kind: 'probe'; outcome: GraphProbeOutcome };

/** The state of the page's one test at a time: its name, progress steps, and the outcome or the error. */
export interface SigninRunState {
  /** Name of the test running now (e.g. "Delegated sign-in"), or null. */
  running: string | null;
  /** Name of the last test started. */
  last: string | null;
  steps: SigninProgressEvent[];
  outcome: TestOutcome | null;
  error: AppError | null;
}

const idle: SigninRunState = { running: null, last: null, steps: [], outcome: null, error: null };

/** Run tests for one profile, following their `signin.progress` events; `onFinished` refreshes history and profile info. */
export function useSigninRun(profileId: string | null, onFinished: () => void) {
  // The state belongs to the profile it was made for: another profile starts from nothing, and what a test of the
  // profile shown before reports later (its progress, its outcome) does not reach this one.
  const [tagged, setTagged] = useState<{ profileId: string | null; state: SigninRunState }>({ profileId, state: idle });
  const state = tagged.profileId === profileId ? tagged.state : idle;
  const runId = useRef<string | null>(null);

  useEffect(() => {
    runId.current = null;
    return workbench().onEvent('signin.progress', (event) => {
      if (event.profileId !== profileId) return;
      if (event.step === 'started') runId.current = event.runId;
      if (event.runId !== runId.current) return;
      setTagged((t) =>
        t.profileId === profileId
          ? { profileId, state: { ...t.state, steps: event.step === 'started' ? [event] : [...t.state.steps, event] } }
          : t,
      );
    });
  }, [profileId]);

  const start = useCallback(
    async <T>(name: string, call: () => Promise<Result<T>>, wrap: (value: T) => TestOutcome) => {
      setTagged({ profileId, state: { running: name, last: name, steps: [], outcome: null, error: null } });
      const result = await call();
      const finished = {
        running: null,
        outcome: result.ok ? wrap(result.value) : null,
        error: result.ok ? null : result.error,
      };
      setTagged((t) => (t.profileId === profileId ? { profileId, state: { ...t.state, ...finished } } : t));
      onFinished();
    },
    [profileId, onFinished],
  );

  const cancel = useCallback(async () => {
    if (profileId) await workbench().signin.cancel({ profileId });
  }, [profileId]);

  return { state, start, cancel };
}
