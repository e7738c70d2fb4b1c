import { MAX_PFX_BYTES, notPkcs12Error, sniff, toBase64 } from '../../../core/certificates';
import { parseFlags, UsageError, type GlobalOptions } from '../../command';
import { EXIT_OK } from '../../exit-codes';
import type { CliIo } from '../../io';
import { printJson } from '../../output';
import { readInputFile, writeOutputFile } from './cert-input';

/** `gcw cert base64 <file> [--out F]`: the one-line base64 of a PFX, as the connection form takes it. */
export function certBase64(args: string[], io: CliIo, globals: GlobalOptions): number {
  const { values, positionals } = parseFlags(args, { out: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('Give exactly one file: gcw cert base64 <file> [--out F].');
  const file = readInputFile(io, positionals[0]!, MAX_PFX_BYTES);
  // Only a PFX: the base64 of a .cer or of base64 text pasted into a connection is a common, silent mistake.
  const found = sniff(file.bytes);
  if (found.kind !== 'pkcs12') throw notPkcs12Error(found);
  const base64 = toBase64(file.bytes);
  if (values.out !== undefined) {
    const out = writeOutputFile(io, values.out, base64);
    if (globals.json) printJson(io, { ok: true, file: file.name, out, length: base64.length });
    else io.out(`Wrote the base64 of ${file.name} (${base64.length} characters, one line) to ${out}\n`);
    return EXIT_OK;
  }
  if (globals.json) printJson(io, { ok: true, file: file.name, length: base64.length, base64 });
  else io.out(io.stdoutIsTerminal ? `${base64}\n` : base64);
  return EXIT_OK;
}
