import { basename, join } from 'node:path';
import type { CertificateExportFiles, CertificateExportResult } from '../../shared/contract/certificates';
import type { DownloadFile } from '../../shared/download';
import type { PfxProfile } from '../../shared/certificates';
import {
  buildExportSet,
  buildKeyCredential,
  exportFileNames,
  exportNameFor,
  findExistingExportFiles,
  noPrivateKey,
  openPreparedInput,
  safeFileName,
  toBase64,
  writeExportSet,
} from '../certificates';
import { WorkbenchError } from '../errors';
import { defaultSaveFolder } from '../settings/default-save-folder';
import { writeNewFile } from '../storage/atomic-write';
import type { AppContext } from './context';

/** What the page asks to export. */
export interface ExportRequest {
  ref: string;
  password: string;
  profile: PfxProfile;
  name?: string | undefined;
  overwrite: boolean;
}

const cancelled = () => new WorkbenchError('dialog.cancelled', 'No folder was chosen; nothing was written.');

/** The checks every export makes (a key, a password, a name that is a file name); returns the entry and the name. */
function exportable(ctx: AppContext, request: Omit<ExportRequest, 'overwrite'>) {
  const entry = ctx.certificates.getOpen(request.ref);
  if (!entry.privateKey) throw noPrivateKey();
  if (!request.password) {
    throw new WorkbenchError(
      'pfx.export_password_required',
      'Enter a password for the PFX file: it protects the private key.',
      {
        hint: 'Use "Generate a strong password", and keep it with the connection settings.',
      },
    );
  }
  ctx.log.redactor.register(request.password);
  const name = request.name ?? exportNameFor(entry.fileName, entry.view);
  if (name !== safeFileName(name)) {
    throw new WorkbenchError('pfx.invalid_options', `"${name}" cannot be used as a file name.`, {
      hint: `Try "${safeFileName(name)}".`,
      details: { field: 'name' },
    });
  }
  return { entry, name };
}

/** Build the five files' contents, then reopen the new PFX and hold it in place of the old one (proves the password opens it). */
async function buildAndHold(
  ctx: AppContext,
  entry: ReturnType<typeof exportable>['entry'],
  name: string,
  request: Omit<ExportRequest, 'overwrite'>,
) {
  const keyCredential = (entry.keyCredential ??= buildKeyCredential(entry.certificateDer));
  const set = await buildExportSet({
    certificate: entry.certificateDer,
    chain: entry.chainDer,
    privateKey: entry.privateKey!,
    password: request.password,
    profile: request.profile,
    friendlyName: entry.view.certificate.friendlyName ?? entry.view.certificate.subjectCommonName ?? undefined,
  });
  const full = {
    ...set,
    keyCredential,
    keyCredentialsJson: `${JSON.stringify({ keyCredentials: [keyCredential] }, null, 2)}\n`,
  };
  // Reopen what was written: proves it opens with the password, and gives the new file's protection for the page.
  const reopened = await openPreparedInput({ kind: 'pfx', origin: 'pfx-file', pfx: set.pfx }, request.password, {
    tryEmptyAndAbsent: false,
    origin: entry.origin === 'generated' ? 'generated' : 'pfx-file',
  });
  return { set: full, hold: () => ctx.certificates.hold(`${name}.pfx`, reopened, entry.ref) };
}

/**
 * Export a held certificate with its key: ask for a folder, refuse to replace files unless `overwrite` (then the
 * folder of the refused attempt is reused, without asking again), write the five files owner-only, and hold the
 * new PFX in place of the old one so its base64 and protection are what the page shows.
 */
export async function exportHeld(ctx: AppContext, request: ExportRequest): Promise<CertificateExportResult> {
  const { entry, name } = exportable(ctx, request);
  const pending = request.overwrite && entry.pendingExport?.name === name ? entry.pendingExport.folder : null;
  const folder =
    pending ??
    (await ctx.dialogs.chooseFolder({
      title: 'Choose a folder for the certificate files',
      defaultPath: defaultSaveFolder(ctx.settings.get().defaultSaveFolder),
    }));
  if (!folder) throw cancelled();
  const existing = findExistingExportFiles(folder, name);
  if (existing.length > 0 && !request.overwrite) {
    entry.pendingExport = { folder, name };
    throw new WorkbenchError(
      'file.exists',
      `${existing.length === 1 ? 'A file' : `${existing.length} files`} named ${name}.* already exist${existing.length === 1 ? 's' : ''} in ${folder}; nothing was written.`,
      {
        hint: 'Replace them, or choose another name or folder.',
        details: { folder, files: existing.map((p) => basename(p)).join('\n'), count: existing.length },
      },
    );
  }
  entry.pendingExport = null;
  const built = await buildAndHold(ctx, entry, name, request);
  const { files } = writeExportSet(folder, name, built.set, { overwrite: request.overwrite });
  const certificate = built.hold();
  ctx.log.info('Exported a certificate', {
    folder,
    name,
    thumbprint: certificate.details.certificate.thumbprintSha1,
    profile: request.profile,
  });
  return { folder, name, files, certificate };
}

/** The same five files as exportHeld, returned for the browser to download (gcw ui has no folder dialog). */
export async function exportHeldAsDownloads(
  ctx: AppContext,
  request: Omit<ExportRequest, 'overwrite'>,
): Promise<CertificateExportFiles> {
  const { entry, name } = exportable(ctx, request);
  const built = await buildAndHold(ctx, entry, name, request);
  const names = exportFileNames(name);
  const files: DownloadFile[] = [
    { fileName: names.pfx, mediaType: 'application/x-pkcs12', base64: toBase64(built.set.pfx) },
    { fileName: names.cer, mediaType: 'application/pkix-cert', base64: toBase64(built.set.cer) },
    { fileName: names.pem, mediaType: 'application/x-pem-file', text: built.set.pem },
    { fileName: names.base64, mediaType: 'text/plain', text: built.set.pfxBase64 },
    { fileName: names.keyCredentials, mediaType: 'application/json', text: built.set.keyCredentialsJson },
  ];
  const certificate = built.hold();
  ctx.log.info('Exported a certificate for download', {
    name,
    thumbprint: certificate.details.certificate.thumbprintSha1,
    profile: request.profile,
  });
  return { name, files, certificate };
}

/** The base64 of a held PFX as NAME.pfx.b64.txt, for the browser to download. */
export function base64Download(ctx: AppContext, ref: string): DownloadFile {
  const entry = ctx.certificates.withPfx(ref);
  return {
    fileName: `${exportNameFor(entry.fileName, entry.view)}.pfx.b64.txt`,
    mediaType: 'text/plain',
    text: toBase64(entry.pfx),
  };
}

/** Save the base64 of a held PFX as a text file chosen in the OS save dialog (which asks before replacing). */
export async function saveBase64(ctx: AppContext, ref: string): Promise<{ path: string }> {
  const entry = ctx.certificates.withPfx(ref);
  const name = exportNameFor(entry.fileName, entry.view);
  const path = await ctx.dialogs.saveFile({
    title: 'Save the base64 of the PFX',
    defaultPath: join(defaultSaveFolder(ctx.settings.get().defaultSaveFolder), `${name}.pfx.b64.txt`),
    filters: [{ name: 'Text file', extensions: ['txt'] }],
  });
  if (!path) throw new WorkbenchError('dialog.cancelled', 'No file was chosen; nothing was saved.');
  try {
    // The OS dialog already asked before replacing an existing file.
    writeNewFile(path, toBase64(entry.pfx), { overwrite: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new WorkbenchError('file.write_failed', `The file could not be written (${code ?? 'error'}).`, {
      hint: 'Choose a folder you can write to.',
      cause: error,
    });
  }
  return { path };
}
