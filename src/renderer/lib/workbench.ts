import type { WorkbenchApi } from '../../shared/contract';
import type { AppError, Result } from '../../shared/result';

/** The contract methods main offers. */
export function workbench(): WorkbenchApi {
  return window.workbench;
}

/** Unwrap a Result or throw a ContractError carrying the typed error. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new ContractError(result.error);
}

/** A failed contract call, as an exception for UI code paths. */
export class ContractError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'ContractError';
  }
}

/** The AppError inside anything thrown (non-contract failures get a generic message). */
export function toAppError(error: unknown): AppError {
  if (error instanceof ContractError) return error.error;
  return { code: 'internal.unexpected', message: error instanceof Error ? error.message : 'Something went wrong.' };
}
