// Verifies a folder of manifests, or one export of a whole tenant, as a stream: each result is handed over as soon as
// it is ready and nothing is kept, so memory stays flat at 50,000 apps. Files are read ahead asynchronously (the event
// loop keeps turning, as the app's main process needs), and a `{ "value": [ … ] }` export is split without parsing
// or holding the whole file (export-items.ts).
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { VerifyReport } from '../../shared/registration';
import { ok, type Result } from '../../shared/result';
import { isWorkbenchError, WorkbenchError } from '../errors';
import { JsonExportSplitter, type JsonExportItem } from './export-items';
import { MAX_MANIFEST_BYTES, manifestText } from './manifest-input';
import { verifyManifest } from './verify-manifest';
import type { VerifyTarget } from './verify-target';

/** One checked manifest (a file, or an app of an export: `apps.json[17]`), or why it is not one. */
export interface StreamedResult {
  fileName: string;
  path: string;
  result: Result<VerifyReport>;
}

export interface VerifyStreamOptions {
  /** How many files are read ahead of the one being checked (default 16). */
  readAhead?: number;
  /**
   * 'async' (default): files are read ahead on libuv's threads while manifests are checked, so the event loop (the
   * app's main process) is never held by a slow disk. 'sync': each file is read when its turn comes — faster for a
   * process that has nothing else to do (gcw), as long as the disk is local.
   */
  read?: 'async' | 'sync';
  /** Told when an export names a next page (`@odata.nextLink`): it holds only part of the tenant. */
  onPartialExport?: (fileName: string) => void;
}

/** The .json files of a folder (not its subfolders), in name order (by character code). Throws for a folder that cannot be read or has none. */
export async function manifestFilesOf(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((cause: unknown) => {
    throw new WorkbenchError('file.not_found', 'The folder cannot be found or opened.', {
      cause,
      hint: 'Check the path and that you may read the folder.',
    });
  });
  const files = entries
    .filter((e) => e.isFile() && /\.json$/i.test(e.name))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)); // by character code: no ICU to load, the same order everywhere
  if (files.length === 0) {
    throw new WorkbenchError('manifest.no_files', 'The folder holds no .json files to verify.', {
      hint: 'Save each app’s manifest as a .json file in the folder (Manifest › Download, or `az ad app show --id <client ID> > app.json`), or give a whole-tenant export (`GET /applications`) with --export.',
    });
  }
  return files;
}

type Loaded = { kind: 'bytes'; bytes: Buffer } | { kind: 'large' } | { kind: 'failed'; error: WorkbenchError };

/**
 * The same as load, without leaving the thread: open, read into one buffer reused for every file (grown as needed),
 * close. The folder listing said it is a file, so no stat: three system calls per manifest.
 */
function syncLoader(): (path: string, name: string) => Loaded {
  let buffer = Buffer.allocUnsafe(256 * 1024);
  return (path, name) => {
    let fd: number | null = null;
    try {
      fd = openSync(path, 'r');
      let at = 0;
      for (;;) {
        if (at === buffer.length) {
          if (buffer.length > MAX_MANIFEST_BYTES) return { kind: 'large' };
          const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_MANIFEST_BYTES + 1));
          buffer.copy(bigger, 0, 0, at);
          buffer = bigger;
        }
        const got = readSync(fd, buffer, at, buffer.length - at, null);
        if (got === 0) break;
        at += got;
      }
      // The bytes are read (decoded to text) before the next file is loaded into the same buffer.
      return { kind: 'bytes', bytes: buffer.subarray(0, at) };
    } catch (cause) {
      return {
        kind: 'failed',
        error: new WorkbenchError('file.read_failed', `The file ${name} could not be read.`, {
          cause,
          hint: 'Check that you may read the file and that no other program locks it.',
        }),
      };
    } finally {
      if (fd !== null) closeSync(fd);
    }
  };
}

async function load(path: string, name: string): Promise<Loaded> {
  try {
    const info = await stat(path);
    if (!info.isFile())
      return { kind: 'failed', error: new WorkbenchError('file.read_failed', `${name} is not a file.`) };
    if (info.size > MAX_MANIFEST_BYTES) return { kind: 'large' };
    return { kind: 'bytes', bytes: await readFile(path) };
  } catch (cause) {
    return {
      kind: 'failed',
      error: new WorkbenchError('file.read_failed', `The file ${name} could not be read.`, {
        cause,
        hint: 'Check that you may read the file and that no other program locks it.',
      }),
    };
  }
}

/** Verify every .json file of a folder against one target, in name order; an export in it gives one result per app. */
export async function* verifyFolderStream(
  folder: string,
  target: VerifyTarget,
  options: VerifyStreamOptions = {},
): AsyncGenerator<StreamedResult> {
  const names = await manifestFilesOf(folder);
  const ahead = options.read === 'sync' ? 0 : Math.max(1, options.readAhead ?? 16);
  const readNow = options.read === 'sync' ? syncLoader() : null;
  const pending: Array<Promise<Loaded>> = [];
  let next = 0;
  const fill = () => {
    while (pending.length < ahead && next < names.length) {
      const name = names[next++]!;
      pending.push(load(join(folder, name), name));
    }
  };
  const yielder = eventLoopYielder();
  fill();
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const path = join(folder, name);
    const loaded = readNow ? readNow(path, name) : await pending.shift()!;
    fill();
    if (loaded.kind === 'failed')
      yield { fileName: name, path, result: { ok: false, error: loaded.error.toAppError() } };
    else if (loaded.kind === 'large') yield* verifyExportFile(path, target, options);
    else yield* verifyBytes(loaded.bytes, name, path, target, options, yielder);
    await yielder();
  }
}

async function* verifyBytes(
  bytes: Buffer,
  name: string,
  path: string,
  target: VerifyTarget,
  options: VerifyStreamOptions,
  yielder: () => Promise<void>,
): AsyncGenerator<StreamedResult> {
  let text: string;
  try {
    text = manifestText(bytes);
  } catch (error) {
    yield failed(name, path, error);
    return;
  }
  if (!looksLikeExport(text)) {
    yield check(text, name, path, target);
    return;
  }
  const splitter = new JsonExportSplitter(MAX_MANIFEST_BYTES);
  for (const item of [...splitter.push(text), ...splitter.end()]) {
    yield fromItem(item, name, path, target);
    await yielder();
  }
  if (splitter.hasNextLink) options.onPartialExport?.(name);
}

/** Verify each app of an export file of any size (`{ "value": [ … ] }` or `[ … ]`), read in chunks; one manifest gives one result. */
export async function* verifyExportFile(
  path: string,
  target: VerifyTarget,
  options: VerifyStreamOptions = {},
): AsyncGenerator<StreamedResult> {
  const name = basename(path);
  const splitter = new JsonExportSplitter(MAX_MANIFEST_BYTES);
  const yielder = eventLoopYielder();
  let decoder: StringDecoder | null = null;
  let stream;
  try {
    stream = createReadStream(path, { highWaterMark: 64 * 1024 });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let bytes = chunk;
      if (!decoder) {
        // Windows PowerShell's `>` writes UTF-16 with a byte-order mark.
        const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
        decoder = new StringDecoder(utf16 ? 'utf16le' : 'utf8');
        if (utf16) bytes = bytes.subarray(2);
      }
      for (const item of splitter.push(decoder.write(bytes))) {
        yield fromItem(item, name, path, target);
        await yielder();
      }
    }
  } catch (cause) {
    if (isWorkbenchError(cause)) throw cause;
    yield failed(
      name,
      path,
      new WorkbenchError('file.read_failed', `The file ${name} could not be read.`, {
        cause,
        hint: 'Check the path and that you may read the file.',
      }),
    );
    return;
  } finally {
    stream?.destroy();
  }
  for (const item of [...splitter.push(decoder?.end() ?? ''), ...splitter.end()])
    yield fromItem(item, name, path, target);
  if (splitter.hasNextLink) options.onPartialExport?.(name);
}

/** An export starts with a list, or with an object whose first key is `value` or an OData annotation. */
function looksLikeExport(text: string): boolean {
  return /^\uFEFF?\s*(\[|\{\s*"(value|@odata\.[^"]*)"\s*:)/.test(text.slice(0, 4096));
}

function fromItem(item: JsonExportItem, name: string, path: string, target: VerifyTarget): StreamedResult {
  if (item.kind === 'whole') return check(item.text, name, path, target);
  const itemName = item.index === null ? name : `${name}[${item.index}]`;
  if (item.kind === 'too-large') {
    const mb = (item.bytes / (1024 * 1024)).toFixed(1);
    return failed(
      itemName,
      path,
      new WorkbenchError(
        'manifest.too_large',
        `This entry is ${mb} MB; an app manifest is at most a few hundred kilobytes, so it is refused above 5 MB.`,
      ),
    );
  }
  return check(item.text, itemName, path, target);
}

function check(text: string, fileName: string, path: string, target: VerifyTarget): StreamedResult {
  try {
    return { fileName, path, result: ok(verifyManifest(text, target, { fileName })) };
  } catch (error) {
    return failed(fileName, path, error);
  }
}

function failed(fileName: string, path: string, error: unknown): StreamedResult {
  if (!isWorkbenchError(error)) throw error;
  return { fileName, path, result: { ok: false, error: error.toAppError() } };
}

/** Every ~20 ms of work, let the event loop run (timers, IPC, redraws) before the next manifest. */
function eventLoopYielder(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < 20) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}
