// Await a promise that must fail with a WorkbenchError, and return that error for further checks.
import { expect } from 'vitest';
import { WorkbenchError } from '../../../src/core/errors';

/** The WorkbenchError a promise rejects with (the test fails if it resolves or rejects otherwise). */
export async function failure(promise: Promise<unknown>): Promise<WorkbenchError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkbenchError);
  return err as WorkbenchError;
}
