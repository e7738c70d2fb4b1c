import { MANIFEST_MAX_BYTES } from '../../shared/registration';
import { WorkbenchError } from '../errors';

/** Manifests above this size are refused before parsing (real ones are a few kilobytes; Entra caps entries at 1,200). */
export const MAX_MANIFEST_BYTES = MANIFEST_MAX_BYTES;

/** Refuse text or bytes above the manifest size limit. */
export function assertManifestSize(byteLength: number): void {
  if (byteLength > MAX_MANIFEST_BYTES) {
    const mb = (byteLength / (1024 * 1024)).toFixed(1);
    throw new WorkbenchError(
      'manifest.too_large',
      `This file is ${mb} MB; an app manifest is at most a few hundred kilobytes, so it is refused above 5 MB.`,
      {
        hint: 'Pick the manifest you downloaded from the Entra admin center (App registrations › your app › Manifest › Download), or the output of `az ad app show --id <client ID>`.',
        details: { bytes: byteLength, limitBytes: MAX_MANIFEST_BYTES },
      },
    );
  }
}

/**
 * Turn file bytes or text into manifest text: size limit, byte-order marks (Windows PowerShell's `>` writes
 * UTF-16), and binary files named for what they probably are.
 */
export function manifestText(input: string | Uint8Array): string {
  if (typeof input === 'string') {
    // UTF-16 length is at most the UTF-8 byte length × 1; checking the cheap bound first avoids encoding 1 GB strings.
    if (input.length > MAX_MANIFEST_BYTES) assertManifestSize(input.length);
    else if (input.length * 3 > MAX_MANIFEST_BYTES) assertManifestSize(Buffer.byteLength(input, 'utf8'));
    return stripEmpty(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
  }
  assertManifestSize(input.byteLength);
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return stripEmpty(bytes.subarray(3).toString('utf8'));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return stripEmpty(bytes.subarray(2).toString('utf16le'));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return stripEmpty(swap16(bytes.subarray(2)).toString('utf16le'));
  // UTF-16 without a byte-order mark: every other byte of ASCII JSON is zero.
  if (bytes.length >= 4 && bytes[0] === 0x7b && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0)
    return stripEmpty(bytes.toString('utf16le'));
  const binary = describeBinary(bytes);
  if (binary) {
    throw new WorkbenchError('manifest.not_a_manifest', `This is not an app registration manifest: it is ${binary}.`, {
      hint: manifestHowTo,
    });
  }
  return stripEmpty(bytes.toString('utf8'));
}

/** Where to get a manifest, for messages. */
export const manifestHowTo =
  'Download the manifest in the Entra admin center (App registrations › your app › Manifest › Download), or run `az ad app show --id <client ID>` and save its output.';

function stripEmpty(text: string): string {
  if (text.trim() === '') {
    throw new WorkbenchError('manifest.empty', 'The file is empty: there is no manifest to check.', {
      hint: manifestHowTo,
    });
  }
  return text;
}

function swap16(bytes: Buffer): Buffer {
  const out = Buffer.alloc(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1] ?? 0;
    out[i + 1] = bytes[i] ?? 0;
  }
  return out;
}

/** Name a binary file by its first bytes, or null when it looks like text. */
function describeBinary(bytes: Buffer): string | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'a ZIP archive';
  if (bytes[0] === 0x30 && (bytes[1] ?? 0) >= 0x80) return describeDer(bytes);
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  return control > 0 ? 'a binary file, not JSON text' : null;
}

/** Name DER bytes: a PKCS#12 (PFX) file or an X.509 certificate. */
export function describeDer(bytes: Uint8Array): string {
  const lenByte = bytes[1] ?? 0;
  const headerLength = lenByte < 0x80 ? 2 : 2 + (lenByte & 0x7f);
  const inner = bytes.subarray(headerLength, headerLength + 3);
  if (inner[0] === 0x02 && inner[1] === 0x01 && inner[2] === 0x03)
    return 'a PFX (PKCS#12) certificate file with its private key';
  if (inner[0] === 0x30) return 'a certificate (DER, as in a .cer file)';
  return 'binary ASN.1 data (a certificate or key file), not JSON text';
}
