import { certificateErrorCodes } from './certificates';
import { commonErrorCodes } from './common';
import { connectionErrorCodes } from './connections';
import { graphApplyErrorCodes } from './graph-apply';
import { guidedErrorCodes } from './guided';
import { registrationErrorCodes } from './registration';
import { signinErrorCodes } from './signin';

/** Every error code a contract method or CLI command can return, one list per feature. */
export const errorCodes = [
  ...commonErrorCodes,
  ...certificateErrorCodes,
  ...connectionErrorCodes,
  ...registrationErrorCodes,
  ...signinErrorCodes,
  ...guidedErrorCodes,
  ...graphApplyErrorCodes,
] as const;

/** An AADSTS code from Microsoft Entra, e.g. `aadsts.700016`. */
export type AadstsErrorCode = `aadsts.${number}`;

/** String-literal union of every error code: the UI switches on it exhaustively. */
export type ErrorCode = (typeof errorCodes)[number] | AadstsErrorCode;

/** True when a string is a known error code. */
export function isErrorCode(value: string): value is ErrorCode {
  return (errorCodes as readonly string[]).includes(value) || /^aadsts\.\d+$/.test(value);
}
