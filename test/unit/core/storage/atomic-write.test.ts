// The project's own atomic writer (src/core/storage/atomic-write.ts): a new version is written beside the file and
// renamed over it, so the old version is never touched in place (a crash mid-write leaves it whole).
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeNewFile } from '../../../../src/core/storage/atomic-write';

const folder = () => mkdtempSync(join(tmpdir(), 'gcw-atomic-'));

describe('writeFileAtomic', () => {
  it('never writes into the file it replaces: a second name for the old version still reads the old content', () => {
    const dir = folder();
    const path = join(dir, 'doc.json');
    writeFileAtomic(path, '{"version":"old"}');
    // A hard link names the old version's bytes; writing the target in place would change them too.
    linkSync(path, join(dir, 'old-version'));
    writeFileAtomic(path, '{"version":"new"}');
    expect(readFileSync(path, 'utf8')).toBe('{"version":"new"}');
    expect(readFileSync(join(dir, 'old-version'), 'utf8')).toBe('{"version":"old"}');
    expect(statSync(path).ino).not.toBe(statSync(join(dir, 'old-version')).ino);
  });

  it('writes owner-only (0600), creates the folder owner-only, and leaves no temp file behind', () => {
    const dir = join(folder(), 'nested');
    const path = join(dir, 'secret.json');
    writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    if (process.platform !== 'win32') {
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    }
    expect(readdirSync(dir)).toEqual(['secret.json']);
  });

  it('keeps the old version and removes its temp file when the new one cannot be put in place', () => {
    const dir = folder();
    const path = join(dir, 'doc.json');
    mkdirSync(path); // a folder where the file should be: the rename fails
    writeFileSync(join(path, 'inside'), 'untouched');
    expect(() => writeFileAtomic(path, 'new')).toThrow();
    expect(readFileSync(join(path, 'inside'), 'utf8')).toBe('untouched');
    expect(readdirSync(dir)).toEqual(['doc.json']);
  });
});

describe('writeNewFile', () => {
  it('refuses to replace an existing file unless asked, and replaces it atomically when asked', () => {
    const dir = folder();
    const path = join(dir, 'export.pfx');
    writeNewFile(path, 'first');
    expect(() => writeNewFile(path, 'second')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(path, 'utf8')).toBe('first');
    linkSync(path, join(dir, 'first-version'));
    writeNewFile(path, 'second', { overwrite: true });
    expect(readFileSync(path, 'utf8')).toBe('second');
    expect(readFileSync(join(dir, 'first-version'), 'utf8')).toBe('first');
  });
});
