import { type X509Certificate } from 'node:crypto';
import type { CertificateOrigin, CertificateView } from '../../shared/certificates';
import { MAX_PFX_BYTES } from '../../shared/certificates';
import { isWorkbenchError, WorkbenchError } from '../errors';
import { bytesToText, decodePastedBase64 } from './base64';
import { notPkcs12Error, tooLargeError } from './errors';
import { describePkcs12 } from './inspect';
import { WorkMeter } from './pkcs12/budget';
import { openPkcs12, type Pkcs12Contents } from './pkcs12/open';
import { sniff } from './sniff';
import { loadCertificate } from './x509/describe';
import { certificatesView, pfxView, type HeldMaterial } from './view';

/** Input ready to open: a PFX (file bytes or decoded base64 text) or public certificates (.cer/.pem/.crt). */
export type PreparedInput =
  | { kind: 'pfx'; origin: 'pfx-file' | 'base64-text'; pfx: Buffer }
  | { kind: 'certificates'; origin: 'certificate-file'; certificates: X509Certificate[] };

const PEM_CERTIFICATE =
  /-----BEGIN (?:X509 |TRUSTED )?CERTIFICATE-----([\s\S]*?)-----END (?:X509 |TRUSTED )?CERTIFICATE-----/g;

function pemCertificates(text: string): X509Certificate[] {
  return [...text.matchAll(PEM_CERTIFICATE)].map((m) =>
    loadCertificate(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')),
  );
}

/**
 * Say what the bytes are and get them ready to open: a PFX as is, the base64 text of a PFX decoded, a PEM or DER
 * certificate (or its base64) parsed. Anything else fails with the pfx.* error that names what it is.
 */
export function prepareCertificateInput(bytes: Uint8Array): PreparedInput {
  if (bytes.length > MAX_PFX_BYTES) throw tooLargeError(bytes.length, MAX_PFX_BYTES);
  const found = sniff(bytes);
  switch (found.kind) {
    case 'pkcs12':
      return { kind: 'pfx', origin: 'pfx-file', pfx: Buffer.from(bytes) };
    case 'base64-pkcs12':
      return { kind: 'pfx', origin: 'base64-text', pfx: decodePastedBase64(bytesToText(bytes) ?? '') };
    case 'pem-certificate':
      return {
        kind: 'certificates',
        origin: 'certificate-file',
        certificates: pemCertificates(bytesToText(bytes) ?? ''),
      };
    case 'der-certificate':
      return { kind: 'certificates', origin: 'certificate-file', certificates: [loadCertificate(bytes)] };
    case 'base64-other': {
      const decoded = decodePastedBase64(bytesToText(bytes) ?? '');
      if (sniff(decoded).kind === 'der-certificate')
        return { kind: 'certificates', origin: 'certificate-file', certificates: [loadCertificate(decoded)] };
      throw notPkcs12Error(found);
    }
    default:
      throw notPkcs12Error(found);
  }
}

/** Options for openPreparedInput. */
export interface OpenInputOptions {
  /**
   * When a given password is wrong, also try an empty and an absent one (files exported "without a password").
   * An empty or null password always tries both, as OpenSSL does. Default true.
   */
  tryEmptyAndAbsent?: boolean;
  now?: Date;
  /** Reported origin (e.g. keep 'generated' when a new certificate's export is reopened). */
  origin?: CertificateOrigin;
  /** Stops the open (the Cancel button, a closed window, quit). */
  signal?: AbortSignal;
}

/** An opened input: what to show, and what main keeps in memory to copy, export or hand to a connection. */
export interface OpenedInput extends HeldMaterial {
  view: CertificateView;
}

const needsPassword = (error: unknown): boolean =>
  isWorkbenchError(error) && (error.code === 'pfx.wrong_password' || error.code === 'pfx.password_required');

async function openWithFallback(
  pfx: Buffer,
  password: string | null,
  tryEmptyAndAbsent: boolean,
  signal: AbortSignal | undefined,
): Promise<{ contents: Pkcs12Contents; password: string | null }> {
  // One budget for both attempts: the fallback runs only on what the first left.
  const options = { signal, meter: new WorkMeter() };
  try {
    const contents = await openPkcs12(pfx, password, options);
    return { contents, password: passwordThatOpened(contents, password) };
  } catch (error) {
    if (!password || !tryEmptyAndAbsent || !needsPassword(error)) throw error;
    try {
      const contents = await openPkcs12(pfx, null, options);
      return { contents, password: passwordThatOpened(contents, null) };
    } catch {
      // The file does need a password, and the one given is wrong: report that, not the fallback's failure.
      throw error;
    }
  }
}

function passwordThatOpened(contents: Pkcs12Contents, given: string | null): string | null {
  switch (contents.passwordUsed) {
    case 'empty':
      return '';
    case 'absent':
      return null;
    default:
      return given;
  }
}

/** Open prepared input: a PFX with the password (and the fallbacks), or describe the certificates. */
export async function openPreparedInput(
  input: PreparedInput,
  password: string | null,
  options: OpenInputOptions = {},
): Promise<OpenedInput> {
  if (input.kind === 'certificates') {
    if (input.certificates.length === 0)
      throw new WorkbenchError('pfx.no_certificate', 'The file holds no certificate.', {
        hint: 'Choose a .pfx, .cer, .crt or .pem file.',
      });
    return certificatesView(input.certificates, { now: options.now, origin: options.origin ?? input.origin });
  }
  const opened = await openWithFallback(input.pfx, password, options.tryEmptyAndAbsent ?? true, options.signal);
  const details = describePkcs12(opened.contents, { now: options.now });
  return pfxView(opened.contents, details, {
    pfx: input.pfx,
    password: opened.password,
    origin: options.origin ?? input.origin,
  });
}
