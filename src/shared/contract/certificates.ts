import { z } from 'zod';
import { type CertificateHandoff, type HeldCertificate, MAX_PFX_BYTES, type SniffResult } from '../certificates';
import type { DownloadFile } from '../download';
import { method } from './define';

const empty = z.object({}).strict();
const ref = z
  .string()
  .min(16)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'a certificate reference');
const password = z.string().max(1024);
const tryEmptyAndAbsent = z
  .boolean()
  .default(true)
  .describe(
    'With no password: try an empty and an absent one. With a wrong password: also try those, for files saved without one.',
  );

/** Base64 of at most MAX_PFX_BYTES bytes. */
export const MAX_PFX_BASE64_LENGTH = Math.ceil(MAX_PFX_BYTES / 3) * 4;

/** What pasted text turned out to be; a PFX or certificate inside is opened when it can be. */
export interface DecodedBase64 {
  found: SniffResult;
  byteLength: number;
  /** The opened PFX or certificate, when the text is one and (for a PFX) no password or an empty one opens it. */
  certificate: HeldCertificate | null;
  /** A PFX that needs its password: call certificates.unlock with this ref. */
  lockedRef: string | null;
}

/** The files an export wrote. */
export interface CertificateExportResult {
  folder: string;
  name: string;
  /** Full paths: NAME.pfx, NAME.cer, NAME.pem, NAME.pfx.b64.txt, NAME.keycredentials.json. */
  files: string[];
  /** The certificate, now backed by the exported PFX (its base64 is that file's). */
  certificate: HeldCertificate;
}

/** The export set as downloads (gcw ui): the same five files, and the certificate backed by the new PFX. */
export interface CertificateExportFiles {
  name: string;
  files: DownloadFile[];
  certificate: HeldCertificate;
}

/** Contract methods of the Certificates page. PFX bytes, passwords and keys stay in main; results carry refs and facts. */
export const certificateMethods = {
  'certificates.prewarm': method<{ started: boolean }>()(
    empty,
    'Start the key-derivation workers so the first PFX opens without a cold start.',
  ),
  'certificates.inspect': method<HeldCertificate>()(
    z
      .object({
        fileName: z.string().min(1).max(260),
        bytesBase64: z.string().max(MAX_PFX_BASE64_LENGTH),
        password: password.nullable(),
        tryEmptyAndAbsent,
      })
      .strict(),
    'Open a dropped file (PFX, its base64 text, or a .cer/.pem certificate). A PFX that needs a password fails with pfx.password_required or pfx.wrong_password whose details.ref unlocks it.',
  ),
  'certificates.inspectFile': method<HeldCertificate>()(
    z.object({ password: password.nullable(), tryEmptyAndAbsent }).strict(),
    'Choose a file with the OS dialog and open it like certificates.inspect.',
  ),
  'certificates.unlock': method<HeldCertificate>()(
    z.object({ ref, password: password.nullable(), tryEmptyAndAbsent }).strict(),
    'Open a PFX held in memory that is waiting for its password.',
  ),
  'certificates.cancelOpen': method<{ cancelled: number }>()(
    empty,
    'Stop every PFX open in progress (the Cancel button); each fails with pfx.cancelled. Returns how many were running.',
  ),
  'certificates.decodeBase64': method<DecodedBase64>()(
    z
      .object({
        text: z
          .string()
          .min(1)
          .max(MAX_PFX_BASE64_LENGTH + 100_000),
      })
      .strict(),
    'Decode pasted base64 (e.g. what was pasted into a connection), say what it is, and open it when it is a PFX or a certificate.',
  ),
  'certificates.copyBase64': method<{ clearsInSeconds: number | null; length: number }>()(
    z.object({ ref }).strict(),
    'Copy the one-line base64 of the PFX; it is cleared from the clipboard after the configured seconds.',
  ),
  'certificates.saveBase64': method<{ path: string }>()(
    z.object({ ref }).strict(),
    'Save the base64 of the PFX as NAME.pfx.b64.txt (owner-only), choosing the file with the OS dialog.',
  ),
  'certificates.base64File': method<DownloadFile>()(
    z.object({ ref }).strict(),
    'The base64 of the PFX as NAME.pfx.b64.txt for the browser to download (gcw ui).',
    { revealsSecret: true },
  ),
  'certificates.copyKeyCredentials': method<{ clearsInSeconds: number | null }>()(
    z.object({ ref }).strict(),
    'Copy the keyCredentials JSON entry (public certificate only) for the app registration manifest.',
  ),
  'certificates.generate': method<HeldCertificate>()(
    z
      .object({
        commonName: z.string().min(1).max(64),
        organization: z.string().max(64).optional(),
        organizationalUnit: z.string().max(64).optional(),
        validityYears: z.number().int().min(1).max(3).default(1),
        key: z.enum(['rsa-2048', 'rsa-3072', 'rsa-4096', 'ec-p256', 'ec-p384']).default('rsa-2048'),
        operationId: z.string().max(64).optional(),
      })
      .strict(),
    'Generate a self-signed certificate for app-only sign-in; progress arrives as certificates.progress events.',
  ),
  'certificates.suggestPassword': method<{ password: string }>()(
    empty,
    'A strong random password for an export, shown to the user who asked for it.',
    { revealsSecret: true },
  ),
  'certificates.copyPassword': method<{ clearsInSeconds: number | null }>()(
    z.object({ password: password.min(1) }).strict(),
    'Copy a password the user is looking at; it is cleared from the clipboard after the configured seconds.',
  ),
  'certificates.export': method<CertificateExportResult>()(
    z
      .object({
        ref,
        password,
        profile: z.enum(['modern', 'compat']).default('modern'),
        name: z.string().min(1).max(80).optional(),
        overwrite: z.boolean().default(false),
      })
      .strict(),
    'Write NAME.pfx, .cer, .pem, .pfx.b64.txt and .keycredentials.json (owner-only) to a folder chosen in the OS dialog. Existing files -> file.exists (details.files); call again with overwrite: true to replace them in the same folder.',
  ),
  'certificates.exportFiles': method<CertificateExportFiles>()(
    z
      .object({
        ref,
        password,
        profile: z.enum(['modern', 'compat']).default('modern'),
        name: z.string().min(1).max(80).optional(),
      })
      .strict(),
    'The same five files as certificates.export (NAME.pfx, .cer, .pem, .pfx.b64.txt, .keycredentials.json), returned for the browser to download (gcw ui) instead of written to a folder.',
    { revealsSecret: true },
  ),
  'certificates.handoff': method<CertificateHandoff>()(
    z.object({ ref }).strict(),
    'Mark a certificate for use in a connection; returns the facts a connection profile keeps.',
  ),
  'certificates.discard': method<{ discarded: boolean }>()(
    z.object({ ref }).strict(),
    'Forget a certificate held in memory now.',
  ),
};
