import { useLayoutEffect } from 'react';
import type { StepProps } from './step-props';

/**
 * What Next does on this step: the action of the latest render (it sees the step's current state), registered in
 * the commit that shows it, and removed when the step is left.
 */
export function useBeforeNext(setBeforeNext: StepProps['setBeforeNext'], action: () => Promise<boolean>): void {
  useLayoutEffect(() => {
    setBeforeNext(action);
  });
  useLayoutEffect(() => () => setBeforeNext(null), [setBeforeNext]);
}
