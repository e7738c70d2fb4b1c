import type { ErrorCode } from '../shared/errors';
import type { AppError, ErrorDetails } from '../shared/result';

/** An expected failure thrown inside core; the dispatcher and the CLI turn it into `{ ok: false, error }`. */
export class WorkbenchError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly details: ErrorDetails | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { hint?: string; details?: ErrorDetails; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'WorkbenchError';
    this.code = code;
    this.hint = options.hint;
    this.details = options.details;
  }

  /** The plain-data form that crosses the contract. */
  toAppError(): AppError {
    const error: AppError = { code: this.code, message: this.message };
    if (this.hint) error.hint = this.hint;
    if (this.details) error.details = this.details;
    return error;
  }
}

/** True for expected failures. */
export function isWorkbenchError(value: unknown): value is WorkbenchError {
  return value instanceof WorkbenchError;
}
