import {
  bytesToText,
  decodeBase64Input,
  MAX_PFX_BYTES,
  openPreparedInput,
  prepareCertificateInput,
  sniff,
} from '../../../core/certificates';
import { isWorkbenchError, WorkbenchError } from '../../../core/errors';
import type { CertificateView } from '../../../shared/certificates';
import { parseFlags, UsageError, type GlobalOptions } from '../../command';
import { EXIT_OK } from '../../exit-codes';
import type { CliIo } from '../../io';
import { printJson } from '../../output';
import { passwordFlags, readInputFile, readPassword, writeOutputFile } from './cert-input';
import { certificateJson } from './cert-json';
import { keyText } from './cert-text';

/** Base64 text of the largest PFX, with room for line breaks and quotes. */
const MAX_TEXT_BYTES = Math.ceil((MAX_PFX_BYTES / 3) * 4 * 1.1);

async function openIfPossible(
  bytes: Buffer,
  kind: string,
  password: string | null,
): Promise<{ view: CertificateView | null; passwordRequired: boolean }> {
  if (kind !== 'pkcs12' && kind !== 'der-certificate' && kind !== 'pem-certificate')
    return { view: null, passwordRequired: false };
  try {
    return {
      view: (await openPreparedInput(prepareCertificateInput(bytes), password, { tryEmptyAndAbsent: false })).view,
      passwordRequired: false,
    };
  } catch (error) {
    // Decoding does not need the password; say that one is needed to see the details.
    if (password === null && isWorkbenchError(error) && error.code === 'pfx.password_required')
      return { view: null, passwordRequired: true };
    throw error;
  }
}

/** `gcw cert decode <base64-file> [--out F.pfx]`: decode base64 text, say what it is, and show the PFX inside. */
export async function certDecode(args: string[], io: CliIo, globals: GlobalOptions): Promise<number> {
  const { values, positionals } = parseFlags(args, { out: { type: 'string' }, ...passwordFlags });
  if (positionals.length !== 1)
    throw new UsageError('Give exactly one file: gcw cert decode <base64-file> [--out F.pfx].');
  const password = await readPassword(io, values);
  const file = readInputFile(io, positionals[0]!, MAX_TEXT_BYTES);
  const text = bytesToText(file.bytes);
  if (text === null || sniff(file.bytes).kind === 'pkcs12') {
    throw new WorkbenchError(
      'pfx.invalid_base64',
      `${file.name} is not base64 text: it is ${sniff(file.bytes).description}.`,
      {
        hint: 'Give the text file that holds the base64 (e.g. NAME.pfx.b64.txt); use gcw cert inspect for a .pfx.',
      },
    );
  }
  const { bytes, found } = decodeBase64Input(text);
  const opened = await openIfPossible(bytes, found.kind, password);
  const out = values.out !== undefined ? writeOutputFile(io, values.out, bytes) : null;
  if (globals.json) {
    printJson(io, {
      ok: true,
      file: file.name,
      kind: found.kind,
      description: found.description,
      byteLength: bytes.length,
      out,
      passwordRequired: opened.passwordRequired,
      certificate: opened.view
        ? {
            ...certificateJson(opened.view.certificate),
            hasPrivateKey: opened.view.hasPrivateKey,
            protection: opened.view.protection?.summary ?? null,
          }
        : null,
    });
    return EXIT_OK;
  }
  const lines = [`${file.name} holds ${found.description}: ${bytes.length} bytes.`];
  if (opened.view) {
    const c = opened.view.certificate;
    lines.push(
      `Subject:              ${c.subject}`,
      `Thumbprint (SHA-1):   ${c.thumbprintSha1}`,
      `Thumbprint (SHA-256): ${c.thumbprintSha256}`,
      `Valid until:          ${c.notAfter.slice(0, 10)}`,
      `Key:                  ${keyText(c.key)}${opened.view.hasPrivateKey ? ', with its private key' : ', no private key'}`,
    );
  }
  if (opened.passwordRequired)
    lines.push('It is password protected: add --password-env VAR or --password-stdin to see its details.');
  if (out) lines.push(`Wrote the decoded bytes to ${out}`);
  io.out(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
