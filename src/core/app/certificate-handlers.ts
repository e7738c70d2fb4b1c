import { basename } from 'node:path';
import {
  buildKeyCredential,
  generatedView,
  generateSelfSignedCertificate,
  generateStrongPassword,
  prepareCertificateInput,
  toBase64,
} from '../certificates';
import { WorkbenchError } from '../errors';
import { base64Download, exportHeld, exportHeldAsDownloads, saveBase64 } from './certificate-export';
import { decodePasted, openOrLock, readChosenFile } from './certificate-open';
import type { AppContext } from './context';
import type { HandlersFor } from './dispatcher';

const FILE_FILTERS = [
  {
    name: 'Certificates (.pfx, .p12, .cer, .crt, .pem, base64 .txt)',
    extensions: ['pfx', 'p12', 'cer', 'crt', 'pem', 'txt'],
  },
  { name: 'All files', extensions: ['*'] },
];

/** Handlers of the Certificates page: open, decode, copy, generate, export and hand off certificates held in main. */
export function certificateHandlers(ctx: AppContext): HandlersFor<'certificates'> {
  const session = ctx.certificates;
  return {
    'certificates.prewarm': () => {
      session.prewarm();
      return { started: true };
    },
    'certificates.inspect': ({ fileName, bytesBase64, password, tryEmptyAndAbsent }) =>
      openOrLock(ctx, prepareCertificateInput(Buffer.from(bytesBase64, 'base64')), {
        fileName,
        password,
        tryEmptyAndAbsent,
      }),
    'certificates.inspectFile': async ({ password, tryEmptyAndAbsent }) => {
      const path = await ctx.dialogs.openFile({ title: 'Open a certificate', filters: FILE_FILTERS });
      if (!path) throw new WorkbenchError('dialog.cancelled', 'No file was chosen.');
      return openOrLock(ctx, prepareCertificateInput(await readChosenFile(path)), {
        fileName: basename(path),
        password,
        tryEmptyAndAbsent,
      });
    },
    'certificates.unlock': ({ ref, password, tryEmptyAndAbsent }) => {
      const entry = session.get(ref);
      if (entry.state === 'open') return session.describe(entry);
      return openOrLock(
        ctx,
        { kind: 'pfx', origin: entry.origin === 'base64-text' ? 'base64-text' : 'pfx-file', pfx: entry.pfx! },
        { fileName: entry.fileName, password, tryEmptyAndAbsent, ref },
      );
    },
    'certificates.decodeBase64': ({ text }) => decodePasted(ctx, text),
    'certificates.cancelOpen': () => ({ cancelled: session.cancelOpens() }),
    'certificates.copyBase64': async ({ ref }) => {
      const base64 = toBase64(session.withPfx(ref).pfx);
      const { clearsInSeconds } = await ctx.clipboard.copy(base64, { secret: true });
      return { clearsInSeconds, length: base64.length };
    },
    'certificates.saveBase64': ({ ref }) => saveBase64(ctx, ref),
    'certificates.base64File': ({ ref }) => base64Download(ctx, ref),
    'certificates.copyKeyCredentials': ({ ref }) => {
      const entry = session.getOpen(ref);
      const keyCredential = (entry.keyCredential ??= buildKeyCredential(entry.certificateDer));
      return ctx.clipboard.copy(JSON.stringify({ keyCredentials: [keyCredential] }, null, 2), { secret: false });
    },
    'certificates.generate': async ({
      commonName,
      organization,
      organizationalUnit,
      validityYears,
      key,
      operationId,
    }) => {
      const generated = await generateSelfSignedCertificate({
        commonName,
        organization,
        organizationalUnit,
        validityYears,
        keyAlgorithm: key,
        onProgress: (stage) => ctx.emit('certificates.progress', { operationId: operationId ?? null, stage }),
      });
      return session.hold(null, generatedView(generated));
    },
    'certificates.suggestPassword': () => {
      const password = generateStrongPassword();
      ctx.log.redactor.register(password);
      return { password };
    },
    'certificates.copyPassword': ({ password }) => {
      ctx.log.redactor.register(password);
      return ctx.clipboard.copy(password, { secret: true });
    },
    'certificates.export': (request) => exportHeld(ctx, request),
    'certificates.exportFiles': (request) => exportHeldAsDownloads(ctx, request),
    'certificates.handoff': ({ ref }) => session.handoff(ref),
    'certificates.discard': ({ ref }) => ({ discarded: session.discard(ref) }),
  };
}
