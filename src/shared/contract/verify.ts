import { z } from 'zod';
import { MANIFEST_MAX_BYTES, type VerifyReport } from '../registration';
import type { DownloadFile } from '../download';
import { method } from './define';

const reportId = z.string().min(1).max(100);
const fileName = z.string().max(260).default('');
// base64 is 4/3 of the bytes; 64 KiB of slack lets a file just over the limit reach main, which names the limit.
const base64Of = (bytes: number) => z.string().max(Math.ceil((bytes + 65_536) / 3) * 4);

/** The manifest to verify: pasted or read text, or the file's bytes (so UTF-16 files and binary files are named correctly). */
export const manifestInputSchema = z.union([
  z.object({ fileName, text: z.string().max(MANIFEST_MAX_BYTES) }).strict(),
  z.object({ fileName, bytesBase64: base64Of(MANIFEST_MAX_BYTES) }).strict(),
]);

/** A PFX to compare with the registered certificates: its bytes and password, or "the profile's stored PFX". */
export const verifyPfxInputSchema = z.union([
  z
    .object({ fileName, bytesBase64: base64Of(10 * 1024 * 1024).min(1), password: z.string().max(1024).default('') })
    .strict(),
  z.literal('profile'),
]);

/** Where the certificate the manifest was compared with came from (never its key or bytes). */
export interface VerifyCertificateInfo {
  source: 'file' | 'profile-pfx' | 'profile-thumbprint';
  fileName: string | null;
  subject: string | null;
  thumbprintSha1: string;
  notAfter: string;
  /** Null when only the thumbprint was known (the key could not be checked). */
  keyMatchesCertificate: boolean | null;
}

/** One verification: the report (no secrets), an id to export or copy it by, and what it was checked against. */
export interface VerifyRun {
  reportId: string;
  report: VerifyReport;
  profileId: string | null;
  profileName: string | null;
  certificate: VerifyCertificateInfo | null;
  /** What could not be compared, in plain words (e.g. a stored secret that could not be decrypted). */
  notes: string[];
}

/** Contract methods of the Verify page: check a manifest against a profile (and a PFX), export or copy the report. */
export const verifyMethods = {
  'verify.run': method<VerifyRun>()(
    z
      .object({
        profileId: z.string().min(1).max(100).nullable().default(null),
        manifest: manifestInputSchema.nullable().default(null),
        pfx: verifyPfxInputSchema.nullable().default(null),
        appOnly: z.boolean().optional(),
        loopbackTest: z.boolean().default(false),
      })
      .strict(),
    'Verify an app manifest (given, or picked in the open dialog when null) against a profile or alone, optionally with a PFX; the report never holds a secret.',
  ),
  'verify.exportReport': method<{ path: string }>()(
    z.object({ reportId, format: z.enum(['markdown', 'html']) }).strict(),
    'Save a report as Markdown or HTML where the user chooses (owner-only file).',
  ),
  'verify.renderReport': method<DownloadFile>()(
    z.object({ reportId, format: z.enum(['markdown', 'html']) }).strict(),
    'A report as a Markdown or HTML file for the browser to download (gcw ui).',
  ),
  'verify.copyReport': method<{ clearsInSeconds: number | null }>()(
    z.object({ reportId }).strict(),
    'Copy a report as Markdown (for a change ticket).',
  ),
};
