import { z } from 'zod';
import type { SecretStorageStatus } from '../../shared/contract/app';
import { WorkbenchError } from '../errors';
import type { Redactor } from '../log/redact';
import type { StoreBackendFactory } from '../storage/backend';
import { openJsonDocument, type JsonDocument } from '../storage/json-document';
import type { VaultPort } from './vault-port';

const vaultSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), z.object({ cipher: z.string(), savedAt: z.string() })),
});
type VaultFile = z.infer<typeof vaultSchema>;

const weakBackends = new Set(['basic_text']);

/** Secrets by id: encrypted with the OS keychain on disk, or kept in memory only when the keychain is weak or missing. */
export class SecretStore {
  private readonly doc: JsonDocument<VaultFile>;
  private readonly memory = new Map<string, string>();

  constructor(
    private readonly port: VaultPort,
    private readonly options: {
      directory: string;
      backend: StoreBackendFactory;
      redactor: Redactor;
      allowPlainText: () => boolean;
    },
  ) {
    this.doc = openJsonDocument(
      {
        name: 'vault',
        label: 'secret vault',
        schema: vaultSchema,
        currentVersion: 1,
        defaults: () => ({ version: 1, entries: {} }),
        repair: (raw) => {
          const entries = vaultSchema.shape.entries.safeParse(raw.entries);
          return {
            value: { version: 1, entries: entries.success ? entries.data : {} },
            reset: entries.success ? [] : ['entries'],
          };
        },
      },
      { directory: options.directory, backend: options.backend },
    );
  }

  /** Notices from opening the vault file. */
  get notices() {
    return this.doc.notices;
  }

  /** True when secrets are written to disk (encrypted) rather than kept for this session only. */
  persistent(): boolean {
    if (!this.port.isEncryptionAvailable()) return false;
    return !weakBackends.has(this.port.backend()) || this.options.allowPlainText();
  }

  /** What the About and Settings pages say about secret storage. */
  status(): SecretStorageStatus {
    const backend = this.port.isEncryptionAvailable() ? this.port.backend() : 'unavailable';
    return {
      backend,
      description: describeBackend(backend),
      persistent: this.persistent(),
      warning: this.warning(backend),
    };
  }

  /**
   * Store a secret under an id, replacing any previous value. The value is given to the log's redactor unless
   * `redact` is false: a caller that registers the secrets inside a larger value (the token cache) says so, or
   * every version of that value would stay in memory for the session.
   */
  put(id: string, value: string, options: { redact?: boolean } = {}): void {
    if (options.redact !== false) this.options.redactor.register(value);
    if (!this.persistent()) {
      this.memory.set(id, value);
      this.removeFromDisk(id);
      return;
    }
    const cipher = this.port.encrypt(value).toString('base64');
    const file = this.doc.get();
    file.entries[id] = { cipher, savedAt: new Date().toISOString() };
    this.doc.set(file);
    this.memory.delete(id);
  }

  /** Give a value held inside a stored secret to the log's redactor (callers that store it with `redact: false`). */
  registerSecret(value: string): void {
    this.options.redactor.register(value);
  }

  /** True when a secret exists under the id (in memory or on disk). */
  has(id: string): boolean {
    return this.memory.has(id) || id in this.doc.get().entries;
  }

  /** Read a secret; a keychain that cannot decrypt it gives `vault.decrypt_failed`. `redact` as for `put`. */
  get(id: string, options: { redact?: boolean } = {}): string {
    const inMemory = this.memory.get(id);
    if (inMemory !== undefined) return inMemory;
    const entry = this.doc.get().entries[id];
    if (!entry)
      throw new WorkbenchError(
        'vault.not_found',
        'This secret is not stored on this computer any more. Enter it again.',
      );
    if (!this.port.isEncryptionAvailable()) {
      throw new WorkbenchError(
        'vault.unavailable',
        'The OS keychain is not available, so the stored secret cannot be read. Unlock the keychain or enter the secret again.',
      );
    }
    try {
      const value = this.port.decrypt(Buffer.from(entry.cipher, 'base64'));
      if (options.redact !== false) this.options.redactor.register(value);
      return value;
    } catch (cause) {
      throw new WorkbenchError(
        'vault.decrypt_failed',
        'The stored secret could not be decrypted: the OS keychain or user account has changed since it was saved. Enter the secret again; the rest of the profile is kept.',
        { cause },
      );
    }
  }

  /** Forget a secret everywhere. */
  delete(id: string): void {
    this.memory.delete(id);
    this.removeFromDisk(id);
  }

  /**
   * Move secrets to where the storage choice puts them now (called when the setting changes): with weak storage turned
   * off, every secret on disk moves into memory for this session and leaves `vault.json` and its `.bak` at once; with
   * it turned on, secrets held in memory are written. A keychain that is merely unavailable is not a choice: what is on
   * disk stays there.
   */
  applyStorageChoice(): void {
    const file = this.doc.get();
    if (this.persistent()) {
      if (this.memory.size === 0) return;
      const savedAt = new Date().toISOString();
      for (const [id, value] of this.memory)
        file.entries[id] = { cipher: this.port.encrypt(value).toString('base64'), savedAt };
      this.memory.clear();
      this.doc.set(file);
      return;
    }
    if (!this.port.isEncryptionAvailable() || Object.keys(file.entries).length === 0) return;
    for (const [id, entry] of Object.entries(file.entries)) {
      try {
        this.memory.set(id, this.port.decrypt(Buffer.from(entry.cipher, 'base64')));
      } catch {
        // Unreadable with the fixed key: nothing to keep, and it must not stay on disk either.
      }
      delete file.entries[id];
    }
    this.doc.set(file);
  }

  /** Ids of every stored secret. */
  ids(): string[] {
    return [...new Set([...this.memory.keys(), ...Object.keys(this.doc.get().entries)])];
  }

  private removeFromDisk(id: string): void {
    const file = this.doc.get();
    if (!(id in file.entries)) return;
    delete file.entries[id];
    this.doc.set(file);
  }

  private warning(backend: string): string | null {
    if (backend === 'unavailable') {
      return 'No OS keychain is available: secrets are kept in memory for this session only and must be entered again after a restart.';
    }
    if (weakBackends.has(backend)) {
      return this.options.allowPlainText()
        ? 'No keyring (GNOME Keyring or KWallet) was found and you chose to store secrets anyway: they are obfuscated with a fixed key, not truly encrypted.'
        : 'No keyring (GNOME Keyring or KWallet) was found: secrets are kept in memory for this session only. Install and unlock a keyring, or opt in to weak storage in Settings.';
    }
    return null;
  }
}

function describeBackend(backend: string): string {
  switch (backend) {
    case 'keychain':
      return 'macOS Keychain';
    case 'dpapi':
      return 'Windows Data Protection API (DPAPI)';
    case 'gnome_libsecret':
      return 'GNOME Keyring (libsecret)';
    case 'kwallet':
    case 'kwallet5':
    case 'kwallet6':
      return 'KDE Wallet';
    case 'secret_service':
      return 'the Secret Service (GNOME Keyring or KDE Wallet)';
    case 'credential_manager':
      return 'Windows Credential Manager';
    case 'macos_keychain':
      return 'macOS Keychain';
    case 'basic_text':
      return 'No keyring found (basic_text: fixed-key obfuscation)';
    case 'unavailable':
      return 'No OS encryption available';
    case 'test-double':
      return 'In-memory test vault (AES-256-GCM, key held in memory)';
    default:
      return backend;
  }
}
