import { WorkbenchError } from '../errors';

/** The exact base64 of the bytes on one line, no line breaks: what the client-certificate connection form takes. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Text decoded from file bytes: UTF-8 (BOM dropped) or UTF-16 with a BOM, as Windows PowerShell 5.1 writes `>` redirects. */
export function bytesToText(bytes: Uint8Array): string | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return Buffer.from(bytes.subarray(2)).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.startsWith('\ufeff') ? text.slice(1) : text;
  } catch {
    return null;
  }
}

const STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;
const URL_SAFE = /^[A-Za-z0-9_-]*={0,2}$/;

/** Strip what people paste around base64: quotes and a `data:…;base64,` prefix (whitespace stays, for positions). */
function unwrap(text: string): string {
  let t = text.replace(/^\ufeff/, '').trim();
  if (/^(["']).*\1$/s.test(t)) t = t.slice(1, -1).trim();
  const dataUrl = /^data:[^,]*;base64,/i.exec(t);
  return dataUrl ? t.slice(dataUrl[0].length) : t;
}

/** Remove whitespace, line breaks and escaped line breaks (`\r\n` pasted from JSON). */
function normalize(text: string): string {
  return unwrap(text)
    .replace(/\\[rn]/g, '')
    .replace(/\s+/g, '');
}

/** Decode text that should be base64 (standard or base64url, padding optional); null when it is not. */
export function tryDecodeBase64(text: string): Buffer | null {
  const t = normalize(text);
  if (t.length === 0 || t.length % 4 === 1) return null;
  if (STANDARD.test(t)) return Buffer.from(t, 'base64');
  if (URL_SAFE.test(t)) return Buffer.from(t, 'base64url');
  return null;
}

/**
 * Decode pasted base64 to bytes. Tolerates whitespace, line breaks, quotes, `data:` prefixes and base64url.
 * Refuses anything else with `pfx.invalid_base64` (the message names the position, never the text: it may be a secret).
 */
export function decodePastedBase64(text: string): Buffer {
  const t = normalize(text);
  if (t.length === 0)
    throw new WorkbenchError('pfx.empty_file', 'There is nothing to decode: the pasted text is empty.', {
      hint: 'Paste the base64 text of the .pfx file.',
    });
  const decoded = tryDecodeBase64(text);
  if (decoded) return decoded;
  const bad = /[^A-Za-z0-9+/=_\s-]/.exec(unwrap(text));
  const where = bad
    ? `an unexpected character at position ${bad.index + 1}`
    : /=[^=]/.test(t)
      ? 'padding (=) in the middle'
      : t.length % 4 === 1
        ? 'a length that cannot be base64 (one character too many or too few)'
        : 'both standard (+ /) and URL-safe (- _) characters';
  throw new WorkbenchError('pfx.invalid_base64', `This is not base64 text: it has ${where}.`, {
    hint: 'Paste exactly the base64 of the .pfx file (letters, digits, + and /, possibly = at the end).',
    details: { length: t.length },
  });
}
