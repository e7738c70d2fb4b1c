import { MAX_PFX_BYTES, openPreparedInput, prepareCertificateInput } from '../../../core/certificates';
import { parseFlags, UsageError, type GlobalOptions } from '../../command';
import { EXIT_FINDINGS, EXIT_OK } from '../../exit-codes';
import type { CliIo } from '../../io';
import { printJson } from '../../output';
import { readInputFile, readPassword, passwordFlags } from './cert-input';
import { viewJson } from './cert-json';
import { viewText } from './cert-text';

/** `gcw cert inspect <file>`: details of a PFX (or its base64 text, or a .cer/.pem). */
export async function certInspect(args: string[], io: CliIo, globals: GlobalOptions): Promise<number> {
  const { values, positionals } = parseFlags(args, passwordFlags);
  if (positionals.length !== 1) throw new UsageError('Give exactly one file: gcw cert inspect <file>.');
  const password = await readPassword(io, values);
  const file = readInputFile(io, positionals[0]!, MAX_PFX_BYTES);
  // A given password is used as is; with none, an empty and an absent password are tried (as OpenSSL does).
  const opened = await openPreparedInput(prepareCertificateInput(file.bytes), password, { tryEmptyAndAbsent: false });
  if (globals.json) printJson(io, viewJson(file.name, opened.view));
  else io.out(viewText(file.name, opened.view));
  // Read fine, but it cannot sign in: no private key (a .cer), a key that is not the certificate's, or expired.
  return opened.view.warnings.some((w) => w.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
