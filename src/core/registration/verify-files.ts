import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isWorkbenchError, WorkbenchError } from '../errors';
import type { VerifyReport } from '../../shared/registration';
import { ok, type Result } from '../../shared/result';
import { assertManifestSize } from './manifest-input';
import { verifyManifest } from './verify-manifest';
import type { VerifyTarget } from './verify-target';

/** One file of a folder run: its report, or why it could not be read as a manifest. */
export interface ManifestFileResult {
  fileName: string;
  path: string;
  result: Result<VerifyReport>;
}

/** Verify one manifest file; its size is checked before it is read. Throws WorkbenchError for bad input. */
export async function verifyManifestFile(path: string, target: VerifyTarget): Promise<VerifyReport> {
  const info = await stat(path).catch((cause: unknown) => {
    throw new WorkbenchError('file.not_found', `The file ${basename(path)} cannot be found or opened.`, {
      cause,
      hint: 'Check the path and that you may read the file.',
    });
  });
  if (!info.isFile())
    throw new WorkbenchError('file.read_failed', `${basename(path)} is not a file.`, {
      hint: 'Pick a manifest file (.json).',
    });
  assertManifestSize(info.size);
  const bytes = await readFile(path).catch((cause: unknown) => {
    throw new WorkbenchError('file.read_failed', `The file ${basename(path)} could not be read.`, {
      cause,
      hint: 'Check that you may read the file and that no other program locks it.',
    });
  });
  return verifyManifest(bytes, target, { fileName: basename(path) });
}

/**
 * Verify every .json file in a folder (not its subfolders) against the same target: one result per file, in name
 * order; a file that is not a manifest gets its error instead of stopping the run.
 */
export async function verifyManyManifests(folder: string, target: VerifyTarget): Promise<ManifestFileResult[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((cause: unknown) => {
    throw new WorkbenchError('file.not_found', 'The folder cannot be found or opened.', {
      cause,
      hint: 'Check the path and that you may read the folder.',
    });
  });
  const files = entries
    .filter((e) => e.isFile() && /\.json$/i.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b));
  if (files.length === 0) {
    throw new WorkbenchError('manifest.no_files', 'The folder holds no .json files to verify.', {
      hint: 'Save each app’s manifest as a .json file in the folder (Manifest › Download, or `az ad app show --id <client ID> > app.json`).',
    });
  }
  const results: ManifestFileResult[] = [];
  for (const fileName of files) {
    const path = join(folder, fileName);
    try {
      results.push({ fileName, path, result: ok(await verifyManifestFile(path, target)) });
    } catch (error) {
      if (!isWorkbenchError(error)) throw error;
      results.push({ fileName, path, result: { ok: false, error: error.toAppError() } });
    }
  }
  return results;
}
