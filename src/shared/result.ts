import type { ErrorCode } from './errors';

/** Extra facts about a failure, safe to show and log (never a secret). */
export type ErrorDetails = Record<string, string | number | boolean | null>;

/** An expected failure: a code the UI switches on and a plain-language message that says what to do. */
export interface AppError {
  code: ErrorCode;
  message: string;
  hint?: string;
  details?: ErrorDetails;
}

/** What every contract method returns: a value, or an expected failure as data. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Wrap a value as a successful Result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Build a failed Result. */
export function fail<T = never>(
  code: ErrorCode,
  message: string,
  extra: Omit<AppError, 'code' | 'message'> = {},
): Result<T> {
  return { ok: false, error: { code, message, ...extra } };
}
