import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminConsentOutcome, GraphProbeOutcome, SigninProgressEvent, SigninTestOutcome } from '../../../shared/contract/signin';
import type { AppError, Result } from '../../../shared/result';
import { workbench } from '../../lib/workbench';

/** What a finished test showed: a sign-in (or refresh) result, an admin consent, or a Graph probe. */
export type TestOutcome = { kind: 'signin'; outcome: SigninTestOutcome } | { kind: 'consent'; outcome: AdminConsentOutcome } | { kind: 'probe'; outcome: GraphProbeOutcome };

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

/** Run tests for one profile, following their `signin.progress` events; `onFinished` refreshes history and profile info. */
export function useSigninRun(profileId: string | null, onFinished: () => void) {
  const [state, setState] = useState<SigninRunState>({ running: null, last: null, steps: [], outcome: null, error: null });
  const runId = useRef<string | null>(null);

  useEffect(() => {
    setState({ running: null, last: null, steps: [], outcome: null, error: null });
    runId.current = null;
    return workbench().onEvent('signin.progress', (event) => {
      if (event.profileId !== profileId) return;
      if (event.step === 'started') runId.current = event.runId;
      if (event.runId !== runId.current) return;
      setState((s) => ({ ...s, steps: event.step === 'started' ? [event] : [...s.steps, event] }));
    });
  }, [profileId]);

  const start = useCallback(
    async <T>(name: string, call: () => Promise<Result<T>>, wrap: (value: T) => TestOutcome) => {
      setState({ running: name, last: name, steps: [], outcome: null, error: null });
      const result = await call();
      setState((s) => ({ ...s, running: null, outcome: result.ok ? wrap(result.value) : null, error: result.ok ? null : result.error }));
      onFinished();
    },
    [onFinished],
  );

  const cancel = useCallback(async () => {
    if (profileId) await workbench().signin.cancel({ profileId });
  }, [profileId]);

  return { state, start, cancel };
}
