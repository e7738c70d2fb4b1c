import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DecodedBase64 } from '../../shared/contract/certificates';
import type { HeldCertificate } from '../../shared/certificates';
import {
  decodeBase64Input,
  MAX_PFX_BYTES,
  openPreparedInput,
  prepareCertificateInput,
  tooLargeError,
  type PreparedInput,
} from '../certificates';
import { isWorkbenchError, WorkbenchError } from '../errors';
import type { AppContext } from './context';

const needsPassword = (error: unknown): error is WorkbenchError =>
  isWorkbenchError(error) && (error.code === 'pfx.wrong_password' || error.code === 'pfx.password_required');

/**
 * Open prepared input and hold it in the session. A PFX that needs its password is held locked, and the
 * pfx.password_required / pfx.wrong_password error carries details.ref so the page can unlock it without resending bytes.
 */
export async function openOrLock(
  ctx: AppContext,
  prepared: PreparedInput,
  options: { fileName: string | null; password: string | null; tryEmptyAndAbsent: boolean; ref?: string },
): Promise<HeldCertificate> {
  ctx.log.redactor.register(options.password);
  const open = ctx.certificates.beginOpen();
  try {
    const opened = await openPreparedInput(prepared, options.password, {
      tryEmptyAndAbsent: options.tryEmptyAndAbsent,
      signal: open.signal,
    });
    return ctx.certificates.hold(options.fileName, opened, options.ref);
  } catch (error) {
    if (prepared.kind !== 'pfx' || !needsPassword(error)) throw error;
    const ref = ctx.certificates.holdLocked(options.fileName, prepared.origin, prepared.pfx, options.ref);
    throw new WorkbenchError(error.code, error.message, {
      hint: error.hint,
      details: { ...error.details, ref },
      cause: error,
    });
  } finally {
    open.end();
  }
}

/** Read a file the user chose in the OS dialog, refusing anything larger than a PFX could be. */
export async function readChosenFile(path: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.size > MAX_PFX_BYTES) throw tooLargeError(info.size, MAX_PFX_BYTES);
    return await readFile(path);
  } catch (error) {
    if (isWorkbenchError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new WorkbenchError('file.not_found', `${basename(path)} no longer exists.`, {
        hint: 'Choose the file again.',
        cause: error,
      });
    throw new WorkbenchError('file.read_failed', `${basename(path)} could not be read (${code ?? 'error'}).`, {
      hint: 'Check that you may read the file, then try again.',
      cause: error,
    });
  }
}

/** Decode pasted base64, say what it is, and open a PFX (with no password) or a certificate inside. */
export async function decodePasted(ctx: AppContext, text: string): Promise<DecodedBase64> {
  const { bytes, found } = decodeBase64Input(text);
  const result: DecodedBase64 = { found, byteLength: bytes.length, certificate: null, lockedRef: null };
  if (found.kind === 'pkcs12') {
    try {
      result.certificate = await openOrLock(
        ctx,
        { kind: 'pfx', origin: 'base64-text', pfx: bytes },
        { fileName: null, password: null, tryEmptyAndAbsent: true },
      );
    } catch (error) {
      if (!needsPassword(error)) throw error;
      result.lockedRef = String(error.details?.ref);
    }
  } else if (found.kind === 'der-certificate' || found.kind === 'pem-certificate') {
    result.certificate = await openOrLock(ctx, prepareCertificateInput(bytes), {
      fileName: null,
      password: null,
      tryEmptyAndAbsent: true,
    });
  }
  return result;
}
