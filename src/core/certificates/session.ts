import { randomBytes } from 'node:crypto';
import type {
  CertificateHandoff,
  CertificateOrigin,
  CertificateView,
  HeldCertificate,
  KeyCredentialEntry,
} from '../../shared/certificates';
import { WorkbenchError } from '../errors';
import type { Redactor } from '../log/redact';
import { toBase64 } from './base64';
import { safeFileName } from './export-set';
import { prewarmCertificateWorkers, shutdownCertificateWorkers } from './pkcs12/hash-pool';
import type { HeldMaterial } from './view';

/** Entries are dropped after this long without use. */
export const SESSION_IDLE_MS = 30 * 60_000;
/** At most this many certificates are held; the least recently used is dropped first. */
const MAX_ENTRIES = 20;

/** One certificate in main's memory: what the page shows and the secrets it never sees. */
export interface HeldEntry extends HeldMaterial {
  ref: string;
  /** 'locked': a PFX waiting for its password (only `pfx` and `origin` are set). */
  state: 'locked' | 'open';
  origin: CertificateOrigin;
  fileName: string | null;
  view: CertificateView | null;
  lastUsed: number;
  handedOff: boolean;
  /** Folder and name of an export that stopped to ask "Replace?". */
  pendingExport: { folder: string; name: string } | null;
  /** Made once, so the copied entry and the exported file share one keyId. */
  keyCredential: KeyCredentialEntry | null;
}

/** Options of a session (tests pass a clock). */
export interface CertificateSessionOptions {
  idleMs?: number;
  now?: () => number;
  redactor?: Redactor;
}

const EXTENSIONS = /(\.(pfx|p12|cer|crt|pem|der|b64|base64|txt))+$/i;

/** Export name for an entry: the file's name without its extensions, else the certificate's CN. */
export function exportNameFor(fileName: string | null, view: CertificateView): string {
  const base = fileName?.replace(EXTENSIONS, '') ?? '';
  return safeFileName(base || view.certificate.subjectCommonName || 'certificate');
}

/**
 * Certificates opened or generated on the Certificates page, kept in main's memory by a random ref: bytes,
 * password and private key never go to the renderer. Idle entries expire; everything is dropped on dispose (quit).
 */
export class CertificateSession {
  private readonly entries = new Map<string, HeldEntry>();
  private readonly idleMs: number;
  private readonly now: () => number;
  private readonly sweeper: NodeJS.Timeout;
  /** Opens in progress; Cancel, a closed window and dispose stop them. */
  private readonly opening = new Set<AbortController>();

  constructor(private readonly options: CertificateSessionOptions = {}) {
    this.idleMs = options.idleMs ?? SESSION_IDLE_MS;
    this.now = options.now ?? Date.now;
    this.sweeper = setInterval(() => this.sweep(), Math.min(this.idleMs, 60_000));
    this.sweeper.unref();
  }

  /** Number of entries held (after dropping expired ones). */
  get size(): number {
    this.sweep();
    return this.entries.size;
  }

  /** Keep a PFX that needs its password; returns the ref to unlock it with. */
  holdLocked(fileName: string | null, origin: CertificateOrigin, pfx: Buffer, ref?: string): string {
    const entry = this.put(ref, {
      state: 'locked',
      origin,
      fileName,
      view: null,
      pfx,
      password: null,
      certificateDer: Buffer.alloc(0),
      chainDer: [],
      privateKey: null,
    });
    return entry.ref;
  }

  /** Keep an opened certificate (or replace the entry `ref`, e.g. after unlock or export); returns what the page shows. */
  hold(fileName: string | null, opened: HeldMaterial & { view: CertificateView }, ref?: string): HeldCertificate {
    const entry = this.put(ref, { state: 'open', origin: opened.view.origin, fileName, ...opened });
    return this.describe(entry);
  }

  /** The entry for a ref (and mark it used); unknown or expired -> pfx.session_expired. */
  get(ref: string): HeldEntry {
    this.sweep();
    const entry = this.entries.get(ref);
    if (!entry) {
      throw new WorkbenchError(
        'pfx.session_expired',
        'This certificate is no longer held in memory: it was closed, unused for 30 minutes, or the app restarted.',
        {
          hint: 'Open the file again (or generate a new certificate).',
        },
      );
    }
    entry.lastUsed = this.now();
    return entry;
  }

  /** The entry of an opened certificate (not one waiting for its password). */
  getOpen(ref: string): HeldEntry & { view: CertificateView } {
    const entry = this.get(ref);
    if (entry.state !== 'open' || !entry.view) {
      throw new WorkbenchError('pfx.password_required', 'This file is password protected. Enter its password.', {
        details: { ref },
      });
    }
    return entry as HeldEntry & { view: CertificateView };
  }

  /** What the page shows for an entry. */
  describe(entry: HeldEntry & { view: CertificateView | null }): HeldCertificate {
    return {
      ref: entry.ref,
      fileName: entry.fileName,
      exportName: exportNameFor(entry.fileName, entry.view!),
      details: entry.view!,
    };
  }

  /** Mark a certificate for use in a connection and return the facts a profile keeps. */
  handoff(ref: string): CertificateHandoff {
    const entry = this.withPfx(ref);
    entry.handedOff = true;
    const c = entry.view.certificate;
    return {
      ref,
      thumbprintSha1: c.thumbprintSha1,
      thumbprintSha256: c.thumbprintSha256,
      subject: c.subject,
      notAfter: c.notAfter,
      fileName: entry.fileName,
    };
  }

  /** For main's connection handlers only: the base64 of the PFX and its password, to store in the vault. Never for the renderer. */
  takeForConnection(ref: string): { pfxBase64: string; password: string | null; handoff: CertificateHandoff } {
    const entry = this.withPfx(ref);
    return { pfxBase64: toBase64(entry.pfx), password: entry.password, handoff: this.handoff(ref) };
  }

  /** An opened entry that has a PFX (opened, or exported after generation). */
  withPfx(ref: string): HeldEntry & { view: CertificateView; pfx: Buffer } {
    const entry = this.getOpen(ref);
    if (entry.pfx) return entry as HeldEntry & { view: CertificateView; pfx: Buffer };
    if (entry.origin === 'generated') {
      throw new WorkbenchError('pfx.not_exported', 'This new certificate has no PFX file yet.', {
        hint: 'Export it with a password first; the base64 is that of the exported .pfx file.',
      });
    }
    throw noPrivateKey();
  }

  /** Forget a certificate now. */
  discard(ref: string): boolean {
    const entry = this.entries.get(ref);
    if (entry) wipe(entry);
    return this.entries.delete(ref);
  }

  /** A signal for one open of a PFX; call end() when it has finished. */
  beginOpen(): { signal: AbortSignal; end: () => void } {
    const controller = new AbortController();
    this.opening.add(controller);
    return { signal: controller.signal, end: () => this.opening.delete(controller) };
  }

  /** Stop every open in progress (the Cancel button, a closed window, quit); returns how many were running. */
  cancelOpens(): number {
    const running = [...this.opening];
    this.opening.clear();
    for (const controller of running) controller.abort();
    return running.length;
  }

  /** Start the PKCS#12 KDF workers ahead of the first open. */
  prewarm(): void {
    prewarmCertificateWorkers();
  }

  /** Stop the opens in progress, drop every certificate and stop the KDF workers (app quit). */
  async dispose(): Promise<void> {
    this.cancelOpens();
    clearInterval(this.sweeper);
    for (const entry of this.entries.values()) wipe(entry);
    this.entries.clear();
    await shutdownCertificateWorkers();
  }

  private put(
    ref: string | undefined,
    fields: Omit<HeldEntry, 'ref' | 'lastUsed' | 'handedOff' | 'pendingExport' | 'keyCredential'>,
  ): HeldEntry {
    this.sweep();
    const previous = ref ? this.entries.get(ref) : undefined;
    if (ref && !previous) this.get(ref);
    const entry: HeldEntry = {
      handedOff: false,
      pendingExport: null,
      keyCredential: null,
      ...previous,
      ...fields,
      ref: ref ?? randomBytes(16).toString('base64url'),
      lastUsed: this.now(),
    };
    // Belt and braces: the logger masks these wherever they might appear.
    this.options.redactor?.register(entry.password);
    if (entry.pfx) this.options.redactor?.register(toBase64(entry.pfx));
    if (previous && previous.pfx && previous.pfx !== entry.pfx) previous.pfx.fill(0);
    this.entries.delete(entry.ref);
    this.entries.set(entry.ref, entry);
    while (this.entries.size > MAX_ENTRIES) this.discard(this.entries.keys().next().value!);
    return entry;
  }

  private sweep(): void {
    const cutoff = this.now() - this.idleMs;
    for (const [ref, entry] of this.entries) if (entry.lastUsed <= cutoff) this.discard(ref);
  }
}

/** The action needs a private key and the certificate has none. */
export function noPrivateKey(): WorkbenchError {
  return new WorkbenchError(
    'pfx.no_private_key',
    'This is a certificate without its private key, so it cannot be exported as a PFX or used to sign in.',
    {
      hint: 'Open the .pfx or .p12 file that was exported together with the private key.',
    },
  );
}

function wipe(entry: HeldEntry): void {
  // Strings and KeyObjects cannot be wiped; the bytes at least are zeroed before the memory is released.
  entry.pfx?.fill(0);
  entry.pfx = null;
  entry.password = null;
  entry.privateKey = null;
}
