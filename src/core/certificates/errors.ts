import type { SniffResult } from '../../shared/certificates';
import { WorkbenchError } from '../errors';
import { Asn1Error } from './asn1/reader';
import { oidName } from './asn1/oids';
import type { FailedPart } from './pkcs12/legacy-ciphers';

export { MAX_PFX_BYTES } from '../../shared/certificates';

const OPENSSL_EXPORT_HINT =
  'To build a PFX from PEM files: openssl pkcs12 -export -inkey key.pem -in cert.pem -out cert.pfx';

/** The error for input that is not a PFX, saying what it is instead and what to do. */
export function notPkcs12Error(found: SniffResult): WorkbenchError {
  const details = { detected: found.kind };
  switch (found.kind) {
    case 'empty':
      return new WorkbenchError('pfx.empty_file', 'The file is empty.', {
        hint: 'Choose the .pfx or .p12 file you exported with the private key.',
        details,
      });
    case 'base64-pkcs12':
      return new WorkbenchError(
        'pfx.base64_text',
        'This is the base64 text of a PFX, not the PFX file itself. It must be decoded first.',
        {
          hint: 'Use "Decode base64" (gcw cert decode) to turn it back into a .pfx, or paste the text there to check it.',
          details,
        },
      );
    case 'pem-certificate':
    case 'der-certificate':
      return new WorkbenchError(
        'pfx.not_pkcs12',
        `This is ${found.description}, not a PFX. It holds only the public certificate, without the private key.`,
        {
          hint: `Upload a .cer to the app registration; the connection needs the .pfx that includes the private key. ${OPENSSL_EXPORT_HINT}`,
          details,
        },
      );
    case 'pem-private-key':
    case 'pem-encrypted-private-key':
    case 'der-private-key':
    case 'der-encrypted-private-key':
      return new WorkbenchError(
        'pfx.not_pkcs12',
        `This is ${found.description}, not a PFX: a PFX holds the certificate and its private key together.`,
        {
          hint: OPENSSL_EXPORT_HINT,
          details,
        },
      );
    case 'zip':
      return new WorkbenchError('pfx.not_pkcs12', 'This is a ZIP archive, not a PFX.', {
        hint: 'Extract the archive and open the .pfx or .p12 file inside it.',
        details,
      });
    case 'java-keystore': {
      const type = found.description.includes('JCEKS') ? 'JCEKS' : 'JKS';
      return new WorkbenchError(
        'pfx.not_pkcs12',
        `This is ${found.description}, not a PFX. Java's keytool converts it to one.`,
        {
          hint: `Export it with keytool, then open the .p12: keytool -importkeystore -srckeystore keystore.${type.toLowerCase()} -srcstoretype ${type} -destkeystore keystore.p12 -deststoretype PKCS12`,
          details,
        },
      );
    }
    default:
      return new WorkbenchError('pfx.not_pkcs12', `This is ${found.description}, not a PKCS#12 (.pfx or .p12) file.`, {
        hint: 'Choose the .pfx or .p12 file that holds the certificate and its private key.',
        details,
      });
  }
}

/** A file far larger than any PFX: the wrong file was chosen. */
export function tooLargeError(size: number, limit: number): WorkbenchError {
  return new WorkbenchError(
    'pfx.too_large',
    `The file is ${(size / 1024 / 1024).toFixed(1)} MB; a PFX is at most a few KB, so this is not the right file (limit ${limit / 1024 / 1024} MB).`,
    {
      hint: 'Choose the .pfx or .p12 file that holds the certificate and its private key.',
      details: { size, limit },
    },
  );
}

/** Turn a decoding failure into pfx.truncated or pfx.corrupt. */
export function structureError(error: Asn1Error, where: string): WorkbenchError {
  if (error.truncated) {
    return new WorkbenchError('pfx.truncated', 'The file is incomplete: it ends before the PFX data does.', {
      hint: 'The file was probably cut off while copying or downloading. Copy or export it again.',
      details: { where },
      cause: error,
    });
  }
  return corruptError(`The ${where} is damaged (${error.message}).`, error);
}

/** pfx.corrupt with a plain message. */
export function corruptError(message: string, cause?: unknown): WorkbenchError {
  return new WorkbenchError('pfx.corrupt', message, {
    hint: 'The file is damaged. Copy or export it again from its source.',
    cause,
  });
}

/** An algorithm this app cannot use, named with its OID ('runtime': this build's crypto library lacks it, Node.js has it). */
export function unsupportedAlgorithm(oid: string, role: string, missing: 'app' | 'runtime' = 'app'): WorkbenchError {
  const name = oidName(oid);
  const what = `The file uses ${name === oid ? 'an algorithm' : name} (OID ${oid}) for ${role}`;
  if (missing === 'runtime') {
    return new WorkbenchError(
      'pfx.unsupported_algorithm',
      `${what}, which the crypto library of this build does not include.`,
      {
        hint: 'Open it with gcw cert inspect (Node.js includes it), or export the certificate again with AES-256.',
        details: { oid, algorithm: name, role, missing },
      },
    );
  }
  return new WorkbenchError('pfx.unsupported_algorithm', `${what}, which this app cannot read.`, {
    hint: 'Export the certificate again with AES-256 (Windows: "AES256-SHA256"; OpenSSL 3: the default).',
    details: { oid, algorithm: name, role },
  });
}

/** A PBMAC1 integrity check whose key length is missing or too short to tell a wrong password from the right one. */
export function unsafeMac(keyLength: number | null, minimum: number): WorkbenchError {
  const odds =
    keyLength !== null && keyLength < 4
      ? ` (about 1 in ${(2 ** (8 * keyLength)).toLocaleString('en-US')} wrong passwords would pass it)`
      : '';
  const message =
    keyLength === null
      ? "The file's integrity check (PBMAC1) does not state its key length, so it cannot be checked safely; this app refuses it."
      : `The file's integrity check (PBMAC1) uses a ${keyLength}-byte key, too short to tell a wrong password from the right one${odds}; this app refuses it.`;
  return new WorkbenchError('pfx.unsafe_mac', message, {
    hint: `RFC 9579 requires PBMAC1 to state a key length of at least ${minimum} bytes. Export the file again with a standard MAC (OpenSSL 3: openssl pkcs12 -export, or with -pbmac1_pbkdf2 on 3.4 and later).`,
    details: { keyLength, minimum },
  });
}

/** Wrong password, saying which check failed. */
export function wrongPassword(failedCheck: 'mac' | 'decryption'): WorkbenchError {
  const message =
    failedCheck === 'mac'
      ? "The password is wrong: the file's integrity check (MAC) does not match it."
      : "The password is wrong: the file's contents could not be decrypted with it.";
  return new WorkbenchError('pfx.wrong_password', message, {
    hint: 'Check the password (keyboard layout, Caps Lock, characters outside ASCII) and try again.',
    details: { failedCheck },
  });
}

/**
 * The password passed the integrity check (MAC), so it is the file's password, yet a part does not decrypt with it:
 * that part was encrypted with another password or by a tool with a quirk. Not "wrong password".
 */
export function partNotDecrypted(part: FailedPart | null): WorkbenchError {
  const what = part
    ? `the ${part.name === 'private key' ? 'private key' : 'encrypted part with the certificates'} (${part.description})`
    : 'an encrypted part';
  const forms =
    part && part.otherForms > 0
      ? `, neither as the standard says nor in ${part.otherForms} other way${part.otherForms === 1 ? '' : 's'} known tools encrypt (other password encodings and key sizes)`
      : '';
  const budget = part?.stoppedByBudget ? " (not every form was tried: the file's work budget ran out)" : '';
  return new WorkbenchError(
    'pfx.part_not_decrypted',
    `The password passed the file's integrity check (MAC), but ${what} could not be decrypted with it${forms}${budget}. That part was encrypted with another password, or by a tool with a quirk this app does not know.`,
    {
      hint: 'Export the file again from the tool that made it, with one password for the whole file. OpenSSL cannot open this one either.',
      details: {
        part: part?.name ?? null,
        algorithm: part?.description ?? null,
        otherForms: part?.otherForms ?? 0,
        stoppedByBudget: part?.stoppedByBudget ?? false,
      },
    },
  );
}

/** No password was given and neither an empty nor an absent password opens the file. */
export function passwordRequired(failedCheck: 'mac' | 'decryption'): WorkbenchError {
  return new WorkbenchError('pfx.password_required', 'This file is password protected. Enter its password.', {
    details: { failedCheck },
  });
}

/** Convert any failure to a WorkbenchError with a pfx.* code: corrupt input must never surface as a crash. */
export function asPfxError(error: unknown, where: string): WorkbenchError {
  if (error instanceof WorkbenchError) return error;
  if (error instanceof Asn1Error) return structureError(error, where);
  return corruptError(`The ${where} could not be read.`, error);
}
