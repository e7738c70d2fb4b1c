// Search files and contract traffic for secrets in every form they could take: text, URL-encoded, JSON-escaped,
// and for keys and PFX files their bytes as raw, base64 (also inside PEM lines), base64url, hex and JSON byte lists.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One secret and the byte strings that would betray it. */
export interface Needle {
  what: string;
  /** Forms that can appear in text (JSON results, logs, reports). */
  text: string[];
  /** Forms that can only appear in binary files. */
  bytes: Buffer[];
}

/** A text secret (client secret, password, token): as is, URL-encoded, JSON-escaped (ASCII-only too) and base64. */
export function textNeedle(what: string, value: string): Needle {
  const ascii = JSON.stringify(value)
    .slice(1, -1)
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const forms = new Set([
    value,
    encodeURIComponent(value),
    JSON.stringify(value).slice(1, -1),
    ascii,
    Buffer.from(value, 'utf8').toString('base64'),
  ]);
  return { what, text: [...forms], bytes: [Buffer.from(value, 'latin1')] };
}

/**
 * Binary secrets (a private key's DER, a PFX file): 30-byte pieces taken from inside 64-character PEM lines, so the
 * same piece shows in PEM, one-line base64, base64url, hex and raw bytes. Pieces that also occur in a public blob
 * (the certificate, the public key: an RSA private key repeats the modulus) are skipped, so public data never
 * counts as a leak.
 */
export function binaryNeedle(what: string, secret: Buffer, publicBlobs: Buffer[] = []): Needle {
  const b64 = secret.toString('base64');
  const publicText = publicBlobs.flatMap((p) =>
    [0, 1, 2].flatMap((shift) => [p.subarray(shift).toString('base64'), p.subarray(shift).toString('hex')]),
  );
  const text: string[] = [];
  const bytes: Buffer[] = [];
  for (let line = 0; (line + 1) * 64 <= b64.length && text.length < 24; line += 1) {
    const start = line * 64 + 8;
    const raw = secret.subarray((start / 4) * 3, (start / 4) * 3 + 30);
    if (raw.length < 30 || publicBlobs.some((p) => p.includes(raw))) continue;
    const chunk = b64.slice(start, start + 40);
    if (publicText.some((p) => p.includes(chunk) || p.includes(raw.toString('hex')))) continue;
    // Also as JSON prints a Buffer: {"type":"Buffer","data":[48,130,…]}.
    text.push(chunk, chunk.replace(/\+/g, '-').replace(/\//g, '_'), raw.toString('hex'), [...raw].join(','));
    bytes.push(raw);
  }
  if (text.length === 0) throw new Error(`${what}: no piece of the secret is free of public data`);
  return { what, text, bytes };
}

/** The needles found in a text (a JSON result, a log line). */
export function findInText(text: string, needles: Needle[]): string[] {
  return needles.filter((n) => n.text.some((t) => text.includes(t))).map((n) => n.what);
}

/** The needles found in a file's bytes. */
export function findInBytes(data: Buffer, needles: Needle[]): string[] {
  return needles
    .filter((n) => n.text.some((t) => data.includes(Buffer.from(t, 'utf8'))) || n.bytes.some((b) => data.includes(b)))
    .map((n) => n.what);
}

/** Every regular file under a folder (symlinks are not followed). */
export function filesUnder(root: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(root, name);
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      continue; // removed meanwhile by another process
    }
    if (stat.isDirectory()) out.push(...filesUnder(path));
    else if (stat.isFile()) out.push(path);
  }
  return out;
}

/** Search files: each hit as `<file>: <secret>`; also how many files and bytes were read. */
export function scanFiles(files: string[], needles: Needle[]): { hits: string[]; files: number; bytes: number } {
  const hits: string[] = [];
  let bytes = 0;
  let count = 0;
  for (const file of files) {
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch {
      continue;
    }
    count += 1;
    bytes += data.length;
    for (const what of findInBytes(data, needles)) hits.push(`${file}: ${what}`);
  }
  return { hits, files: count, bytes };
}
