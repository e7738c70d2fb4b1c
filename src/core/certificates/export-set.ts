import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyCredentialEntry } from '../../shared/certificates';
import { WorkbenchError } from '../errors';
import { writeNewFile } from '../storage/atomic-write';
import { toBase64 } from './base64';
import { buildKeyCredential, certificateToPem, type CustomKeyIdentifierEncoding } from './key-credential';
import { writePkcs12, type WritePkcs12Options } from './pkcs12/write';

/** Everything an admin takes away from a new certificate. */
export interface ExportSet {
  /** The PFX with the private key (for the connection). */
  pfx: Buffer;
  /** The public certificate, DER (upload to the app registration). */
  cer: Buffer;
  /** The public certificate, PEM. */
  pem: string;
  /** base64 of the PFX bytes on one line (what the connection form takes). */
  pfxBase64: string;
  keyCredential: KeyCredentialEntry;
  /** `{ "keyCredentials": [entry] }`, pretty-printed. */
  keyCredentialsJson: string;
}

/** Options for buildExportSet: the PFX options plus how the manifest entry is labelled. */
export interface ExportSetOptions extends WritePkcs12Options {
  displayName?: string;
  customKeyIdentifierEncoding?: CustomKeyIdentifierEncoding;
}

/** Build the PFX, .cer, .pem, base64 and keyCredentials entry in memory. */
export async function buildExportSet(options: ExportSetOptions): Promise<ExportSet> {
  const pfx = await writePkcs12(options);
  const cer = Buffer.from(options.certificate);
  const keyCredential = buildKeyCredential(cer, {
    displayName: options.displayName,
    customKeyIdentifierEncoding: options.customKeyIdentifierEncoding,
  });
  return {
    pfx,
    cer,
    pem: certificateToPem(cer),
    pfxBase64: toBase64(pfx),
    keyCredential,
    keyCredentialsJson: `${JSON.stringify({ keyCredentials: [keyCredential] }, null, 2)}\n`,
  };
}

/** The file names written for an export called NAME. */
export function exportFileNames(name: string): {
  pfx: string;
  cer: string;
  pem: string;
  base64: string;
  keyCredentials: string;
} {
  return {
    pfx: `${name}.pfx`,
    cer: `${name}.cer`,
    pem: `${name}.pem`,
    base64: `${name}.pfx.b64.txt`,
    keyCredentials: `${name}.keycredentials.json`,
  };
}

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** A file name derived from a certificate name (CN): safe on Windows, macOS and Linux. */
export function safeFileName(text: string): string {
  const cleaned = text
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f\s]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  if (cleaned.length === 0 || RESERVED.test(cleaned))
    return cleaned.length === 0 ? 'certificate' : `${cleaned}-certificate`;
  return cleaned;
}

function checkName(name: string): void {
  if (name !== safeFileName(name)) {
    throw new WorkbenchError('pfx.invalid_options', `"${name}" cannot be used as a file name.`, {
      hint: `Try "${safeFileName(name)}".`,
      details: { field: 'name' },
    });
  }
}

/** Full paths of the export files that already exist in the folder (to ask before replacing them). */
export function findExistingExportFiles(folder: string, name: string): string[] {
  return Object.values(exportFileNames(name))
    .map((file) => join(folder, file))
    .filter((path) => existsSync(path));
}

/**
 * Write NAME.pfx, NAME.cer, NAME.pem, NAME.pfx.b64.txt and NAME.keycredentials.json with owner-only permissions.
 * Refuses (file.exists) when any of them exists, unless `overwrite`; on a failure the files it created are removed.
 */
export function writeExportSet(
  folder: string,
  name: string,
  set: ExportSet,
  options: { overwrite?: boolean } = {},
): { files: string[] } {
  checkName(name);
  const existing = findExistingExportFiles(folder, name);
  if (existing.length > 0 && !options.overwrite) {
    throw new WorkbenchError(
      'file.exists',
      `${existing.length === 1 ? 'A file' : `${existing.length} files`} with this name already exist${existing.length === 1 ? 's' : ''} in the folder; nothing was written.`,
      {
        hint: 'Choose another name or folder, or confirm that the files may be replaced.',
        details: { files: existing.join('\n') },
      },
    );
  }
  const names = exportFileNames(name);
  const contents: Array<[string, string | Uint8Array]> = [
    [names.pfx, set.pfx],
    [names.cer, set.cer],
    [names.pem, set.pem],
    [names.base64, set.pfxBase64],
    [names.keyCredentials, set.keyCredentialsJson],
  ];
  const written: string[] = [];
  try {
    for (const [file, data] of contents) {
      const path = join(folder, file);
      const existed = existsSync(path);
      writeNewFile(path, data, { overwrite: options.overwrite });
      if (!existed) written.push(path);
    }
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new WorkbenchError(
        'file.exists',
        'A file with this name appeared in the folder while writing; nothing was kept.',
        { cause: error },
      );
    throw new WorkbenchError(
      'file.write_failed',
      `The files could not be written to the folder (${code ?? 'error'}).`,
      { hint: 'Choose a folder you can write to.', cause: error },
    );
  }
  return { files: contents.map(([file]) => join(folder, file)) };
}
