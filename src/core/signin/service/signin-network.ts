import type { SigninPreferences } from '../../../shared/contract/signin';
import { type NetworkClientOptions, SigninNetworkClient, systemCaCertificates } from '../network-client';
import { readExtraCa } from './extra-ca';
import type { SigninStore } from './signin-store';

/** The one network client of the sign-in tests, rebuilt when the trusted root CAs change, and the settings behind it. */
export class SigninNetwork {
  private net: SigninNetworkClient | null = null;

  constructor(
    private readonly store: SigninStore,
    /** Options on top of the user's settings (tests pass their test CA here). */
    private readonly base: NetworkClientOptions = {},
  ) {}

  /** The client every sign-in request goes through: Node's CAs, the OS store if chosen, the extra CA file, a 30 s limit. */
  client(): SigninNetworkClient {
    this.net ??= new SigninNetworkClient(this.options());
    return this.net;
  }

  /** The options every client of the app's own requests uses (sign-in tests, the management sign-in, Graph): the user's CA choices on top of the base. */
  options(): NetworkClientOptions {
    const { extraCaFile: file, useSystemCa } = this.store.preferences();
    const fromFile = file ? readExtraCa(file).pems : [];
    const given = this.base.extraCaPem;
    const extra = [...(given === undefined ? [] : Array.isArray(given) ? given : [given]), ...fromFile];
    return {
      timeoutMs: 30_000,
      ...this.base,
      ...(extra.length ? { extraCaPem: extra } : {}),
      ...(useSystemCa ? { systemCa: true } : {}),
    };
  }

  /** The browser timeout and the trusted root CA file, with what the file holds. */
  preferences(): SigninPreferences {
    const stored = this.store.preferences();
    let subjects: string[] = [];
    if (stored.extraCaFile) {
      try {
        subjects = readExtraCa(stored.extraCaFile).subjects;
      } catch {
        subjects = [];
      }
    }
    return {
      ...stored,
      extraCaSubjects: subjects,
      systemCaCount: systemCaCertificates()?.length ?? null,
      nodeExtraCaCerts: process.env.NODE_EXTRA_CA_CERTS || null,
    };
  }

  /** Change the timeout, stop trusting the extra CA file, or trust the OS certificate store or not. */
  setPreferences(patch: {
    timeoutSeconds?: number | undefined;
    extraCaFile?: null | undefined;
    useSystemCa?: boolean | undefined;
  }): SigninPreferences {
    this.store.setPreferences({
      ...(patch.timeoutSeconds !== undefined ? { timeoutSeconds: patch.timeoutSeconds } : {}),
      ...(patch.extraCaFile === null ? { extraCaFile: null } : {}),
      ...(patch.useSystemCa !== undefined ? { useSystemCa: patch.useSystemCa } : {}),
    });
    if (patch.extraCaFile === null || patch.useSystemCa !== undefined) this.close();
    return this.preferences();
  }

  /** Trust the root CAs in a PEM file (checked before it is kept). */
  trustExtraCa(path: string): SigninPreferences {
    readExtraCa(path);
    this.store.setPreferences({ extraCaFile: path });
    this.close();
    return this.preferences();
  }

  /** Close idle connections; the next request builds a new client. */
  close(): void {
    this.net?.close();
    this.net = null;
  }
}
