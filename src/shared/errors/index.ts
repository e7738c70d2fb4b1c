import { certificateErrorCodes } from './certificates';
import { commonErrorCodes } from './common';
export const errorCodes = [
  ...commonErrorCodes,
  ...certificateErrorCodes,
  ...connectionErrorCodes,
  ...registrationErrorCodes,
  ...signinErrorCodes,
] as const;

/** An AADSTS code from Microsoft Entra, e.g. `aadsts.700016`. */
export type AadstsErrorCode = `aadsts.${number}`;

/** String-literal union of every error code: the UI switches on it exhaustively. */
export type ErrorCode = (typeof errorCodes)[number] | AadstsErrorCode;

/** True when a string is a known error code. */
export function isErrorCode(value: string): value is ErrorCode {
  return (errorCodes as readonly string[]).includes(value) || /^aadsts\.\d+$/.test(value);
}
