// The file-system calls behind the atomic writers, in order: the bytes are flushed to disk (fsync) and the file
// closed before the rename makes them the document; short writes are continued where they stopped; a failure
// reports its own cause and closes what it opened.
import type * as Fs from 'node:fs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
const faults: { open?: NodeJS.ErrnoException; write?: NodeJS.ErrnoException; shortFirstWrite?: boolean } = {};

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof Fs>();
  const tag = (p: unknown) => (String(p).endsWith('.tmp') ? 'temp' : 'target');
  let writes = 0;
  const mocked = {
    ...fs,
    openSync: (path: string, flags: string, mode?: number) => {
      calls.push(`open ${tag(path)} ${flags}`);
      if (faults.open) throw faults.open;
      return fs.openSync(path, flags, mode);
    },
    writeSync: (fd: number, buffer: Uint8Array, offset: number, length: number) => {
      calls.push('write');
      if (faults.write) throw faults.write;
      writes += 1;
      // A short first write, as a full disk or a signal can cause: the writer must continue where it stopped.
      return fs.writeSync(fd, buffer, offset, faults.shortFirstWrite && writes === 1 ? Math.min(3, length) : length);
    },
    fsyncSync: (fd: number) => (calls.push('fsync'), fs.fsyncSync(fd)),
    closeSync: (fd: number) => (calls.push('close'), fs.closeSync(fd)),
    renameSync: (from: string, to: string) => (
      calls.push(`rename ${tag(from)} to ${tag(to)}`),
      fs.renameSync(from, to)
    ),
    rmSync: (path: string, options?: Fs.RmOptions) => (calls.push(`rm ${tag(path)}`), fs.rmSync(path, options)),
  };
  return { ...mocked, default: mocked };
});

const { writeFileAtomic, writeNewFile } = await import('../../../../src/core/storage/atomic-write');
const error = (code: string) => Object.assign(new Error(code), { code });

beforeEach(() => {
  calls.length = 0;
  delete faults.open;
  delete faults.write;
  delete faults.shortFirstWrite;
});

describe('atomic writer system calls', () => {
  it('writeFileAtomic: temp file, write, fsync, close, then rename over the target', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gcw-calls-')), 'doc.json');
    writeFileAtomic(path, '{"a":1}');
    expect(calls).toEqual(['open temp wx', 'write', 'fsync', 'close', 'rename temp to target']);
  });

  it('writeNewFile: the target itself, created exclusively, written, flushed and closed', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gcw-calls-')), 'export.pem');
    writeNewFile(path, 'pem');
    expect(calls).toEqual(['open target wx', 'write', 'fsync', 'close']);
  });

  it('continues a short write where it stopped, in both writers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcw-calls-'));
    faults.shortFirstWrite = true;
    writeFileAtomic(join(dir, 'a.json'), 'abcdefghij');
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('abcdefghij');
    faults.shortFirstWrite = true;
    writeNewFile(join(dir, 'b.txt'), 'klmnopqrst');
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('klmnopqrst');
  });

  it('reports the failure itself when the temp file cannot be made (not a follow-up error of the clean-up)', () => {
    faults.open = error('EMFILE');
    expect(() => writeFileAtomic(join(mkdtempSync(join(tmpdir(), 'gcw-calls-')), 'doc.json'), 'x')).toThrow(
      expect.objectContaining({ code: 'EMFILE' }),
    );
    expect(calls).toEqual(['open temp wx', 'rm temp']);
  });

  it('closes and removes the temp file when a write fails, and reports the write error', () => {
    faults.write = error('ENOSPC');
    expect(() => writeFileAtomic(join(mkdtempSync(join(tmpdir(), 'gcw-calls-')), 'doc.json'), 'x')).toThrow(
      expect.objectContaining({ code: 'ENOSPC' }),
    );
    expect(calls).toEqual(['open temp wx', 'write', 'close', 'rm temp']);
  });

  it('closes the new file when its write fails', () => {
    faults.write = error('ENOSPC');
    expect(() => writeNewFile(join(mkdtempSync(join(tmpdir(), 'gcw-calls-')), 'export.pem'), 'x')).toThrow(
      expect.objectContaining({ code: 'ENOSPC' }),
    );
    expect(calls).toEqual(['open target wx', 'write', 'close']);
  });
});
