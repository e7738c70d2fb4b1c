// A stand-in for the Electron release zip, for packaging tests only: Forge packages it like the real one (it carries
// Electron's fuse wire, with Electron's defaults), but its "binary" is a shell script that records how it was
// called and fails. It never runs the app and must never be presented as doing so.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

/** The marker @electron/fuses looks for in the binary (its constants.js; the package does not export it). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Electron's fuse wire as shipped (electron/build/fuses/fuses.json5): RunAsNode on … WasmTrapHandlers on. */
export const ELECTRON_DEFAULT_WIRE = '101100011';

/** The stand-in "binary": appends its arguments to $GCW_STANDIN_LOG (when set), says what it is, exits 3. */
export function standinBinary(): Buffer {
  const script = [
    '#!/bin/sh',
    '# Stand-in for the Electron binary (packaging tests only). It is not Electron and runs nothing.',
    'if [ -n "$GCW_STANDIN_LOG" ]; then printf \'%s\\n\' "$0 $*" >> "$GCW_STANDIN_LOG"; fi',
    'echo "stand-in Electron binary: not the real runtime, nothing was run" >&2',
    'exit 3',
    '',
  ].join('\n');
  // The shell never reads past `exit`, so the fuse wire can follow as raw bytes: sentinel, version 1, length, states.
  const wire = Buffer.concat([
    Buffer.from(SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE),
    Buffer.from('\n'),
  ]);
  return Buffer.concat([Buffer.from(script), wire]);
}

/** 1980-01-01 as a DOS date (year 0, month 1, day 1). */
const DOS_EPOCH = (1 << 5) | 1;

interface Entry {
  name: string;
  data: Buffer;
  mode: number;
}

/** A ZIP archive with stored (uncompressed) entries and Unix modes, as Electron's release zips carry them. */
export function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, mode } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(DOS_EPOCH, 12); // 1980-01-01, like Electron's own zips
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_EPOCH, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(((0o100000 | mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/**
 * Writes `electron-v<version>-linux-<arch>.zip` into `dir` (the layout Forge's `electronZipDir` expects) and the same
 * files unpacked into `<dir>/dist` (for ELECTRON_OVERRIDE_DIST_PATH). Returns both paths.
 */
export function writeStandinElectron(dir: string, version: string, arch = 'x64'): { zipDir: string; distDir: string } {
  const note = (what: string) =>
    Buffer.from(`Stand-in ${what} of a packaging test; the real Electron ${version} release carries the real one.\n`);
  const entries: Entry[] = [
    { name: 'electron', data: standinBinary(), mode: 0o755 },
    { name: 'version', data: Buffer.from(version), mode: 0o644 },
    { name: 'LICENSE', data: note('LICENSE'), mode: 0o644 },
    { name: 'LICENSES.chromium.html', data: note('LICENSES.chromium.html'), mode: 0o644 },
    { name: 'resources/default_app.asar', data: note('default_app.asar'), mode: 0o644 },
  ];
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `electron-v${version}-linux-${arch}.zip`), zip(entries));
  const distDir = join(dir, 'dist');
  for (const e of entries) {
    const file = join(distDir, e.name);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, e.data);
    chmodSync(file, e.mode);
  }
  return { zipDir: dir, distDir };
}
